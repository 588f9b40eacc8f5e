package dev.engram.bench.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where a data folder's bytes are: the graph store's record files, each index kind, logs, H2. */
public final class DiskParts {
    private DiskParts() {
    }

    public static Map<String, Long> of(Path dataDir) throws IOException {
        Path neo4j = dataDir.resolve("episodes/data/databases/neo4j");
        Path index = neo4j.resolve("schema/index");
        Map<String, Long> parts = new LinkedHashMap<>();
        parts.put("vector properties", size(neo4j.resolve("neostore.propertystore.db.arrays")));
        parts.put("other records", ScaleBench.diskBytes(neo4j) - size(neo4j.resolve("neostore.propertystore.db.arrays"))
                - ScaleBench.diskBytes(neo4j.resolve("schema")));
        parts.put("vector index", sizeOfKind(index, "vector"));
        parts.put("full-text index", sizeOfKind(index, "fulltext"));
        parts.put("range indexes", sizeOfKind(index, "range"));
        parts.put("transaction logs", sizeIfExists(dataDir.resolve("episodes/data/transactions")));
        parts.put("H2", sizeIfExists(dataDir.resolve("profile")));
        long counted = parts.values().stream().mapToLong(Long::longValue).sum();
        parts.put("rest", ScaleBench.diskBytes(dataDir) - counted);
        return parts;
    }

    private static long sizeOfKind(Path index, String prefix) throws IOException {
        if (!Files.isDirectory(index)) {
            return 0;
        }
        long total = 0;
        try (var kinds = Files.list(index)) {
            for (Path kind : kinds.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                total += ScaleBench.diskBytes(kind);
            }
        }
        return total;
    }

    private static long sizeIfExists(Path dir) throws IOException {
        return Files.exists(dir) ? ScaleBench.diskBytes(dir) : 0;
    }

    private static long size(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }
}
