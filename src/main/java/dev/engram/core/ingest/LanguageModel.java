package dev.engram.core.ingest;

import dev.engram.core.Cancellation;
import java.util.List;
import java.util.function.Consumer;

/**
 * A local language model server (Ollama). Every call may throw
 * {@link ModelUnavailableException} when the server is not running or does not answer in time;
 * callers say so plainly and keep working without it.
 */
public interface LanguageModel {

    /** Where the server is, for messages (e.g. http://127.0.0.1:11434). */
    String location();

    /** Names of the models the server has. */
    List<String> models();

    /**
     * Streams an answer: each piece of text goes to {@code tokens} as it arrives; returns the whole
     * answer. Stops early (returning what arrived) when {@code cancel} is cancelled.
     */
    String chat(String model, List<ChatMessage> messages, Consumer<String> tokens, Cancellation cancel);

    /**
     * Asks for an answer in JSON that follows {@code jsonSchema} (Ollama's structured output) and
     * returns it parsed into plain values: {@code Map<String, Object>}, {@code List<Object>},
     * {@code String}, {@code Number}, {@code Boolean} or null. An answer that is not JSON is an
     * {@link InvalidModelOutputException}; checking its shape is the caller's job.
     */
    Object chatJson(String model, List<ChatMessage> messages, String jsonSchema);
}
