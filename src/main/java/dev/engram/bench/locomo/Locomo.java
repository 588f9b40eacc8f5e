package dev.engram.bench.locomo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The LoCoMo benchmark's data: conversations of two speakers over dated sessions, and questions. */
public final class Locomo {
    private Locomo() {
    }

    /** One turn: {@code diaId} such as {@code D3:12} (session 3, turn 12); {@code caption} of a shared image, if any. */
    public record Turn(String diaId, int session, String speaker, String text, String caption) {
    }

    public record Session(int number, Instant startedAt, List<Turn> turns) {
    }

    /**
     * A question with its evidence turns. {@code id} is {@code locomo_<conversation>_qa<index>}
     * (both 0-based), as the audit file names them.
     */
    public record Question(String id, String text, int category, List<String> evidence) {
    }

    public record Conversation(int index, String sampleId, String speakerA, String speakerB, List<Session> sessions,
                               List<Question> questions) {
        public int session(String diaId) {
            return Integer.parseInt(diaId.substring(1, diaId.indexOf(':')));
        }

        public Map<String, Turn> turnsById() {
            Map<String, Turn> out = new java.util.HashMap<>();
            sessions.forEach(s -> s.turns().forEach(t -> out.put(t.diaId(), t)));
            return out;
        }
    }

    /** LoCoMo's category numbers as the data has them. */
    public static String categoryName(int category) {
        return switch (category) {
            case 1 -> "multi-hop";
            case 2 -> "temporal";
            case 3 -> "open-domain";
            case 4 -> "single-hop";
            case 5 -> "adversarial";
            default -> "category " + category;
        };
    }
}
