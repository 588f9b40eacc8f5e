package dev.engram.cli;

import dev.engram.core.episode.ScoredEpisode;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.memory.SearchOutcome;
import dev.engram.core.memory.SearchQuery;
import dev.engram.core.profile.ScoredFact;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.FilterParser;
import dev.engram.core.scope.MemoryType;
import dev.engram.core.wire.Views;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", description = "Find memories relevant to a query.")
final class SearchCommand extends MemoryCommand {
    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "What to look for.")
    List<String> words;

    @Option(names = "--top-k", defaultValue = "10", description = "Results per memory type (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--filter", description = "Filter expression, e.g. \"producer = 'alice' AND m.topic = 'travel'\".")
    String filter;

    @Option(names = "--expand-context", defaultValue = "0", description = "Neighbouring episodes to add around each hit.")
    int expandContext;

    @Option(names = "--score-threshold", description = "Drop episodes scoring below this.")
    Double scoreThreshold;

    @Option(names = "--types", split = ",", description = "episodic, semantic or both (default: both).")
    List<String> types = List.of();

    private SearchQuery query;

    SearchCommand(EngramOpener opener) {
        super(opener);
    }

    @Override
    void validate() {
        Filter parsed = FilterParser.parse(filter);
        Set<MemoryType> wanted = EnumSet.noneOf(MemoryType.class);
        types.forEach(t -> wanted.add(MemoryType.fromWire(t.strip())));
        query = new SearchQuery(options.scope(), String.join(" ", words), topK, parsed, expandContext,
                scoreThreshold, wanted);
    }

    @Override
    void run(MemoryService memory, Output output) {
        SearchOutcome outcome = memory.search(query);
        if (options.json) {
            output.json(Views.search(outcome));
            return;
        }
        if (query.includes(MemoryType.EPISODIC)) {
            output.line("Episodes (%d):", outcome.episodes().size());
            for (ScoredEpisode hit : outcome.episodes()) {
                var e = hit.episode();
                output.line("  %s%6s  %.3f  %s  %s: %s", hit.isContext() ? "  " : "", e.uidString(), hit.score(),
                        e.createdAt(), e.producer(), Output.oneLine(e.content(), 100));
            }
        }
        if (query.includes(MemoryType.SEMANTIC)) {
            output.line("Facts (%d):", outcome.facts().size());
            for (ScoredFact hit : outcome.facts()) {
                var f = hit.fact();
                output.line("  %6s  %.3f  [%s / %s] %s = %s", f.idString(), hit.score(), f.category(), f.tag(),
                        f.feature(), Output.oneLine(f.value(), 80));
            }
        }
    }
}
