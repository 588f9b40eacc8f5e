package dev.engram.bench.locomo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.Progress;
import dev.engram.core.episode.EpisodicSearch;
import dev.engram.core.episode.ScoredEpisode;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import dev.engram.support.SharedEngram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny LoCoMo run (a synthetic conversation in LoCoMo's format) so the harness cannot rot. */
class LocomoBenchTest {
    @TempDir
    Path dir;

    private static final String DATA = """
            [{"sample_id": "conv-x",
              "conversation": {
                "speaker_a": "Ana", "speaker_b": "Ben",
                "session_1_date_time": "1:56 pm on 8 May, 2023",
                "session_1": [
                  {"speaker": "Ana", "dia_id": "D1:1", "text": "Hi Ben, how was your week?"},
                  {"speaker": "Ben", "dia_id": "D1:2", "text": "Busy. I adopted a beagle puppy called Biscuit!"},
                  {"speaker": "Ana", "dia_id": "D1:3", "text": "Lovely! I started pottery classes on Thursdays.",
                   "img_url": ["x"], "blip_caption": "a photo of a clay vase on a wheel"}],
                "session_2_date_time": "10:00 am on 20 June, 2023",
                "session_2": [
                  {"speaker": "Ben", "dia_id": "D2:1", "text": "Biscuit chewed my running shoes."},
                  {"speaker": "Ana", "dia_id": "D2:2", "text": "My pottery teacher says my vases are improving."},
                  {"speaker": "Ben", "dia_id": "D2:3", "text": "I am training for the Lisbon half marathon."}]},
              "qa": [
                {"question": "What is the name of Ben's dog?", "answer": "Biscuit", "evidence": ["D1:2"], "category": 4},
                {"question": "What class does Ana take?", "answer": "pottery", "evidence": ["D1:3; D2:2"], "category": 1},
                {"question": "Which race is Ben training for?", "answer": "Lisbon half marathon", "evidence": ["D2:3"], "category": 4},
                {"question": "What did Ben's dog destroy?", "evidence": ["D:2:1"], "category": 5, "adversarial_answer": "x"}]}]
            """;

    @Test
    void ingestsThroughTheAddPathAndScoresEveryQuestion() throws Exception {
        Path file = dir.resolve("locomo.json");
        Files.writeString(file, DATA);
        List<Locomo.Conversation> conversations = LocomoReader.read(file);
        assertThat(conversations).singleElement().satisfies(c -> {
            assertThat(c.sessions()).hasSize(2);
            assertThat(c.questions().get(1).evidence()).containsExactly("D1:3", "D2:2");
            assertThat(c.questions().get(3).evidence()).containsExactly("D2:1");
        });

        var engram = SharedEngram.get();
        LocomoBench bench = new LocomoBench((scope, messages) -> engram.memory().episodes().add(scope, messages), true);
        String org = SharedEngram.uniqueOrg("locomo");
        Map<Integer, Scope> scopes = bench.ingest(conversations, org, Progress.NONE);
        var stored = engram.memory().list(new dev.engram.core.memory.ListQuery(scopes.get(0), Filter.all(), null,
                java.util.Set.of(dev.engram.core.scope.MemoryType.EPISODIC), null)).episodes();
        assertThat(stored).hasSize(6);
        assertThat(stored).allSatisfy(e -> assertThat(e.content()).doesNotContain("D1:").doesNotContain("D2:"));
        assertThat(stored.get(2).content()).contains("[shares an image: a photo of a clay vase on a wheel]");
        assertThat(stored.get(1).producer()).isEqualTo("Ben");
        assertThat(stored.get(1).producedFor()).isEqualTo("Ana");
        assertThat(stored.get(3).createdAt()).isEqualTo(java.time.Instant.parse("2023-06-20T10:00:00Z"));

        EpisodicSearch search = engram.episodicSearch(EpisodicSearch.Settings.defaults());
        LocomoBench.Variant variant = new LocomoBench.Variant("default", (scope, query, k) ->
                search.top(scope, query, Filter.all(), k).stream().map(ScoredEpisode::episode).toList());
        RetrievalMetrics metrics = bench.evaluate(conversations, scopes, List.of(variant), Map.of(), Progress.NONE)
                .get("default");
        assertThat(metrics.overall().n()).isEqualTo(4);
        assertThat(metrics.overall().recallAt(50)).isEqualTo(1.0);
        assertThat(metrics.overall().recallAt(5)).isGreaterThan(0.5);
        assertThat(LocomoReport.markdown(Map.of("default", metrics), "default")).contains("| 4 single-hop | 2 |");
    }
}
