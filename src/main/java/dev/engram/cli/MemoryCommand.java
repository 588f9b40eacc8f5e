package dev.engram.cli;

import dev.engram.core.memory.MemoryService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of commands that open the stores, do one thing, and close them. */
abstract class MemoryCommand implements Callable<Integer> {
    @Mixin
    ScopeOptions options;

    @Spec
    CommandSpec spec;

    private final EngramOpener opener;

    MemoryCommand(EngramOpener opener) {
        this.opener = opener;
    }

    @Override
    public final Integer call() {
        Output output = new Output(spec.commandLine().getOut());
        options.scope();
        validate();
        try (EngramOpener.OpenEngram engram = opener.open(options.dataDir)) {
            opened(engram);
            run(engram, output);
        }
        return 0;
    }

    /** Commands that need more than the memory (export, import) override this one. */
    void run(EngramOpener.OpenEngram engram, Output output) {
        run(engram.memory(), output);
    }

    /** Checks the arguments before the stores are opened (which takes seconds). */
    void validate() {
    }

    /** Called with the open stores before {@link #run}. */
    void opened(EngramOpener.OpenEngram engram) {
    }

    void run(MemoryService memory, Output output) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " overrides run(OpenEngram, Output)");
    }
}
