package dev.engram.cli;

import dev.engram.core.memory.MemoryService;
import dev.engram.core.profile.FactChange;
import dev.engram.core.profile.FactPatch;
import dev.engram.core.profile.FactSource;
import dev.engram.core.profile.FactVersion;
import dev.engram.core.profile.NewFact;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.profile.SetIds;
import dev.engram.core.wire.Views;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

final class FactsCommand {

    private FactsCommand() {
    }

    @Command(name = "facts", description = "Add, change, archive and inspect profile facts.",
            mixinStandardHelpOptions = true)
    static final class Group implements Runnable {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    private static void print(Output output, boolean json, ProfileFact fact, String verb) {
        if (json) {
            output.json(Views.feature(fact));
        } else {
            output.line("%s fact %s: [%s / %s] %s = %s (%s)", verb, fact.idString(), fact.category(), fact.tag(),
                    fact.feature(), fact.value(), fact.status().wireName());
        }
    }

    @Command(name = "add", description = "Add a fact to a user's profile (--producer) or the project's.")
    static final class Add extends MemoryCommand {
        @Option(names = "--category", defaultValue = "profile", description = "Category (default: ${DEFAULT-VALUE}).")
        String category;
        @Option(names = "--tag", required = true, description = "Tag, e.g. \"Food Preferences\".")
        String tag;
        @Option(names = "--feature", required = true, description = "Feature, e.g. diet.")
        String feature;
        @Option(names = "--value", required = true, description = "Value, e.g. vegetarian.")
        String value;
        @Option(names = "--producer", description = "The user whose profile this is (default: the project's profile).")
        String producer;
        @Option(names = "--cite", paramLabel = "UID", description = "Episode the fact comes from, repeatable.")
        List<Long> citations = new ArrayList<>();
        @Option(names = {"-m", "--meta"}, paramLabel = "KEY=VALUE", description = "Metadata, repeatable.")
        Map<String, String> metadata = new LinkedHashMap<>();

        private NewFact fact;

        Add(EngramOpener opener) {
            super(opener);
        }

        @Override
        void validate() {
            String setId = producer == null ? SetIds.projectSet(options.scope()) : SetIds.userSet(options.scope(), producer);
            fact = new NewFact(setId, producer, category, tag, feature, value, FactSource.USER, citations, metadata);
        }

        @Override
        void run(MemoryService memory, Output output) {
            print(output, options.json, memory.profile().add(options.scope(), fact, "cli"), "Added");
        }
    }

    @Command(name = "update", description = "Change a fact; a new value supersedes the old one, which is kept.")
    static final class Update extends MemoryCommand {
        @Parameters(index = "0", paramLabel = "ID")
        long id;
        @Option(names = "--category") String category;
        @Option(names = "--tag") String tag;
        @Option(names = "--feature") String feature;
        @Option(names = "--value") String value;

        private FactPatch patch;

        Update(EngramOpener opener) {
            super(opener);
        }

        @Override
        void validate() {
            patch = new FactPatch(category, tag, feature, value, null);
            if (patch.isEmpty()) {
                throw new dev.engram.core.InvalidInputException("Give at least one of --category, --tag, --feature, --value.");
            }
        }

        @Override
        void run(MemoryService memory, Output output) {
            print(output, options.json, memory.profile().update(options.scope(), id, patch, "cli"), "Updated");
        }
    }

    /** Archiving and restoring differ only in the status they set. */
    abstract static class StatusChange extends MemoryCommand {
        @Parameters(index = "0", paramLabel = "ID")
        long id;

        StatusChange(EngramOpener opener) {
            super(opener);
        }

        abstract ProfileFact change(MemoryService memory);

        abstract String verb();

        @Override
        void run(MemoryService memory, Output output) {
            print(output, options.json, change(memory), verb());
        }
    }

    @Command(name = "archive", description = "Hide a fact from search (it is kept and can be restored).")
    static final class Archive extends StatusChange {
        Archive(EngramOpener opener) {
            super(opener);
        }

        @Override
        ProfileFact change(MemoryService memory) {
            return memory.profile().archive(options.scope(), id, "cli");
        }

        @Override
        String verb() {
            return "Archived";
        }
    }

    @Command(name = "restore", description = "Bring an archived fact back.")
    static final class Restore extends StatusChange {
        Restore(EngramOpener opener) {
            super(opener);
        }

        @Override
        ProfileFact change(MemoryService memory) {
            return memory.profile().restore(options.scope(), id, "cli");
        }

        @Override
        String verb() {
            return "Restored";
        }
    }

    @Command(name = "history", description = "Show every change of a fact and its earlier values.")
    static final class History extends MemoryCommand {
        @Parameters(index = "0", paramLabel = "ID")
        long id;

        History(EngramOpener opener) {
            super(opener);
        }

        @Override
        void run(MemoryService memory, Output output) {
            List<FactChange> changes = memory.profile().history(options.scope(), id);
            if (options.json) {
                output.json(changes);
                return;
            }
            for (FactChange change : changes) {
                output.line("%s  %-8s by %-10s %s -> %s", change.at(), change.action().wireName(), change.actor(),
                        change.before() == null ? "-" : change.before().value(),
                        change.after() == null ? "-" : change.after().value());
            }
            List<FactVersion> versions = changes.getLast().after() == null ? List.of()
                    : memory.profile().versions(options.scope(), id);
            for (FactVersion version : versions) {
                output.line("was %s = %s from %s until %s", version.feature(), version.value(), version.validFrom(),
                        version.validTo());
            }
        }
    }
}
