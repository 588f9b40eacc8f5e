package dev.engram.cli;

import dev.engram.core.memory.MemoryService;
import dev.engram.core.transfer.Transfers;
import java.nio.file.Path;

/** How the CLI gets at the memory: the composition root opens the stores for one command. */
public interface EngramOpener {

    /** Opens the stores in {@code dataDir} (null: the default data folder). Blocks until ready. */
    OpenEngram open(Path dataDir);

    /** Open stores; closing releases them. */
    interface OpenEngram extends AutoCloseable {
        MemoryService memory();

        /** Uses another Ollama URL or extraction model than the settings file says (null: keep). */
        default void useModels(String ollamaUrl, String extractionModel) {
        }

        /** Export, import and backup of the open memory. */
        Transfers transfers();

        @Override
        void close();
    }
}
