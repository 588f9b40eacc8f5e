package dev.engram.api;

import dev.engram.core.InvalidInputException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * How the API server listens. It binds 127.0.0.1 unless told otherwise; binding any other
 * address exposes the memory to the network and therefore requires a bearer token.
 */
public record ServerSettings(String host, int port, String token, long maxBodyBytes) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final int MIN_TOKEN_LENGTH = 16;

    public ServerSettings {
        host = host == null || host.isBlank() ? DEFAULT_HOST : host.strip();
        if (port < 0 || port > 65_535) {
            throw new InvalidInputException("--port", "must be between 0 and 65535 (got " + port + ")");
        }
        if (maxBodyBytes < 1024) {
            throw new InvalidInputException("--max-body", "must be at least 1024 bytes");
        }
        token = token == null || token.isBlank() ? null : token;
        if (token != null && token.length() < MIN_TOKEN_LENGTH) {
            throw new InvalidInputException("--token", "must be at least " + MIN_TOKEN_LENGTH + " characters");
        }
        if (token == null && !isLoopback(host)) {
            throw new InvalidInputException("--host", "binding to " + host + " would let other machines read and"
                    + " change this memory; give --token T (clients then send 'Authorization: Bearer T'),"
                    + " or bind 127.0.0.1");
        }
    }

    public static ServerSettings loopback(int port) {
        return new ServerSettings(DEFAULT_HOST, port, null, DEFAULT_MAX_BODY_BYTES);
    }

    public boolean requiresToken() {
        return token != null;
    }

    static boolean isLoopback(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            throw new InvalidInputException("--host", "unknown host '" + host + "'");
        }
    }
}
