package dev.engram.core.memory;

import dev.engram.core.InvalidInputException;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.MemoryType;
import dev.engram.core.scope.Scope;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A search over one scope. {@code types} empty means both memory types. {@code topK} applies to
 * each memory type separately (as in MemMachine). A blank query finds no long-term episodes.
 */
public record SearchQuery(Scope scope, String query, int topK, Filter filter, int expandContext,
                          Double scoreThreshold, Set<MemoryType> types) {
    public static final int MAX_TOP_K = 1_000;
    public static final int MAX_EXPAND_CONTEXT = 100;
    public static final int MAX_QUERY_LENGTH = 10_000;

    public SearchQuery {
        Objects.requireNonNull(scope, "scope");
        if (query == null) {
            throw new InvalidInputException("query", "is required");
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new InvalidInputException("query", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        if (topK < 0 || topK > MAX_TOP_K) {
            throw new InvalidInputException("top_k", "must be between 0 and " + MAX_TOP_K + " (got " + topK + ")");
        }
        if (expandContext < 0 || expandContext > MAX_EXPAND_CONTEXT) {
            throw new InvalidInputException("expand_context",
                    "must be between 0 and " + MAX_EXPAND_CONTEXT + " (got " + expandContext + ")");
        }
        if (scoreThreshold != null && !Double.isFinite(scoreThreshold)) {
            throw new InvalidInputException("score_threshold", "must be a finite number");
        }
        filter = filter == null ? Filter.all() : filter;
        types = types == null || types.isEmpty() ? EnumSet.allOf(MemoryType.class) : Set.copyOf(types);
    }

    public static SearchQuery of(Scope scope, String query, int topK) {
        return new SearchQuery(scope, query, topK, Filter.all(), 0, null, Set.of());
    }

    public boolean includes(MemoryType type) {
        return types.contains(type);
    }
}
