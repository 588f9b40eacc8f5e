package dev.engram.cli;

import dev.engram.core.episode.Episode;
import dev.engram.core.episode.Order;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.memory.ListOutcome;
import dev.engram.core.memory.ListQuery;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.scope.FilterParser;
import dev.engram.core.scope.MemoryType;
import dev.engram.core.wire.Views;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", description = "List memories in time order, a page at a time.")
final class ListCommand extends MemoryCommand {
    @Option(names = "--filter", description = "Filter expression.")
    String filter;

    @Option(names = "--page-size", defaultValue = "100", description = "Items per page (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = "--page", defaultValue = "0", description = "Page number, from 0.")
    int page;

    @Option(names = "--type", description = "episodic or semantic (default: both).")
    String type;

    @Option(names = "--newest-first", description = "List the newest episodes first.")
    boolean newestFirst;

    private ListQuery query;

    ListCommand(EngramOpener opener) {
        super(opener);
    }

    @Override
    void validate() {
        Set<MemoryType> types = type == null ? Set.of() : Set.of(MemoryType.fromWire(type));
        query = new ListQuery(options.scope(), FilterParser.parse(filter), new PageRequest(pageSize, page), types,
                newestFirst ? Order.NEWEST_FIRST : Order.OLDEST_FIRST);
    }

    @Override
    void run(MemoryService memory, Output output) {
        ListOutcome outcome = memory.list(query);
        if (options.json) {
            output.json(Views.list(outcome));
            return;
        }
        if (query.includes(MemoryType.EPISODIC)) {
            output.line("Episodes (%d on this page):", outcome.episodes().size());
            for (Episode e : outcome.episodes()) {
                output.line("  %6s  %s  %s%s: %s", e.uidString(), e.createdAt(), e.producer(),
                        e.producedFor() == null ? "" : " -> " + e.producedFor(), Output.oneLine(e.content(), 100));
            }
        }
        if (query.includes(MemoryType.SEMANTIC)) {
            output.line("Facts (%d on this page):", outcome.facts().size());
            for (ProfileFact f : outcome.facts()) {
                output.line("  %6s  [%s / %s] %s = %s  (cites %s)", f.idString(), f.category(), f.tag(), f.feature(),
                        Output.oneLine(f.value(), 80), f.citations());
            }
        }
    }
}
