package dev.engram.core.profile;

import dev.engram.core.scope.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A lasting fact about someone or something: in set {@code setId}, under {@code category} and
 * {@code tag}, {@code feature} has {@code value}. {@code producer} is the user whose profile set
 * holds it (null for project-wide facts). {@code validFrom} is when the current value became
 * true; {@code validTo} is set when the fact is archived. Earlier values are kept as
 * {@link FactVersion}s. {@code citations} are the uids of the episodes it came from.
 */
public record ProfileFact(
        long id,
        Scope scope,
        String setId,
        String producer,
        String category,
        String tag,
        String feature,
        String value,
        FactStatus status,
        Instant validFrom,
        Instant validTo,
        Instant createdAt,
        Instant updatedAt,
        FactSource source,
        List<Long> citations,
        Map<String, String> metadata) {

    public ProfileFact {
        citations = List.copyOf(citations);
        metadata = Map.copyOf(metadata);
    }

    public String idString() {
        return Long.toString(id);
    }
}
