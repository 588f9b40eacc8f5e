package dev.engram.core.transfer;

import dev.engram.core.profile.FactRecord;

/**
 * A file to import, read record by record; it can be read more than once (an import validates
 * the whole file before it writes anything). Errors are {@link ImportFileException}s naming the line.
 */
public interface RecordSource {

    /** The file's name, for messages. */
    String name();

    /** Reads every record in file order; {@code line} is where the record starts (1-based). */
    void read(Handler handler);

    /** Receives the records of a file. */
    interface Handler {
        /** An Engram export's first line. */
        default void manifest(TransferManifest manifest, long line) {
        }

        void episode(IncomingEpisode episode, long line);

        /** A fact of an Engram export, as it was stored there (scope, ids and citations of the source). */
        default void fact(FactRecord fact, long line) {
        }
    }

}
