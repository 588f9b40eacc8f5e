package dev.engram.core.ingest;

import dev.engram.core.episode.Episode;
import dev.engram.core.memory.SemanticConfigService;
import dev.engram.core.profile.CategoryRef;
import dev.engram.core.profile.SetIds;
import dev.engram.core.profile.SetInfo;
import dev.engram.core.scope.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sets a message feeds, as configured (MemMachine's rule, with Engram's default): the
 * speaker's own set; the set of every set type whose keys the message's metadata (with
 * {@code producer_id}) has; and the project's set only when categories were attached to it
 * directly (its built-in profile would repeat every user's facts at twice the model cost).
 */
public final class ConfiguredSets implements SetRouting {
    private final SemanticConfigService config;

    public ConfiguredSets(SemanticConfigService config) {
        this.config = config;
    }

    @Override
    public List<String> setsFor(Scope scope, Episode episode) {
        Map<String, String> metadata = new HashMap<>(episode.metadata());
        metadata.put(SetIds.PRODUCER_KEY, episode.producer());
        String projectSet = SetIds.projectSet(scope);
        List<String> sets = new ArrayList<>();
        for (SetInfo set : config.sets(scope, metadata)) {
            if (set.setId().equals(projectSet)) {
                if (config.categories(scope, projectSet).stream().anyMatch(c -> !c.inherited() && c.enabled())) {
                    sets.add(projectSet);
                }
            } else if (set.setTypeId() != null) {
                Map<String, String> values = new HashMap<>();
                set.tags().forEach(key -> values.put(key, metadata.get(key)));
                sets.add(config.setId(scope, set.orgLevel(), set.tags(), values)); // records it with its set type
            } else {
                sets.add(set.setId());
            }
        }
        return sets;
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
