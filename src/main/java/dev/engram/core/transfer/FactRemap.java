package dev.engram.core.transfer;

import dev.engram.core.profile.FactChange;
import dev.engram.core.profile.FactRecord;
import dev.engram.core.profile.FactSnapshot;
import dev.engram.core.profile.FactVersion;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.scope.Scope;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves an exported fact into the target scope: its set id names the target project instead of
 * the source one, its citations (and those in its history) name the episodes' uids in the target
 * store (citations of episodes that were not imported are dropped), and its times are cut to the
 * microseconds the store keeps.
 */
final class FactRemap {
    private final Scope source;
    private final Scope target;
    private final Map<Long, Long> uids;
    private long dropped;

    FactRemap(Scope source, Scope target, Map<Long, Long> uids) {
        this.source = source;
        this.target = target;
        this.uids = uids;
    }

    /** Citations dropped so far (current values only, not history). */
    long dropped() {
        return dropped;
    }

    FactRecord apply(FactRecord record) {
        ProfileFact f = record.fact();
        List<Long> citations = citations(f.citations());
        dropped += f.citations().size() - citations.size();
        ProfileFact moved = new ProfileFact(f.id(), target, setId(f.setId()), f.producer(), f.category(), f.tag(),
                f.feature(), f.value(), f.status(), micros(f.validFrom()), micros(f.validTo()), micros(f.createdAt()),
                micros(f.updatedAt()), f.source(), citations, f.metadata());
        List<FactVersion> versions = record.versions().stream().map(v -> new FactVersion(0, v.category(), v.tag(),
                v.feature(), v.value(), micros(v.validFrom()), micros(v.validTo()))).toList();
        List<FactChange> history = record.history().stream().map(h -> new FactChange(0, 0, h.action(),
                snapshot(h.before()), snapshot(h.after()), h.actor(), micros(h.at()))).toList();
        return new FactRecord(moved, versions, history);
    }

    /** A set id naming the source project names the target one; any other set id is kept. */
    String setId(String setId) {
        String from = "_org_" + source.orgId() + "_project_" + source.projectId() + "_";
        return source.equals(target) || !setId.contains(from) ? setId
                : setId.replace(from, "_org_" + target.orgId() + "_project_" + target.projectId() + "_");
    }

    private List<Long> citations(List<Long> cited) {
        List<Long> mapped = new ArrayList<>(cited.size());
        for (Long uid : cited) {
            Long to = uids.get(uid);
            if (to != null && !mapped.contains(to)) {
                mapped.add(to);
            }
        }
        return mapped;
    }

    private FactSnapshot snapshot(FactSnapshot s) {
        return s == null ? null : new FactSnapshot(s.category(), s.tag(), s.feature(), s.value(), s.status(),
                citations(s.citations()), s.metadata());
    }

    private static Instant micros(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }
}
