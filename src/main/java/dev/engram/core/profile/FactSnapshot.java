package dev.engram.core.profile;

import java.util.List;
import java.util.Map;

/** A fact's content at one moment, as recorded before and after a change. */
public record FactSnapshot(String category, String tag, String feature, String value, FactStatus status,
                           List<Long> citations, Map<String, String> metadata) {
    public FactSnapshot {
        citations = List.copyOf(citations);
        metadata = Map.copyOf(metadata);
    }

    public static FactSnapshot of(ProfileFact fact) {
        return new FactSnapshot(fact.category(), fact.tag(), fact.feature(), fact.value(), fact.status(),
                fact.citations(), fact.metadata());
    }
}
