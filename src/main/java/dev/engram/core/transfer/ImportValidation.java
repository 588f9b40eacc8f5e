package dev.engram.core.transfer;

import dev.engram.core.InvalidInputException;
import dev.engram.core.profile.FactRecord;
import dev.engram.core.profile.NewFact;
import dev.engram.core.profile.ProfileFact;
import java.util.HashSet;
import java.util.Set;

/**
 * The first pass of an import: reads the whole file and checks every record, so that a bad file
 * is refused before anything is written. Errors name the file and the line.
 */
final class ImportValidation implements RecordSource.Handler {
    private final String file;
    private final Set<Long> uids = new HashSet<>();
    private TransferManifest manifest;
    private long episodes;
    private long revisions;
    private long facts;
    private long versions;
    private long history;
    private long lastLine;

    ImportValidation(String file) {
        this.file = file;
    }

    static ImportValidation of(RecordSource source) {
        ImportValidation validation = new ImportValidation(source.name());
        source.read(validation);
        validation.finish();
        return validation;
    }

    TransferManifest manifest() {
        return manifest;
    }

    long episodes() {
        return episodes;
    }

    long facts() {
        return facts;
    }

    @Override
    public void manifest(TransferManifest found, long line) {
        if (manifest != null || episodes > 0 || facts > 0) {
            throw new ImportFileException(file, line, "the manifest must be the first line, and only once");
        }
        if (!TransferManifest.FORMAT.equals(found.format())) {
            throw new ImportFileException(file, line, "format '" + found.format() + "' is not " + TransferManifest.FORMAT);
        }
        if (found.formatVersion() > TransferManifest.VERSION || found.formatVersion() < 1) {
            throw new ImportFileException(file, line, "format version " + found.formatVersion() + " is not one this"
                    + " Engram reads (1 to " + TransferManifest.VERSION + "); import it with the Engram that made it, or a newer one");
        }
        manifest = found;
        lastLine = line;
    }

    @Override
    public void episode(IncomingEpisode episode, long line) {
        if (manifest != null && !uids.add(episode.sourceUid())) {
            throw new ImportFileException(file, line, "episode uid " + episode.sourceUid() + " appears twice");
        }
        episodes++;
        revisions += episode.revisions().size();
        lastLine = line;
    }

    @Override
    public void fact(FactRecord record, long line) {
        if (manifest == null) {
            throw new ImportFileException(file, line, "facts can only come in an Engram export, after its manifest");
        }
        ProfileFact f = record.fact();
        try {
            new NewFact(f.setId(), f.producer(), f.category(), f.tag(), f.feature(), f.value(), f.source(),
                    f.citations(), f.metadata());
        } catch (InvalidInputException e) {
            throw new ImportFileException(file, line, "fact " + e.getMessage());
        }
        if (f.validFrom() == null || f.createdAt() == null || f.updatedAt() == null || f.status() == null) {
            throw new ImportFileException(file, line, "fact needs status, valid_from, created_at and updated_at");
        }
        facts++;
        versions += record.versions().size();
        history += record.history().size();
        lastLine = line;
    }

    private void finish() {
        if (manifest == null) {
            if (episodes == 0) {
                throw new ImportFileException(file, 0, "it holds no messages to import");
            }
            return;
        }
        TransferManifest.Counts expected = manifest.counts();
        TransferManifest.Counts found = new TransferManifest.Counts(episodes, revisions, facts, versions, history);
        if (!expected.equals(found)) {
            throw new ImportFileException(file, lastLine, "the manifest announces " + expected.episodes() + " episodes and "
                    + expected.facts() + " facts but the file holds " + episodes + " and " + facts
                    + " (or their revisions, versions or history differ): it was cut short or edited");
        }
    }
}
