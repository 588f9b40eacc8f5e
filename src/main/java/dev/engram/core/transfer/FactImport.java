package dev.engram.core.transfer;

import dev.engram.core.Cancellation;
import dev.engram.core.Progress;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.memory.ProfileMemory;
import dev.engram.core.profile.FactRecord;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.profile.ProfileStore;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The facts of an Engram export, imported after its episodes: each is moved into the target
 * scope ({@link FactRemap}), matched by its key against the scope's facts, and added, left
 * alone, or overwritten under the replace policy.
 */
final class FactImport {
    private static final int PAGE = PageRequest.MAX_SIZE;

    private final ProfileStore store;
    private final ProfileMemory memory;
    private long added;
    private long unchanged;
    private long skipped;
    private long replaced;
    private long duplicates;

    FactImport(ProfileStore store, ProfileMemory memory) {
        this.store = store;
        this.memory = memory;
    }

    /** Imports the facts; returns how many citations named episodes that were not imported. */
    long run(List<FactRecord> facts, FactRemap remap, Scope target, ConflictPolicy policy, Progress progress,
             Cancellation cancel) {
        Map<String, ProfileFact> known = new HashMap<>();
        List<ProfileFact> page;
        int number = 0;
        do {
            page = store.list(target, Filter.all(), new PageRequest(PAGE, number++), true);
            page.forEach(f -> known.putIfAbsent(ImportKeys.fact(f), f));
        } while (page.size() == PAGE);
        Set<String> inFile = new HashSet<>();
        long done = 0;
        for (FactRecord record : facts) {
            cancel.throwIfCancelled();
            FactRecord moved = remap.apply(record);
            String key = ImportKeys.fact(moved.fact());
            ProfileFact existing = known.get(key);
            if (!inFile.add(key)) {
                duplicates++;
            } else if (existing == null) {
                memory.importFact(target, moved);
                added++;
            } else if (sameState(existing, moved.fact())) {
                unchanged++;
            } else if (policy == ConflictPolicy.REPLACE) {
                memory.replaceFact(target, existing.id(), moved, ScopeImport.ACTOR);
                replaced++;
            } else {
                skipped++;
            }
            progress.update("Importing facts", ++done, facts.size());
        }
        return remap.dropped();
    }

    private static boolean sameState(ProfileFact a, ProfileFact b) {
        return a.value().equals(b.value()) && a.status() == b.status() && a.validFrom().equals(b.validFrom())
                && Objects.equals(a.validTo(), b.validTo()) && a.source() == b.source()
                && Set.copyOf(a.citations()).equals(Set.copyOf(b.citations())) && a.metadata().equals(b.metadata());
    }

    ImportReport.Tally tally() {
        return new ImportReport.Tally(added, unchanged, skipped, replaced, duplicates);
    }
}
