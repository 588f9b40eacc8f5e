package dev.engram.core.transfer;

import dev.engram.core.Cancellation;
import dev.engram.core.Progress;
import dev.engram.core.episode.Episode;
import dev.engram.core.episode.EpisodeStore;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.memory.EpisodicMemory;
import dev.engram.core.profile.FactRecord;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The second pass of an import, for episodes: in batches, each record is matched by its key
 * against what the target scope holds (and what the file brought before it); new ones are
 * embedded and stored, known ones are left alone, or get the imported metadata under the
 * replace policy. Facts are collected for afterwards, when every episode's new uid is known.
 */
final class EpisodeImport implements RecordSource.Handler {
    static final int BATCH = 64;
    private static final int SCAN_PAGE = 1_000;

    private record Known(long uid, Map<String, String> metadata) {
    }

    /** A repeat of a message of the file not stored yet when the repeat was read: its uid comes later. */
    private record Repeat(long sourceUid, String key) {
    }

    private final Scope target;
    private final ImportOptions options;
    private final EpisodeStore store;
    private final EpisodicMemory memory;
    private final Map<String, Known> known = new HashMap<>();
    private final Set<String> inFile = new HashSet<>();
    private final Map<Long, Long> uids = new HashMap<>();
    private final List<IncomingEpisode> batch = new ArrayList<>();
    private final List<Repeat> repeats = new ArrayList<>();
    private final List<FactRecord> facts = new ArrayList<>();
    private final long total;
    private final Progress progress;
    private final Cancellation cancel;
    private long added;
    private long unchanged;
    private long skipped;
    private long replaced;
    private long duplicates;
    private final boolean extract;

    EpisodeImport(Scope target, ImportOptions options, EpisodeStore store, EpisodicMemory memory, long total,
                  Progress progress, Cancellation cancel) {
        this(target, options, store, memory, total, progress, cancel, false);
    }

    /** {@code extract}: queue the new messages for fact extraction (files from other tools bring no facts). */
    EpisodeImport(Scope target, ImportOptions options, EpisodeStore store, EpisodicMemory memory, long total,
                  Progress progress, Cancellation cancel, boolean extract) {
        this.extract = extract;
        this.target = target;
        this.options = options;
        this.store = store;
        this.memory = memory;
        this.total = total;
        this.progress = progress;
        this.cancel = cancel;
        long after = 0;
        List<Episode> page;
        do {
            page = store.listByUid(target, Filter.all(), after, SCAN_PAGE);
            for (Episode e : page) {
                known.putIfAbsent(ImportKeys.episode(e.producer(), e.producedFor(), e.role(), e.createdAt(), e.content()),
                        new Known(e.uid(), e.metadata()));
                after = e.uid();
            }
        } while (page.size() == SCAN_PAGE);
    }

    @Override
    public void episode(IncomingEpisode episode, long line) {
        batch.add(episode);
        if (batch.size() == BATCH) {
            flush();
        }
    }

    @Override
    public void fact(FactRecord fact, long line) {
        facts.add(fact);
    }

    /** Stores the pending batch; cancellation is honoured between batches only. */
    void flush() {
        cancel.throwIfCancelled();
        List<IncomingEpisode> fresh = new ArrayList<>();
        for (IncomingEpisode e : batch) {
            NewEpisode m = e.message();
            String key = ImportKeys.episode(m.producer(), m.producedFor(), m.role(), m.createdAt(), m.content());
            Known existing = known.get(key);
            if (!inFile.add(key)) {
                duplicates++;
                if (existing != null) {
                    uids.put(e.sourceUid(), existing.uid());
                } else { // its first copy is in this batch: stored below
                    repeats.add(new Repeat(e.sourceUid(), key));
                }
            } else if (existing == null) {
                fresh.add(e);
            } else {
                uids.put(e.sourceUid(), existing.uid());
                settle(existing, m);
            }
        }
        List<Episode> stored = memory.addImported(target, fresh.stream().map(IncomingEpisode::message).toList(),
                options.keepUids() ? fresh.stream().map(IncomingEpisode::sourceUid).toList() : null,
                fresh.stream().map(IncomingEpisode::revisions).toList());
        if (extract) {
            memory.announce(target, stored);
        }
        for (int i = 0; i < stored.size(); i++) {
            Episode e = stored.get(i);
            uids.put(fresh.get(i).sourceUid(), e.uid());
            known.put(ImportKeys.episode(e.producer(), e.producedFor(), e.role(), e.createdAt(), e.content()),
                    new Known(e.uid(), e.metadata()));
        }
        for (Repeat repeat : repeats) {
            Known first = known.get(repeat.key());
            if (first != null) { // stored above (else its citations are reported dropped)
                uids.put(repeat.sourceUid(), first.uid());
            }
        }
        repeats.clear();
        added += stored.size();
        batch.clear();
        progress.update("Importing episodes", added + unchanged + skipped + replaced + duplicates, total);
    }

    private void settle(Known existing, NewEpisode incoming) {
        if (existing.metadata().equals(incoming.metadata())) {
            unchanged++;
        } else if (options.policy() == ConflictPolicy.REPLACE) {
            store.replaceMetadata(target, existing.uid(), incoming.metadata());
            replaced++;
        } else {
            skipped++;
        }
    }

    /** Source uid to uid in the target store, for every episode of the file that is stored there. */
    Map<Long, Long> uids() {
        return uids;
    }

    List<FactRecord> facts() {
        return facts;
    }

    ImportReport.Tally tally() {
        return new ImportReport.Tally(added, unchanged, skipped, replaced, duplicates);
    }
}
