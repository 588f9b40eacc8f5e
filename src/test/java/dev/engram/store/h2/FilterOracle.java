package dev.engram.store.h2;

import dev.engram.core.profile.ProfileFact;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.FilterEvaluator;
import dev.engram.core.scope.FilterField;

/** The test oracle: the filter language's reference meaning ({@link FilterEvaluator}) over a fact. */
final class FilterOracle {

    private FilterOracle() {
    }

    static boolean matches(Filter filter, ProfileFact fact) {
        return FilterEvaluator.matches(filter, field -> value(fact, field));
    }

    static Object value(ProfileFact fact, FilterField field) {
        if (field.isMetadata()) {
            return fact.metadata().get(field.metadataKey());
        }
        return switch (field.system()) {
            case PRODUCER -> fact.producer();
            case SET_ID -> fact.setId();
            case CATEGORY -> fact.category();
            case TAG -> fact.tag();
            case FEATURE -> fact.feature();
            case VALUE -> fact.value();
            case CREATED_AT -> fact.createdAt();
            case UPDATED_AT -> fact.updatedAt();
            default -> throw new IllegalArgumentException("facts have no " + field);
        };
    }
}
