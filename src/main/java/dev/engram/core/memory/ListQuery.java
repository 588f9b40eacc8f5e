package dev.engram.core.memory;

import dev.engram.core.episode.Order;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.MemoryType;
import dev.engram.core.scope.Scope;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** A page of one scope's memories, oldest first by default ({@code types} empty = both). */
public record ListQuery(Scope scope, Filter filter, PageRequest page, Set<MemoryType> types, Order order) {
    public ListQuery {
        Objects.requireNonNull(scope, "scope");
        filter = filter == null ? Filter.all() : filter;
        page = page == null ? new PageRequest(100, 0) : page;
        types = types == null || types.isEmpty() ? EnumSet.allOf(MemoryType.class) : Set.copyOf(types);
        order = order == null ? Order.OLDEST_FIRST : order;
    }

    public boolean includes(MemoryType type) {
        return types.contains(type);
    }
}
