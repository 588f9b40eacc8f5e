package dev.engram.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engram.core.Cancellation;
import dev.engram.core.Progress;
import dev.engram.core.episode.Episode;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.profile.FactAction;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.scope.Scope;
import dev.engram.core.transfer.ConflictPolicy;
import dev.engram.core.transfer.ImportFileException;
import dev.engram.core.transfer.ImportFormat;
import dev.engram.core.transfer.ImportReport;
import dev.engram.core.transfer.ImportRequest;
import dev.engram.core.transfer.TransferManifest;
import dev.engram.core.transfer.Transfers;
import dev.engram.support.SharedEngram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export and import within one store: conflicts, one person's export, damaged files, cancel and resume. */
class ExportImportTest {
    private final MemoryService memory = SharedEngram.get().memory();
    private final Transfers transfers = SharedEngram.get().transfers();
    private final String org = SharedEngram.uniqueOrg("transfer");

    @TempDir
    Path dir;

    private ImportReport importInto(Scope target, Path file, ConflictPolicy policy) {
        return transfers.importFile(new ImportRequest(file, ImportFormat.AUTO, target, policy, null), Progress.NONE,
                Cancellation.none());
    }

    private Path export(Scope scope, String producer) {
        Path file = dir.resolve(scope.projectId() + (producer == null ? "" : "-" + producer) + ".jsonl");
        transfers.export(scope, producer, file, Progress.NONE, Cancellation.none());
        return file;
    }

    @Test
    void aCitedRecordRepeatedInTheFileKeepsItsCitationThroughTheFirstCopysNewUid() throws Exception {
        Scope source = Scope.of(org, "repeats");
        Scope target = Scope.of(org, "repeats-copy");
        Seed.fill(memory, source);
        Path file = export(source, null);
        ObjectMapper json = new ObjectMapper();
        List<ObjectNode> records = Files.readAllLines(file).stream()
                .filter(line -> !line.isBlank())
                .map(line -> {
                    try {
                        return (ObjectNode) json.readTree(line);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
        long cited = records.stream().filter(r -> r.path("type").asText().equals("fact"))
                .flatMap(r -> StreamSupport.stream(r.path("citations").spliterator(), false))
                .mapToLong(JsonNode::asLong).findFirst().orElseThrow();
        List<String> lines = new ArrayList<>();
        for (var record : records) {
            if (record.path("type").asText().equals("manifest")) {
                ObjectNode counts = (ObjectNode) record.path("counts");
                counts.put("episodes", counts.path("episodes").asLong() + 1);
            }
            if (record.path("type").asText().equals("episode") && record.path("uid").asLong() == cited) {
                // the same message under another uid, before the cited one: the cited record is the repeat
                lines.add(json.writeValueAsString(record.deepCopy().put("uid", cited + 1_000_000)));
            }
            lines.add(json.writeValueAsString(record));
        }
        Path repeated = dir.resolve("repeated.jsonl");
        Files.write(repeated, lines);

        ImportReport report = importInto(target, repeated, ConflictPolicy.SKIP);

        assertThat(report.episodes().added()).isEqualTo(8);
        assertThat(report.episodes().duplicates()).isEqualTo(1);
        assertThat(report.citationsDropped()).isZero();
        assertThat(Seed.facts(memory, target).stream().map(f -> f.substring(f.indexOf(" | ") + 3)).toList())
                .isEqualTo(Seed.facts(memory, source).stream().map(f -> f.substring(f.indexOf(" | ") + 3)).toList());
    }

    @Test
    void aDifferingRecordIsKeptUnderSkipAndOverwrittenUnderReplace() throws Exception {
        Scope source = Scope.of(org, "source");
        Scope target = Scope.of(org, "copy");
        Seed.fill(memory, source);
        Path file = export(source, null);
        ImportReport first = importInto(target, file, ConflictPolicy.SKIP);
        assertThat(first.episodes().added()).isEqualTo(8);
        assertThat(Seed.facts(memory, target)).allMatch(f -> f.contains("_org_" + org + "_project_copy_")
                || f.startsWith("mem_project_set_org_" + org + "_project_copy_"));

        Path changed = dir.resolve("changed.jsonl");
        Files.writeString(changed, Files.readString(file)
                .replace("\"priority\":\"2\"", "\"priority\":\"1\"")
                .replace("\"value\":\"aisle\"", "\"value\":\"window\""));
        List<String> episodesBefore = Seed.episodes(memory, target);
        List<String> factsBefore = Seed.facts(memory, target);

        ImportReport skipped = importInto(target, changed, ConflictPolicy.SKIP);
        assertThat(skipped.episodes()).extracting(r -> r.skipped(), r -> r.unchanged(), r -> r.added()).containsExactly(1L, 7L, 0L);
        assertThat(skipped.facts()).extracting(r -> r.skipped(), r -> r.unchanged()).containsExactly(1L, 2L);
        assertThat(Seed.episodes(memory, target)).isEqualTo(episodesBefore);
        assertThat(Seed.facts(memory, target)).isEqualTo(factsBefore);

        ProfileFact seat = memory.profile().list(target, true, 100).stream().filter(f -> f.feature().equals("seat")).findFirst().orElseThrow();
        ImportReport replaced = importInto(target, changed, ConflictPolicy.REPLACE);
        assertThat(replaced.episodes().replaced()).isEqualTo(1);
        assertThat(replaced.facts().replaced()).isEqualTo(1);
        assertThat(memory.episodes().matching(target, "aisle seat", dev.engram.core.scope.Filter.all(), 1))
                .singleElement().extracting(Episode::metadata).satisfies(m -> assertThat(m).containsEntry("priority", "1"));
        ProfileFact after = memory.profile().get(target, seat.id());
        assertThat(after.value()).isEqualTo("window");
        assertThat(memory.profile().history(target, seat.id()).getLast())
                .satisfies(h -> assertThat(h.action()).isEqualTo(FactAction.UPDATE))
                .satisfies(h -> assertThat(h.actor()).isEqualTo("import"));
        assertThat(memory.profile().search(target, "seat", dev.engram.core.scope.Filter.all(), 1))
                .singleElement().satisfies(f -> assertThat(f.fact().value()).isEqualTo("window"));

        ImportReport settled = importInto(target, changed, ConflictPolicy.REPLACE);
        assertThat(settled.episodes().unchanged()).isEqualTo(8);
        assertThat(settled.facts().unchanged()).isEqualTo(3);
    }

    @Test
    void onePersonsExportHoldsWhatTheySaidOrWereToldAndTheirFacts() {
        Scope source = Scope.of(org, "people");
        Seed.fill(memory, source);
        Path file = export(source, "bob");
        Scope target = Scope.of(org, "bob-only");
        ImportReport report = importInto(target, file, ConflictPolicy.SKIP);
        assertThat(report.episodes().added()).isEqualTo(2);
        assertThat(report.facts().added()).isEqualTo(1);
        assertThat(report.citationsDropped()).as("bob's diet fact also cited alice's seat message").isEqualTo(1);
        assertThat(Seed.episodes(memory, target)).allMatch(e -> e.startsWith("bob"));
    }

    @Test
    void aFileCutShortOrFromANewerEngramIsRefusedWhole() throws Exception {
        Scope source = Scope.of(org, "whole");
        Seed.fill(memory, source);
        Path file = export(source, null);
        List<String> lines = Files.readAllLines(file);
        Path cut = dir.resolve("cut.jsonl");
        Files.write(cut, lines.subList(0, lines.size() - 1));
        Scope target = Scope.of(org, "never");
        assertThatThrownBy(() -> importInto(target, cut, ConflictPolicy.SKIP)).isInstanceOf(ImportFileException.class)
                .hasMessageContaining("cut.jsonl line " + (lines.size() - 1)).hasMessageContaining("cut short");
        Path newer = dir.resolve("newer.jsonl");
        Files.write(newer, java.util.stream.Stream.concat(
                java.util.stream.Stream.of(lines.getFirst().replace("\"format_version\":1", "\"format_version\":7")),
                lines.stream().skip(1)).toList());
        assertThatThrownBy(() -> importInto(target, newer, ConflictPolicy.SKIP)).hasMessageContaining("line 1")
                .hasMessageContaining("format version 7");
        Path badFact = dir.resolve("bad-fact.jsonl");
        Files.write(badFact, lines.stream().map(l -> l.replace("\"status\":\"archived\"", "\"status\":\"gone\"")).toList());
        assertThatThrownBy(() -> importInto(target, badFact, ConflictPolicy.SKIP))
                .hasMessageContaining("line " + (lines.size())).hasMessageContaining("status: 'gone' is not one of");
        assertThat(memory.projects().find(target)).isEmpty();
    }

    @Test
    void aCancelledImportStopsBetweenBatchesAndRunningItAgainFinishesIt() throws Exception {
        Path file = dir.resolve("many.jsonl");
        Files.write(file, IntStream.range(0, 150).mapToObj(i -> "{\"content\": \"message number " + i
                + "\", \"timestamp\": " + (1_700_000_000L + i) + "}").collect(Collectors.toList()));
        Scope target = Scope.of(org, "resumed");
        Cancellation cancel = new Cancellation();
        ImportReport partial = transfers.importFile(new ImportRequest(file, null, target, null, null),
                (task, done, total) -> {
                    if (done >= 64) {
                        cancel.cancel();
                    }
                }, cancel);
        assertThat(partial.cancelled()).isTrue();
        assertThat(partial.summary()).startsWith("Cancelled");
        assertThat(partial.episodes().added()).isEqualTo(64);
        ImportReport rest = importInto(target, file, ConflictPolicy.SKIP);
        assertThat(rest.episodes().unchanged()).isEqualTo(64);
        assertThat(rest.episodes().added()).isEqualTo(86);
        assertThat(memory.countEpisodes(target, dev.engram.core.scope.Filter.all())).isEqualTo(150);
    }

    @Test
    void exportingAnUnknownProjectIsNotFoundAndWritesNoFile() {
        Path file = dir.resolve("none.jsonl");
        assertThatThrownBy(() -> transfers.export(Scope.of(org, "nothing-here"), null, file, Progress.NONE,
                Cancellation.none())).isInstanceOf(dev.engram.core.NotFoundException.class);
        assertThat(file).doesNotExist();
        assertThat(dir.toFile().list()).isEmpty();
        assertThat(TransferManifest.VERSION).isEqualTo(1);
    }
}
