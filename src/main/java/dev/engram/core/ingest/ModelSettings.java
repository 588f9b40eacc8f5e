package dev.engram.core.ingest;

/**
 * Which local models Engram uses, and where Ollama is. An empty model name means "not chosen":
 * the chat pane picks from Ollama's list; extraction and summaries then use the chat model, or
 * else the first model Ollama lists.
 */
public record ModelSettings(String ollamaUrl, String chatModel, String extractionModel,
                            java.time.Duration answerTimeout) {
    public static final String DEFAULT_URL = "http://127.0.0.1:11434";
    public static final java.time.Duration DEFAULT_TIMEOUT = java.time.Duration.ofMinutes(5);

    public ModelSettings(String ollamaUrl, String chatModel, String extractionModel) {
        this(ollamaUrl, chatModel, extractionModel, DEFAULT_TIMEOUT);
    }

    public ModelSettings {
        answerTimeout = answerTimeout == null || !answerTimeout.isPositive() ? DEFAULT_TIMEOUT : answerTimeout;
        ollamaUrl = ollamaUrl == null || ollamaUrl.isBlank() ? DEFAULT_URL : ollamaUrl.strip();
        chatModel = chatModel == null ? "" : chatModel.strip();
        extractionModel = extractionModel == null ? "" : extractionModel.strip();
    }

    public static ModelSettings defaults() {
        return new ModelSettings(DEFAULT_URL, "", "");
    }

    /** The model for extraction and summaries, given what Ollama has; empty when it has none. */
    public String extractionModelAmong(java.util.List<String> available) {
        if (!extractionModel.isEmpty()) {
            return extractionModel;
        }
        if (!chatModel.isEmpty()) {
            return chatModel;
        }
        return available.isEmpty() ? "" : available.getFirst();
    }
}
