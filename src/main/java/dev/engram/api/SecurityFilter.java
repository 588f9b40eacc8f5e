package dev.engram.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Guards every request, REST and MCP alike, before it reaches a handler:
 * <ul>
 *   <li>with a token, {@code Authorization: Bearer <token>} (compared in constant time), else 401
 *       with nothing about why;</li>
 *   <li>bodies over the limit: 413, checked on the declared length and enforced while reading;</li>
 *   <li>a request with a body must say {@code Content-Type: application/json} (415): a web page
 *       cannot send that cross-origin without a CORS preflight, which this server never grants;</li>
 *   <li>bound to loopback without a token, the Host must be a loopback name and any Origin a
 *       loopback origin (403), so a web page cannot reach the memory by DNS rebinding.</li>
 * </ul>
 * It also times every request for {@code /api/v2/metrics}.
 */
final class SecurityFilter implements Filter {
    private static final Pattern LOOPBACK_HOST = Pattern.compile(
            "(?i)(localhost|127(\\.\\d{1,3}){3}|\\[::1\\])(:\\d{1,5})?");
    private static final Pattern LOOPBACK_ORIGIN = Pattern.compile(
            "(?i)https?://(localhost|127(\\.\\d{1,3}){3}|\\[::1\\])(:\\d{1,5})?");
    private static final Pattern KNOWN_PATH = Pattern.compile("/(api/v2/[a-z_/]{1,80}|mcp)");

    private final ServerSettings settings;
    private final byte[] expectedAuthorization;
    private final MeterRegistry registry;

    SecurityFilter(ServerSettings settings, MeterRegistry registry) {
        this.settings = settings;
        this.registry = registry;
        this.expectedAuthorization = settings.requiresToken()
                ? ("Bearer " + settings.token()).getBytes(StandardCharsets.UTF_8) : null;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        Timer.Sample sample = Timer.start(registry);
        try {
            ApiError refusal = refusal(request);
            if (refusal != null) {
                if (refusal.status() == 401) {
                    response.setHeader("WWW-Authenticate", "Bearer");
                }
                write(response, refusal);
                return;
            }
            chain.doFilter(new LimitedRequest(request, settings.maxBodyBytes()), response);
        } finally {
            sample.stop(registry.timer("engram_http_requests", "method", request.getMethod(),
                    "uri", metricUri(request, response.getStatus()), "status", Integer.toString(response.getStatus())));
        }
    }

    private ApiError refusal(HttpServletRequest request) {
        if (expectedAuthorization != null) {
            String given = request.getHeader("Authorization");
            if (given == null || !MessageDigest.isEqual(expectedAuthorization, given.getBytes(StandardCharsets.UTF_8))) {
                return new ApiError(401, "Not authenticated");
            }
        } else {
            String host = request.getHeader("Host");
            if (host != null && !LOOPBACK_HOST.matcher(host).matches()) {
                return new ApiError(403, "This server answers loopback requests only (Host: localhost or 127.0.0.1)");
            }
            String origin = request.getHeader("Origin");
            if (origin != null && !origin.equals("null") && !LOOPBACK_ORIGIN.matcher(origin).matches()) {
                return new ApiError(403, "Cross-origin requests are not allowed");
            }
        }
        long length = request.getContentLengthLong();
        if (length > settings.maxBodyBytes()) {
            return new ApiError(413, "Request body too large: " + length + " bytes, the limit is "
                    + settings.maxBodyBytes());
        }
        boolean hasBody = length > 0 || request.getHeader("Transfer-Encoding") != null;
        String type = request.getContentType();
        if (hasBody && (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json"))) {
            return new ApiError(415, "Content-Type must be application/json");
        }
        return null;
    }

    private static String metricUri(HttpServletRequest request, int status) {
        String uri = request.getRequestURI();
        return status != 404 && uri != null && KNOWN_PATH.matcher(uri).matches() ? uri : "other";
    }

    static void write(HttpServletResponse response, ApiError error) throws IOException {
        response.setStatus(error.status());
        response.setContentType("application/json");
        response.getOutputStream().write(error.body().getBytes(StandardCharsets.UTF_8));
    }

    /** A request whose body stream fails once more than the limit has been read. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                private int count(int n) throws IOException {
                    if (n > 0 && (read += n) > limit) {
                        throw new IOException("request body exceeds " + limit + " bytes");
                    }
                    return n;
                }

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return count(in.read(buffer, offset, length));
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
