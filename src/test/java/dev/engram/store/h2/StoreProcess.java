package dev.engram.store.h2;

import dev.engram.core.scope.Scope;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A second JVM for tests: {@code hold} opens the database and keeps it open until stdin
 * closes; {@code hold-raw} does the same with plain H2 JDBC (no Engram lock file);
 * {@code write} adds facts forever, printing {@code committed <id>} after each commit;
 * {@code write-step} makes H2 reuse freed file space at once ({@code RETENTION_TIME 0}, what a
 * store open for more than 45 s does anyway), then adds one fact per line read from stdin and
 * announces it, so a SIGKILL after an announcement hits a process with no write in flight;
 * {@code write-compacting} is {@code write} with the open file compacted every 256 KB of growth.
 */
public final class StoreProcess {
    private StoreProcess() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        Path dir = Path.of(args[0]);
        switch (args[1]) {
            case "hold" -> {
                H2Database database = H2Database.open(dir);
                announce("open");
                System.in.transferTo(java.io.OutputStream.nullOutputStream());
                database.close();
            }
            case "hold-raw" -> {
                String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("profile") + ";FILE_LOCK=FS";
                Connection connection = DriverManager.getConnection(url, "sa", "");
                announce("open");
                System.in.transferTo(java.io.OutputStream.nullOutputStream());
                connection.close();
            }
            case "write", "write-compacting" -> {
                H2Database database = H2Database.open(dir);
                if (args[1].equals("write-compacting")) {
                    database.compactWhenGrownBy(256 << 10);
                }
                H2ProfileStore store = new H2ProfileStore(database);
                Scope scope = Scope.of("crash", "test");
                for (int i = 0; ; i++) {
                    long id = store.add(scope, Fixtures.fact("f" + i, "value " + i, List.of((long) i), Map.of("i", "" + i)),
                            "value " + i, new float[] {1, i}, "test").id();
                    announce("committed " + id);
                }
            }
            case "write-step" -> {
                H2Database database = H2Database.open(dir);
                try (Connection c = database.connection(); java.sql.Statement s = c.createStatement()) {
                    s.execute("SET RETENTION_TIME 0");
                }
                H2ProfileStore store = new H2ProfileStore(database);
                Scope scope = Scope.of("crash", "test");
                java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                        java.nio.charset.StandardCharsets.UTF_8));
                for (int i = 0; in.readLine() != null; i++) {
                    long id = store.add(scope, Fixtures.fact("s" + i, "step " + i, List.of((long) i), Map.of()),
                            "step " + i, new float[] {1, i}, "test").id();
                    announce("committed " + id);
                }
            }
            default -> throw new IllegalArgumentException(args[1]);
        }
    }

    private static void announce(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
