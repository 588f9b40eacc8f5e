package dev.engram.core.transfer;

import dev.engram.core.episode.EpisodeRevision;
import dev.engram.core.episode.NewEpisode;
import java.util.List;

/**
 * An episode read from a file, validated. {@code sourceUid} is its uid where it came from (an
 * Engram export; facts cite it), or its position in the file for other formats.
 */
public record IncomingEpisode(long sourceUid, NewEpisode message, List<EpisodeRevision> revisions) {
    public IncomingEpisode {
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
    }

    /** An exported episode as it comes back in. */
    public static IncomingEpisode of(dev.engram.core.episode.EpisodeRecord record) {
        var e = record.episode();
        return new IncomingEpisode(e.uid(), new NewEpisode(e.producer(), e.producedFor(), e.role(), e.content(),
                e.createdAt(), e.metadata()), record.revisions());
    }

    public static IncomingEpisode of(long position, NewEpisode message) {
        return new IncomingEpisode(position, message, List.of());
    }
}
