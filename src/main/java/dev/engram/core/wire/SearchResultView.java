package dev.engram.core.wire;

import java.util.List;

/**
 * MemMachine's SearchResult. Unlike MemMachine (its issue 857), the shape is the same whatever
 * types were searched: a type not searched, or switched off for the project, gives empty lists,
 * never a missing or differently typed key.
 */
public record SearchResultView(int status, Content content) {
    public record Content(EpisodicMemory episodicMemory, List<SemanticFeatureView> semanticMemory) {
    }

    public record EpisodicMemory(Episodes longTermMemory, ShortTerm shortTermMemory) {
    }

    public record Episodes(List<EpisodeView> episodes) {
    }

    public record ShortTerm(List<EpisodeView> episodes, List<String> episodeSummary) {
    }
}
