package dev.engram.core.ingest;

import dev.engram.core.episode.Episode;
import dev.engram.core.memory.SemanticConfigService;
import dev.engram.core.profile.CategoryRef;
import dev.engram.core.profile.SetIds;
import dev.engram.core.profile.SetType;
import dev.engram.core.scope.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The sets a message feeds, as configured (MemMachine's rule, with Engram's default): the
 * speaker's own set; the set of every set type whose keys the message's metadata (with
 * {@code producer_id}) has; and the project's set only when categories were attached to it
 * directly (its built-in profile would repeat every user's facts at twice the model cost). The
 * configuration is read once per add, not once per message.
 */
public final class ConfiguredSets implements SetRouting {
    private final SemanticConfigService config;

    public ConfiguredSets(SemanticConfigService config) {
        this.config = config;
    }

    @Override
    public List<List<String>> setsFor(Scope scope, List<Episode> episodes) {
        List<SetType> types = config.setTypes(scope);
        String projectSet = SetIds.projectSet(scope);
        boolean projectProfiled = config.categories(scope, projectSet).stream().anyMatch(c -> !c.inherited() && c.enabled());
        Map<String, String> recorded = new HashMap<>(); // custom sets recorded during this add
        List<List<String>> out = new ArrayList<>(episodes.size());
        for (Episode episode : episodes) {
            Set<String> sets = new LinkedHashSet<>();
            sets.add(SetIds.userSet(scope, episode.producer()));
            Map<String, String> metadata = new HashMap<>(episode.metadata());
            metadata.put(SetIds.PRODUCER_KEY, episode.producer());
            for (SetType type : types) {
                if (!metadata.keySet().containsAll(type.tags())) {
                    continue;
                }
                Map<String, String> values = new TreeMap<>();
                type.tags().forEach(key -> values.put(key, metadata.get(key)));
                String setId = SetIds.customSet(scope, values);
                sets.add(recorded.computeIfAbsent(setId + "\u0000" + type.orgLevel(),
                        k -> config.setId(scope, type.orgLevel(), type.tags(), values))); // records it with its set type
            }
            if (projectProfiled) {
                sets.add(projectSet);
            }
            out.add(List.copyOf(sets));
        }
        return out;
    }

    /** The enabled categories of a set that have tags to file facts under, for extraction. */
    public static CategorySource categories(SemanticConfigService config) {
        return (scope, setId) -> config.categories(scope, setId).stream().filter(CategoryRef::enabled)
                .map(CategoryRef::category).filter(c -> !c.tags().isEmpty())
                .map(c -> new ExtractionCategory(c.name(), c.prompt() == null || c.prompt().isBlank()
                        ? c.description() : c.prompt(),
                        c.tags().stream().map(t -> new ExtractionCategory.Tag(t.name(),
                                t.description() == null ? "" : t.description())).toList()))
                .toList();
    }
}
