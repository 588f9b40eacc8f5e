package dev.engram.core.transfer;

import dev.engram.core.Cancellation;
import dev.engram.core.Progress;
import dev.engram.core.episode.EpisodeStore;
import dev.engram.core.memory.EpisodicMemory;
import dev.engram.core.memory.ProfileMemory;
import dev.engram.core.profile.ProfileStore;
import dev.engram.core.scope.ProjectStore;
import dev.engram.core.scope.Scope;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports one file into one scope, whatever its format:
 * <ol>
 *   <li>the whole file is read and checked first ({@link ImportValidation}): a bad file is
 *       refused, naming the line, and nothing is written;</li>
 *   <li>the target is the scope asked for, else the one an Engram export names, else
 *       MemMachine's default ({@code universal/universal});</li>
 *   <li>the project is created if needed (with the exported description and switches);</li>
 *   <li>episodes are stored in batches, matched by {@link ImportKeys} so that importing the same
 *       file twice adds nothing; the file's uids are mapped to the new ones;</li>
 *   <li>an Engram export's facts follow, their citations mapped to the new uids.</li>
 * </ol>
 * Writing cannot be one transaction across two stores: if it is interrupted (a crash, or
 * cancel between batches), running the same import again finishes it, since what was stored is
 * recognised and skipped.
 */
public final class ScopeImport {
    /** The actor of history rows an import writes. */
    public static final String ACTOR = "import";
    private static final Logger LOG = LoggerFactory.getLogger(ScopeImport.class);

    private final EpisodeStore episodes;
    private final ProfileStore facts;
    private final ProjectStore projects;
    private final EpisodicMemory episodic;
    private final ProfileMemory profile;

    public ScopeImport(EpisodeStore episodes, ProfileStore facts, ProjectStore projects, EpisodicMemory episodic,
                       ProfileMemory profile) {
        this.episodes = episodes;
        this.facts = facts;
        this.projects = projects;
        this.episodic = episodic;
        this.profile = profile;
    }

    public ImportReport run(RecordSource source, ImportOptions options, Progress progress, Cancellation cancel) {
        progress.update("Checking " + source.name(), 0, -1);
        ImportValidation checked = ImportValidation.of(source);
        TransferManifest manifest = checked.manifest();
        Scope target = options.target() != null ? options.target()
                : manifest != null ? manifest.scope() : Scope.withDefaults(null, null);
        prepareProject(target, manifest);
        EpisodeImport writer = new EpisodeImport(target, options, episodes, episodic, checked.episodes(), progress, cancel,
                manifest == null); // an Engram export brings its facts; other tools' files are profiled anew
        FactImport factImport = new FactImport(facts, profile);
        long dropped = 0;
        boolean cancelled = false;
        try {
            source.read(writer);
            writer.flush();
            if (manifest != null && options.includeFacts() && !writer.facts().isEmpty()) {
                FactRemap remap = new FactRemap(manifest.scope(), target, writer.uids());
                dropped = factImport.run(writer.facts(), remap, target, options.policy(), progress, cancel);
            }
        } catch (CancellationException e) {
            cancelled = true;
        }
        ImportReport report = new ImportReport(source.name(), target, writer.tally(), factImport.tally(), dropped,
                cancelled);
        LOG.info("Imported {}: {}", source.name(), report.summary());
        return report;
    }

    private void prepareProject(Scope target, TransferManifest manifest) {
        if (projects.find(target).isPresent()) {
            return;
        }
        if (manifest == null || manifest.project() == null) {
            projects.openOrCreate(target);
            return;
        }
        projects.create(target, manifest.project().description());
        if (manifest.project().episodic() != null) {
            projects.setEpisodicConfig(target, manifest.project().episodic());
        }
    }
}
