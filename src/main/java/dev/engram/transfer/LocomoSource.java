package dev.engram.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.core.InvalidInputException;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.transfer.IncomingEpisode;
import dev.engram.core.transfer.RecordSource;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LoCoMo conversations ({@code locomo10.json}): an array of samples, each two speakers over
 * dated sessions. Every turn becomes an episode as the benchmark stores it: the speaker is the
 * producer and the other speaker produced_for, the session's date plus 30 s per turn the time, a
 * shared image's caption appended as "[shares an image: ...]", and in metadata
 * {@code source=locomo}, {@code conversation_id} (the sample id), {@code session} and {@code dia_id}.
 * The questions are not imported.
 */
final class LocomoSource implements RecordSource {
    private static final Pattern SESSION_KEY = Pattern.compile("session_(\\d+)");
    private static final long TURN_SPACING_SECONDS = 30;
    /** "1:56 pm on 8 May, 2023" */
    private static final DateTimeFormatter SESSION_DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("h:mm a 'on' d MMMM, yyyy").toFormatter(Locale.ENGLISH);

    private final Path file;
    private final String name;

    LocomoSource(Path file) {
        this.file = file;
        this.name = file.getFileName().toString();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void read(Handler handler) {
        long[] position = {0};
        JsonArrays.read(file, name, "LoCoMo samples", (sample, index, line) -> {
            String sampleId = JsonFields.text(sample, "sample_id");
            JsonNode conversation = JsonFields.object(sample.get("conversation"), "sample " + sampleId + ": conversation");
            String a = JsonFields.text(conversation, "speaker_a");
            String b = JsonFields.text(conversation, "speaker_b");
            Map<Integer, String> sessions = new TreeMap<>();
            conversation.fieldNames().forEachRemaining(key -> {
                Matcher m = SESSION_KEY.matcher(key);
                if (m.matches()) {
                    sessions.put(Integer.parseInt(m.group(1)), key);
                }
            });
            for (Map.Entry<Integer, String> session : sessions.entrySet()) {
                String key = session.getValue();
                Instant started = date(sampleId, key, conversation.path(key + "_date_time").asText(""));
                int turn = 0;
                for (JsonNode t : JsonFields.array(conversation, key)) {
                    try {
                        handler.episode(IncomingEpisode.of(++position[0],
                                message(t, a, b, sampleId, session.getKey(), started.plusSeconds(TURN_SPACING_SECONDS * turn++))),
                                line);
                    } catch (dev.engram.core.transfer.ImportFileException e) {
                        throw e;
                    } catch (InvalidInputException e) {
                        throw new InvalidInputException("sample " + sampleId + ", " + key + ", turn " + turn + ": "
                                + e.getMessage());
                    }
                }
            }
        });
    }

    private static NewEpisode message(JsonNode turn, String a, String b, String sampleId, int session, Instant at) {
        String speaker = JsonFields.text(turn, "speaker");
        String text = JsonFields.text(turn, "text");
        String caption = JsonFields.optionalText(turn, "blip_caption");
        String content = caption == null || caption.isBlank() ? text : text + " [shares an image: " + caption + "]";
        String diaId = JsonFields.text(turn, "dia_id");
        return new NewEpisode(speaker, speaker.equals(a) ? b : a, "user", content, at, Map.of("source", "locomo",
                "conversation_id", sampleId, "session", Integer.toString(session), "dia_id", diaId));
    }

    private static Instant date(String sampleId, String session, String text) {
        try {
            return LocalDateTime.parse(text.strip(), SESSION_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("sample " + sampleId + ": " + session + "_date_time",
                    "'" + text + "' is not a date like '1:56 pm on 8 May, 2023'");
        }
    }
}
