package dev.engram.core.profile;

import dev.engram.core.InvalidInputException;
import dev.engram.core.scope.Ids;
import java.util.List;
import java.util.TreeSet;

/** A set type to create; its metadata keys are de-duplicated and sorted (their order means nothing). */
public record NewSetType(boolean orgLevel, List<String> tags, String name, String description) {
    public NewSetType {
        if (tags == null) {
            throw new InvalidInputException("metadata_tags", "Field required");
        }
        if (tags.size() > Ids.MAX_METADATA_ENTRIES) {
            throw new InvalidInputException("metadata_tags", "at most " + Ids.MAX_METADATA_ENTRIES + " keys are allowed");
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (int i = 0; i < tags.size(); i++) {
            sorted.add(Ids.requireMetadataKey("metadata_tags." + i, tags.get(i)));
        }
        tags = List.copyOf(sorted);
        name = name == null ? null : ConfigText.name("name", name);
        description = ConfigText.optional("description", description, ConfigText.MAX_DESCRIPTION);
    }
}
