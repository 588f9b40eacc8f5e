package dev.engram.store.h2;

import dev.engram.core.ingest.EmbeddingSpace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The one-row record of the store's embedding space, and the stale-vector bookkeeping. */
final class EmbeddingSpaces {

    Optional<EmbeddingSpace> current(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT model_id, dimension FROM embedding_space WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new EmbeddingSpace(rs.getString(1), rs.getInt(2))) : Optional.empty();
        }
    }

    /** Throws IllegalArgumentException when the vector does not fit the recorded space. */
    void requireFits(Connection c, float[] vector) throws SQLException {
        if (vector != null) {
            requireFits(current(c), vector);
        }
    }

    private static void requireFits(Optional<EmbeddingSpace> space, float[] vector) {
        if (vector != null && space.isPresent() && space.get().dimension() != vector.length) {
            throw new IllegalArgumentException("a vector of " + vector.length + " dimensions does not fit the"
                    + " profile store's embedding space " + space.get().modelId() + " (" + space.get().dimension()
                    + " dimensions); reset the embedding space first");
        }
    }

    /** Records the new space and marks every fact's embedding stale. */
    void reset(Connection c, EmbeddingSpace space) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO embedding_space (id, model_id, dimension) KEY (id) VALUES (1, ?, ?)")) {
            ps.setString(1, space.modelId());
            ps.setInt(2, space.dimension());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE facts SET embedding = NULL WHERE embedding IS NOT NULL")) {
            ps.executeUpdate();
        }
    }

    /** Facts of any scope whose embedding is stale, as id to indexed text, lowest ids first. */
    Map<Long, String> stale(Connection c, int limit) throws SQLException {
        Map<Long, String> stale = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, indexed_text FROM facts WHERE embedding IS NULL ORDER BY id FETCH FIRST ? ROWS ONLY")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stale.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return Collections.unmodifiableMap(stale);
    }

    /**
     * Fills stale embeddings. A fact that got a fresh vector meanwhile (an update) keeps it,
     * and a fact deleted meanwhile is skipped.
     */
    void store(Connection c, Map<Long, float[]> vectors) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE facts SET embedding = ? WHERE id = ? AND embedding IS NULL")) {
            Optional<EmbeddingSpace> space = current(c);
            for (Map.Entry<Long, float[]> entry : vectors.entrySet()) {
                requireFits(space, entry.getValue());
                ps.setBytes(1, Vectors.encode(entry.getValue()));
                ps.setLong(2, entry.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
