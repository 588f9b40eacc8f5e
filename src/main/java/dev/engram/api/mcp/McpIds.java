package dev.engram.api.mcp;

import java.net.NetworkInterface;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;

/**
 * Whose memory an MCP call is about, resolved as MemMachine resolves it: HTTP headers
 * ({@code org-id}, {@code proj-id}, {@code user-id}) over environment variables
 * ({@code MM_ORG_ID}, {@code MM_PROJ_ID}, {@code MM_USER_ID}) over the tool's arguments; then
 * defaults: user {@code user-<MAC address>}, project {@code mcp-<user>}, org {@code mcp-universal}.
 */
record McpIds(String org, String project, String user) {
    static final String DEFAULT_ORG = "mcp-universal";

    static McpIds resolve(String argOrg, String argProject, String argUser, Map<String, String> env,
                          Map<String, String> headers) {
        String org = first(headers.get("org-id"), env.get("MM_ORG_ID"), argOrg);
        String project = first(headers.get("proj-id"), env.get("MM_PROJ_ID"), argProject);
        String user = first(headers.get("user-id"), env.get("MM_USER_ID"), argUser);
        if (user == null) {
            user = "user-" + machineId();
        }
        return new McpIds(org == null ? DEFAULT_ORG : org, project == null ? "mcp-" + user : project, user);
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    /** The first network interface's hardware address in hex (MemMachine uses {@code hex(uuid.getnode())}). */
    static String machineId() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                byte[] mac = nic.isLoopback() ? null : nic.getHardwareAddress();
                if (mac != null && mac.length > 0) {
                    return "0x" + HexFormat.of().formatHex(mac).replaceFirst("^0+(?=.)", "");
                }
            }
        } catch (java.net.SocketException e) {
            // no interfaces to read: fall through
        }
        return "0xlocal";
    }
}
