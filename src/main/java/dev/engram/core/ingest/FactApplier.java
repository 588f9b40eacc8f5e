package dev.engram.core.ingest;

import dev.engram.core.memory.ProfileMemory;
import dev.engram.core.profile.FactPatch;
import dev.engram.core.profile.FactSource;
import dev.engram.core.profile.NewFact;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.scope.Scope;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the model's commands into profile changes. A new value for a feature the set already
 * has supersedes the old one (kept as a version, with a history row); a value the tag already
 * holds (after normalizing case, spaces and end punctuation) changes nothing; a delete archives.
 * Every fact written cites the episodes of the batch.
 */
final class FactApplier {
    static final String ACTOR = "extraction";

    private final ProfileMemory profile;

    FactApplier(ProfileMemory profile) {
        this.profile = profile;
    }

    /** Counts of what a batch changed. */
    record Changes(int added, int updated, int archived, int unchanged) {
        static final Changes NONE = new Changes(0, 0, 0, 0);

        Changes plus(Changes o) {
            return new Changes(added + o.added, updated + o.updated, archived + o.archived, unchanged + o.unchanged);
        }
    }

    Changes apply(Scope scope, String setId, String producer, String category, List<FactCommand> commands,
                  List<Long> citations) {
        Changes changes = Changes.NONE;
        for (FactCommand command : commands) {
            List<ProfileFact> active = profile.active(scope, setId, category);
            changes = changes.plus(apply(scope, setId, producer, category, command, citations, active));
        }
        return changes;
    }

    private Changes apply(Scope scope, String setId, String producer, String category, FactCommand command,
                          List<Long> citations, List<ProfileFact> active) {
        String feature = featureName(command.feature());
        Optional<ProfileFact> same = active.stream()
                .filter(f -> f.tag().equals(command.tag()) && featureName(f.feature()).equals(feature)).findFirst();
        if (command.kind() == FactCommand.Kind.DELETE) {
            if (same.isEmpty()) {
                return new Changes(0, 0, 0, 1);
            }
            profile.archive(scope, same.get().id(), ACTOR);
            return new Changes(0, 0, 1, 0);
        }
        String value = normalized(command.value());
        boolean known = active.stream().anyMatch(f -> f.tag().equals(command.tag()) && normalized(f.value()).equals(value));
        if (known) {
            return new Changes(0, 0, 0, 1);
        }
        if (same.isPresent()) {
            profile.update(scope, same.get().id(), FactPatch.value(command.value()).citing(citations), ACTOR);
            return new Changes(0, 1, 0, 0);
        }
        profile.add(scope, new NewFact(setId, producer, category, command.tag(), feature, command.value(),
                FactSource.LLM, citations, Map.of()), ACTOR);
        return new Changes(1, 0, 0, 0);
    }

    /** Features compare as snake_case words: "Favourite Food" and "favourite_food" are one feature. */
    static String featureName(String feature) {
        return feature.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    /** Values compare without case, repeated spaces or end punctuation. */
    static String normalized(String value) {
        return value.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[.!;,]+$", "");
    }
}
