package dev.engram.bench.locomo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code locomo10.json}. Evidence strings are normalised: split on {@code ;}, {@code ,}
 * and spaces; malformed ids repaired where unambiguous ({@code D:11:26} → {@code D11:26},
 * {@code D30:05} → {@code D30:5}); ids that name no turn are dropped.
 */
public final class LocomoReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SESSION_KEY = Pattern.compile("session_(\\d+)");
    private static final Pattern EVIDENCE = Pattern.compile("D:?(\\d+):0*(\\d+)");
    /** "1:56 pm on 8 May, 2023" */
    private static final DateTimeFormatter SESSION_DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("h:mm a 'on' d MMMM, yyyy").toFormatter(Locale.ENGLISH);

    private LocomoReader() {
    }

    public static List<Locomo.Conversation> read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        List<Locomo.Conversation> conversations = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            conversations.add(conversation(i, root.get(i)));
        }
        return conversations;
    }

    /** Corrected evidence by question id, from the audit file ({@code correct_evidence} where given). */
    public static Map<String, List<String>> auditCorrections(Path file) throws IOException {
        Map<String, List<String>> out = new HashMap<>();
        for (JsonNode row : JSON.readTree(file.toFile())) {
            JsonNode correct = row.get("correct_evidence");
            if (correct != null && correct.isArray() && !correct.isEmpty()) {
                List<String> ids = new ArrayList<>();
                correct.forEach(e -> ids.addAll(normalise(e.asText())));
                out.put(row.get("question_id").asText(), ids);
            }
        }
        return out;
    }

    private static Locomo.Conversation conversation(int index, JsonNode node) {
        JsonNode conv = node.get("conversation");
        List<Locomo.Session> sessions = new ArrayList<>();
        conv.fieldNames().forEachRemaining(key -> {
            Matcher m = SESSION_KEY.matcher(key);
            if (m.matches()) {
                int number = Integer.parseInt(m.group(1));
                JsonNode date = conv.get(key + "_date_time");
                List<Locomo.Turn> turns = new ArrayList<>();
                for (JsonNode turn : conv.get(key)) {
                    JsonNode caption = turn.get("blip_caption");
                    turns.add(new Locomo.Turn(turn.get("dia_id").asText(), number, turn.get("speaker").asText(),
                            turn.get("text").asText(), caption == null ? null : caption.asText()));
                }
                sessions.add(new Locomo.Session(number,
                        LocalDateTime.parse(date.asText().strip(), SESSION_DATE).toInstant(ZoneOffset.UTC), turns));
            }
        });
        sessions.sort(Comparator.comparingInt(Locomo.Session::number));
        Set<String> known = new java.util.HashSet<>();
        sessions.forEach(s -> s.turns().forEach(t -> known.add(t.diaId())));
        List<Locomo.Question> questions = new ArrayList<>();
        JsonNode qa = node.get("qa");
        for (int q = 0; q < qa.size(); q++) {
            JsonNode item = qa.get(q);
            Set<String> evidence = new LinkedHashSet<>();
            JsonNode ev = item.get("evidence");
            if (ev != null) {
                ev.forEach(e -> normalise(e.asText()).stream().filter(known::contains).forEach(evidence::add));
            }
            questions.add(new Locomo.Question("locomo_" + index + "_qa" + q, item.get("question").asText(),
                    item.get("category").asInt(), List.copyOf(evidence)));
        }
        return new Locomo.Conversation(index, node.get("sample_id").asText(), conv.get("speaker_a").asText(),
                conv.get("speaker_b").asText(), sessions, questions);
    }

    static List<String> normalise(String evidence) {
        List<String> ids = new ArrayList<>();
        for (String part : evidence.split("[;,\\s]+")) {
            Matcher m = EVIDENCE.matcher(part.strip());
            if (m.matches()) {
                ids.add("D" + Integer.parseInt(m.group(1)) + ":" + Integer.parseInt(m.group(2)));
            }
        }
        return ids;
    }
}
