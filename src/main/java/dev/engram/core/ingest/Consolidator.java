package dev.engram.core.ingest;

import dev.engram.core.memory.ProfileMemory;
import dev.engram.core.profile.FactSource;
import dev.engram.core.profile.NewFact;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.scope.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a tag of a set collects many facts, asks the model to merge them: facts it keeps stay,
 * merged facts are added citing every episode their sources cited, the rest are archived (kept
 * with their history, valid until now). An answer that would retire facts without replacing
 * them by anything is refused as invalid.
 */
final class Consolidator {
    static final String ACTOR = "consolidation";

    private final ProfileMemory profile;

    Consolidator(ProfileMemory profile) {
        this.profile = profile;
    }

    /** The tags of the set and category that have at least {@code threshold} active facts. */
    Map<String, List<ProfileFact>> crowded(Scope scope, String setId, String category, int threshold) {
        Map<String, List<ProfileFact>> byTag = new LinkedHashMap<>();
        profile.active(scope, setId, category).forEach(f -> byTag.computeIfAbsent(f.tag(), t -> new ArrayList<>()).add(f));
        byTag.values().removeIf(facts -> facts.size() < threshold);
        return byTag;
    }

    /** Applies a consolidation answer for one tag's facts; returns how many facts it retired. */
    int apply(Scope scope, String setId, String producer, String category, String tag, List<ProfileFact> facts,
              Object answer) {
        Map<Long, ProfileFact> byId = new LinkedHashMap<>();
        facts.forEach(f -> byId.put(f.id(), f));
        Set<Long> keep = new HashSet<>(ExtractionReplies.ids(answer, "keep"));
        if (!byId.keySet().containsAll(keep)) {
            throw ExtractionReplies.invalid("\"keep\" names ids that are not in this section");
        }
        Object merged = ExtractionReplies.field(answer, "consolidated");
        if (!(merged instanceof List<?> list)) {
            throw ExtractionReplies.invalid("\"consolidated\" must be a list");
        }
        List<NewFact> additions = new ArrayList<>();
        for (Object item : list) {
            List<Long> sources = ExtractionReplies.ids(item, "sources");
            if (sources.isEmpty() || !byId.keySet().containsAll(sources)) {
                throw ExtractionReplies.invalid("each consolidated fact needs \"sources\" from this section");
            }
            Set<Long> citations = new LinkedHashSet<>();
            sources.forEach(id -> citations.addAll(byId.get(id).citations()));
            additions.add(new NewFact(setId, producer, category, tag,
                    FactApplier.featureName(ExtractionReplies.text(item, "feature")), ExtractionReplies.text(item, "value"),
                    FactSource.LLM, List.copyOf(citations), Map.of()));
        }
        List<Long> retired = byId.keySet().stream().filter(id -> !keep.contains(id)).toList();
        if (!retired.isEmpty() && additions.isEmpty()) {
            throw ExtractionReplies.invalid("it retires facts without merging them into anything");
        }
        additions.forEach(fact -> profile.add(scope, fact, ACTOR));
        retired.forEach(id -> profile.archive(scope, id, ACTOR));
        return retired.size();
    }
}
