package dev.engram.bench.locomo;

import dev.engram.core.Progress;
import dev.engram.core.episode.Episode;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.scope.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LoCoMo retrieval: each conversation goes into its own project through the add path the API
 * uses (speaker = producer, the other speaker = produced_for, the session's date = timestamp,
 * {@code dia_id} only in metadata — never in indexed or embedded text); then every question is
 * asked in its project by each configuration, and the evidence turns are scored.
 */
public final class LocomoBench {
    /** The add path (the same one the API uses). */
    @FunctionalInterface
    public interface Ingest {
        List<Episode> add(Scope scope, List<NewEpisode> messages);
    }

    /** One retrieval configuration: the top {@code k} episodes for a query, best first. */
    @FunctionalInterface
    public interface Retriever {
        List<Episode> retrieve(Scope scope, String query, int k);
    }

    public record Variant(String name, Retriever retriever) {
    }

    /** Seconds between turns of a session, keeping their order in time. */
    private static final long TURN_SPACING_SECONDS = 30;
    private static final String DIA_ID = "dia_id";

    private final Ingest ingest;
    private final boolean captions;

    /** {@code captions}: a turn that shares an image reads "[shares an image: <caption>]" after its text. */
    public LocomoBench(Ingest ingest, boolean captions) {
        this.ingest = ingest;
        this.captions = captions;
    }

    /** Stores every conversation in project {@code <org>/<sample id>}; returns the scopes by conversation index. */
    public Map<Integer, Scope> ingest(List<Locomo.Conversation> conversations, String org, Progress progress) {
        Map<Integer, Scope> scopes = new LinkedHashMap<>();
        long total = conversations.stream().mapToLong(c -> c.sessions().stream().mapToLong(s -> s.turns().size()).sum()).sum();
        long done = 0;
        for (Locomo.Conversation conversation : conversations) {
            Scope scope = scope(conversation, org);
            scopes.put(conversation.index(), scope);
            for (Locomo.Session session : conversation.sessions()) {
                List<NewEpisode> messages = new ArrayList<>();
                for (int i = 0; i < session.turns().size(); i++) {
                    Locomo.Turn turn = session.turns().get(i);
                    String other = turn.speaker().equals(conversation.speakerA()) ? conversation.speakerB() : conversation.speakerA();
                    messages.add(new NewEpisode(turn.speaker(), other, "user", content(turn),
                            session.startedAt().plusSeconds(TURN_SPACING_SECONDS * i),
                            Map.of(DIA_ID, turn.diaId(), "session", Integer.toString(session.number()))));
                }
                ingest.add(scope, messages);
                done += messages.size();
                progress.update("Ingesting LoCoMo", done, total);
            }
        }
        return scopes;
    }

    /** The project a conversation is stored in. */
    public static Scope scope(Locomo.Conversation conversation, String org) {
        return Scope.of(org, conversation.sampleId().replaceAll("[^\\p{L}\\p{N}_:-]", "-"));
    }

    private String content(Locomo.Turn turn) {
        return captions && turn.caption() != null && !turn.caption().isBlank()
                ? turn.text() + " [shares an image: " + turn.caption() + "]" : turn.text();
    }

    /**
     * Asks every question with evidence in its conversation's project, once per variant.
     * {@code corrections} replace the evidence of audited questions (empty: the original labels).
     */
    public Map<String, RetrievalMetrics> evaluate(List<Locomo.Conversation> conversations, Map<Integer, Scope> scopes,
                                                  List<Variant> variants, Map<String, List<String>> corrections,
                                                  Progress progress) {
        Map<String, RetrievalMetrics> results = new LinkedHashMap<>();
        variants.forEach(v -> results.put(v.name(), new RetrievalMetrics()));
        long total = conversations.stream().mapToLong(c -> c.questions().size()).sum() * variants.size();
        long done = 0;
        int deepest = RetrievalMetrics.K[RetrievalMetrics.K.length - 1];
        for (Locomo.Conversation conversation : conversations) {
            Scope scope = scopes.get(conversation.index());
            for (Locomo.Question question : conversation.questions()) {
                List<String> evidence = corrections.getOrDefault(question.id(), question.evidence());
                Set<Integer> evidenceSessions = new HashSet<>();
                evidence.forEach(e -> evidenceSessions.add(conversation.session(e)));
                for (Variant variant : variants) {
                    done++;
                    if (evidence.isEmpty()) {
                        continue;
                    }
                    List<Episode> ranked = variant.retriever().retrieve(scope, question.text(), deepest);
                    List<String> turns = ranked.stream().map(e -> e.metadata().get(DIA_ID)).toList();
                    List<Integer> sessions = turns.stream().map(conversation::session).toList();
                    results.get(variant.name()).add(question.category(), evidence, turns, sessions, evidenceSessions);
                }
                progress.update("Asking LoCoMo questions", done, total);
            }
        }
        return results;
    }
}
