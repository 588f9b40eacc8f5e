package dev.engram.core.transfer;

import dev.engram.core.episode.EpisodeRecord;
import dev.engram.core.profile.FactRecord;

/** Where an export goes, record by record; {@link #finish} completes it with the manifest. */
public interface RecordSink {
    void episode(EpisodeRecord episode);

    void fact(FactRecord fact);

    /** Writes the manifest and makes the export visible as a whole; nothing is visible before. */
    void finish(TransferManifest manifest);
}
