package dev.engram.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engram.bench.locomo.Locomo;
import dev.engram.core.episode.Episode;
import dev.engram.core.episode.EpisodeStore;
import dev.engram.core.episode.Hit;
import dev.engram.core.episode.Order;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.ingest.Embedder;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tuning aid of {@code engram bench locomo --dump FILE}: every conversation's episodes in time
 * order and, per question, the raw candidates of each retriever (JSON lines), so that fusion and
 * re-ranking ideas can be tried offline before they are built. The evidence is written for
 * scoring only; nothing here feeds back into a search.
 */
final class LocomoDump {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocomoDump() {
    }

    static void write(Path file, EpisodeStore store, Embedder embedder, List<Locomo.Conversation> conversations,
                      Map<Integer, Scope> scopes, int depth) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (Locomo.Conversation conversation : conversations) {
                Scope scope = scopes.get(conversation.index());
                List<Map<String, Object>> episodes = new ArrayList<>();
                for (Episode e : store.list(scope, Filter.all(), new PageRequest(PageRequest.MAX_SIZE, 0), Order.OLDEST_FIRST)) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("uid", e.uid());
                    row.put("dia", e.metadata().get("dia_id"));
                    row.put("at", e.createdAt().toEpochMilli());
                    row.put("who", e.producer());
                    row.put("text", e.content());
                    episodes.add(row);
                }
                line(out, Map.of("conv", conversation.index(), "episodes", episodes));
                for (Locomo.Question q : conversation.questions()) {
                    if (q.evidence().isEmpty()) {
                        continue;
                    }
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("conv", conversation.index());
                    row.put("id", q.id());
                    row.put("cat", q.category());
                    row.put("q", q.text());
                    row.put("evidence", q.evidence());
                    row.put("text", pairs(store.searchText(scope, q.text(), Filter.all(), depth)));
                    row.put("text_dq", pairs(store.searchText(scope,
                            dev.engram.core.episode.EpisodicSearch.Settings.defaults().queryText().of(q.text()), Filter.all(), depth)));
                    row.put("vec", pairs(store.searchVector(scope, embedder.embedQuery(q.text()), Filter.all(), depth)));
                    line(out, row);
                }
            }
        }
    }

    private static List<List<Number>> pairs(List<Hit> hits) {
        return hits.stream().map(h -> List.<Number>of(h.uid(), h.score())).toList();
    }

    private static void line(BufferedWriter out, Object value) throws IOException {
        out.write(JSON.writeValueAsString(value));
        out.newLine();
    }
}
