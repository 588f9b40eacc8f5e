package dev.engram.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.app.Engram;
import dev.engram.app.EngramConfig;
import dev.engram.core.Cancellation;
import dev.engram.core.Progress;
import dev.engram.core.scope.Scope;
import dev.engram.core.transfer.ImportReport;
import dev.engram.core.transfer.ImportRequest;
import dev.engram.core.transfer.TransferManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export a scope, import it into a fresh store: the same memories, and the same searches find the same. */
class RoundTripTest {
    @TempDir
    Path dir;

    private static Engram open(Path data) {
        return Engram.open(data, EngramConfig.defaults(), Progress.NONE, Clock.systemUTC());
    }

    @Test
    void anExportImportedIntoAFreshStoreGivesTheSameMemoriesAndSearchResults() throws Exception {
        Scope scope = Scope.of("acme", "trips");
        Path file = dir.resolve("trips.jsonl");
        List<String> episodes;
        List<String> facts;
        List<String> searches;
        TransferManifest manifest;
        try (Engram source = open(dir.resolve("source"))) {
            Seed.fill(source.memory(), scope);
            manifest = source.transfers().export(scope, null, file, Progress.NONE, Cancellation.none());
            episodes = Seed.episodes(source.memory(), scope);
            facts = Seed.facts(source.memory(), scope);
            searches = Seed.searches(source.memory(), scope);
        }
        assertThat(searches).hasSizeGreaterThan(15).anyMatch(s -> s.contains("pet=grey cat named Miso"));
        assertThat(facts).anyMatch(f -> f.contains("[UPDATE by test") || f.contains("UPDATE by test"));
        assertThat(manifest.counts()).isEqualTo(new TransferManifest.Counts(8, 1, 3, 1, 5));
        assertThat(manifest.embedding().modelId()).isEqualTo(EngramConfig.defaults().embeddingModel().id());
        assertThat(Files.readAllLines(file)).hasSize(1 + 8 + 3).first().asString()
                .contains("\"type\":\"manifest\"").contains("\"format\":\"engram-export\"");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).as("no temporary files left")
                .containsExactlyInAnyOrder("trips.jsonl", "source");

        try (Engram target = open(dir.resolve("target"))) {
            List<String> progress = new ArrayList<>();
            ImportReport report = target.transfers().importFile(new ImportRequest(file, null, null, null, null),
                    (task, done, total) -> progress.add(task + " " + done + "/" + total), Cancellation.none());
            assertThat(report.scope()).isEqualTo(scope);
            assertThat(report.episodes().added()).isEqualTo(8);
            assertThat(report.facts().added()).isEqualTo(3);
            assertThat(report.citationsDropped()).isZero();
            assertThat(progress).contains("Importing episodes 8/8", "Importing facts 3/3");

            assertThat(target.memory().project(scope).description()).isEqualTo("Trip planning with Alice and Bob");
            assertThat(Seed.episodes(target.memory(), scope)).isEqualTo(episodes);
            // an Engram export brings its facts: its messages are not queued for extraction again
            assertThat(target.memory().extraction().status(scope).pending()).isZero();
            assertThat(Seed.facts(target.memory(), scope)).isEqualTo(facts);
            assertSameSearches(Seed.searches(target.memory(), scope), searches);

            ImportReport again = target.transfers().importFile(new ImportRequest(file, null, null, null, null),
                    Progress.NONE, Cancellation.none());
            assertThat(again.episodes().added()).isZero();
            assertThat(again.episodes().unchanged()).isEqualTo(8);
            assertThat(again.facts().added()).isZero();
            assertThat(again.facts().unchanged()).isEqualTo(3);
            assertThat(Seed.episodes(target.memory(), scope)).isEqualTo(episodes);
            assertThat(Seed.facts(target.memory(), scope)).isEqualTo(facts);
        }
    }

    /**
     * The same hits in the same order, with scores equal to within a hundredth: BM25's statistics
     * count the source's replaced revisions until Lucene merges them away, and the import embeds
     * its messages in other batches than the source's adds did (a quantized model's vector moves a
     * little with its batch neighbours, OnnxEmbedder), so scaled scores move in the third decimal.
     */
    private static void assertSameSearches(List<String> actual, List<String> expected) {
        java.util.regex.Pattern scored = java.util.regex.Pattern.compile("(.*) (\\d+[.,]\\d{4})");
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            var e = scored.matcher(expected.get(i));
            var a = scored.matcher(actual.get(i));
            if (e.matches() && a.matches()) {
                assertThat(a.group(1)).isEqualTo(e.group(1));
                assertThat(Double.parseDouble(a.group(2).replace(',', '.'))).isCloseTo(
                        Double.parseDouble(e.group(2).replace(',', '.')), org.assertj.core.data.Offset.offset(0.01));
            } else {
                assertThat(actual.get(i)).isEqualTo(expected.get(i));
            }
        }
    }
}
