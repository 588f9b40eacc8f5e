package dev.engram.core.ingest;

import dev.engram.core.scope.Scope;
import java.util.List;
import java.util.Optional;

/**
 * Where short-term summaries are kept, one per (scope, producer). Every call is one short
 * transaction; nothing crosses the scope.
 */
public interface SummaryStore {

    Optional<ShortTermSummary> get(Scope scope, String producer);

    /** Stores the summary, replacing the one of its (scope, producer). */
    void put(ShortTermSummary summary);

    /** Every summary of the scope, most recently written first. */
    List<ShortTermSummary> all(Scope scope);

    /** Forgets the summary of (scope, producer); returns whether there was one. */
    boolean delete(Scope scope, String producer);

    /** Forgets every summary of the scope (its project is deleted); returns how many. */
    int deleteAll(Scope scope);
}
