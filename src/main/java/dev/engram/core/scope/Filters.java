package dev.engram.core.scope;

/** Placeholder until the filter-language branch lands (replaced there by the full version). */
public final class Filters {
    private Filters() {
    }

    public static Filter restrictTo(Filter filter, MemoryType type) {
        return filter;
    }
}
