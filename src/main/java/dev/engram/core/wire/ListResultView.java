package dev.engram.core.wire;

import java.util.List;

/** MemMachine's ListResult; a type not listed is omitted. */
public record ListResultView(int status, Content content) {
    public record Content(List<ListedEpisodeView> episodicMemory, List<SemanticFeatureView> semanticMemory) {
    }
}
