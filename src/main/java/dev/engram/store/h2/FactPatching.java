package dev.engram.store.h2;

import dev.engram.core.profile.FactPatch;
import dev.engram.core.profile.ProfileFact;
import java.time.Instant;

/** Applies a {@link FactPatch} to a fact in memory: null components keep the current value. */
final class FactPatching {
    private FactPatching() {
    }

    static ProfileFact apply(ProfileFact fact, FactPatch patch) {
        return new ProfileFact(fact.id(), fact.scope(), fact.setId(), fact.producer(),
                orElse(patch.category(), fact.category()), orElse(patch.tag(), fact.tag()),
                orElse(patch.feature(), fact.feature()), orElse(patch.value(), fact.value()), fact.status(),
                fact.validFrom(), fact.validTo(), fact.createdAt(), fact.updatedAt(), fact.source(),
                citations(fact, patch), patch.metadata() == null ? fact.metadata() : patch.metadata());
    }

    private static java.util.List<Long> citations(ProfileFact fact, FactPatch patch) {
        if (patch.addCitations() == null) {
            return fact.citations();
        }
        java.util.LinkedHashSet<Long> all = new java.util.LinkedHashSet<>(fact.citations());
        all.addAll(patch.addCitations());
        return java.util.List.copyOf(all);
    }

    /** Whether category, tag, feature or value differ: the content that is versioned and embedded. */
    static boolean contentDiffers(ProfileFact a, ProfileFact b) {
        return !a.category().equals(b.category()) || !a.tag().equals(b.tag())
                || !a.feature().equals(b.feature()) || !a.value().equals(b.value());
    }

    static ProfileFact validFrom(ProfileFact fact, Instant validFrom) {
        return new ProfileFact(fact.id(), fact.scope(), fact.setId(), fact.producer(), fact.category(), fact.tag(),
                fact.feature(), fact.value(), fact.status(), validFrom, fact.validTo(), fact.createdAt(),
                fact.updatedAt(), fact.source(), fact.citations(), fact.metadata());
    }

    private static String orElse(String patched, String current) {
        return patched == null ? current : patched;
    }
}
