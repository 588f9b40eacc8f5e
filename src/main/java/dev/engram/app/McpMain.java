package dev.engram.app;

import dev.engram.api.mcp.McpEndpoints;
import dev.engram.cli.McpCommand;
import dev.engram.core.Progress;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * {@code engram mcp}: MCP over stdio. Standard output carries the protocol and nothing else
 * (logs go to the log file and, for warnings, to standard error). Stops when the client closes stdin.
 */
final class McpMain implements McpCommand.Runner {
    @Override
    public void serve(Path explicitDataDir) {
        Path dataDir = AppPaths.dataDirectory(explicitDataDir);
        CountDownLatch closed = new CountDownLatch(1);
        InputStream in = new FilterInputStream(System.in) {
            @Override
            public int read() throws IOException {
                return ended(super.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return ended(super.read(b, off, len));
            }

            private int ended(int n) {
                if (n < 0) {
                    closed.countDown();
                }
                return n;
            }
        };
        try (Engram engram = Engram.open(dataDir, EngramConfig.load(dataDir), Progress.NONE, Clock.systemUTC())) {
            engram.startBackgroundWork();
            McpSyncServer server = McpEndpoints.stdio(engram.memory(), Version.current(), System.getenv(),
                    Clock.systemUTC(), in, System.out);
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                server.closeGracefully();
            }
        }
    }
}
