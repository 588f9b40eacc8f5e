package dev.engram.llm;

import dev.engram.core.Cancellation;
import dev.engram.core.ingest.ChatMessage;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engram.core.ingest.InvalidModelOutputException;
import dev.engram.core.ingest.LanguageModel;
import dev.engram.core.ingest.ModelErrorException;
import dev.engram.core.ingest.ModelUnavailableException;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaModel;
import dev.langchain4j.model.ollama.OllamaModels;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Ollama through langchain4j-ollama. langchain4j's errors are untyped (a refused connection is a
 * RuntimeException around a ConnectException with no message), so failures are sorted here by
 * walking the cause chain into "not running / not answering" and "answered with an error".
 */
public final class OllamaLanguageModel implements LanguageModel {
    public static final String DEFAULT_URL = "http://127.0.0.1:11434";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final Duration connectTimeout;
    private final Duration answerTimeout;

    public OllamaLanguageModel(String baseUrl, Duration connectTimeout, Duration answerTimeout) {
        URI uri = URI.create(baseUrl.strip());
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
            throw new IllegalArgumentException("Ollama URL must be http(s)://host:port, got " + baseUrl);
        }
        this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
        this.connectTimeout = connectTimeout;
        this.answerTimeout = answerTimeout;
    }

    public static OllamaLanguageModel at(String baseUrl) {
        return new OllamaLanguageModel(baseUrl, Duration.ofSeconds(3), Duration.ofMinutes(5));
    }

    @Override
    public String location() {
        return baseUrl;
    }

    @Override
    public List<String> models() {
        try {
            List<OllamaModel> models = OllamaModels.builder().baseUrl(baseUrl).timeout(connectTimeout).maxRetries(0)
                    .build().availableModels().content();
            return models.stream().map(OllamaModel::getName).sorted().toList();
        } catch (RuntimeException e) {
            throw translate(e, null);
        }
    }

    @Override
    public String chat(String model, List<ChatMessage> messages, Consumer<String> tokens, Cancellation cancel) {
        OllamaStreamingChatModel chat = OllamaStreamingChatModel.builder().baseUrl(baseUrl).modelName(model)
                .timeout(answerTimeout).build();
        StringBuilder answer = new StringBuilder();
        CompletableFuture<String> done = new CompletableFuture<>();
        try {
            chat.chat(messages.stream().map(OllamaLanguageModel::toLangchain).toList(), new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                    if (cancel.isCancelled()) {
                        context.streamingHandle().cancel();
                        done.complete(snapshot(answer));
                        return;
                    }
                    synchronized (answer) {
                        answer.append(partial.text());
                    }
                    tokens.accept(partial.text());
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    done.complete(snapshot(answer));
                }

                @Override
                public void onError(Throwable error) {
                    done.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            throw translate(e, model);
        }
        return await(done, answer, cancel, model);
    }

    @Override
    public Object chatJson(String model, List<ChatMessage> messages, String jsonSchema) {
        String answer;
        try {
            OllamaChatModel chat = OllamaChatModel.builder().baseUrl(baseUrl).modelName(model).timeout(answerTimeout)
                    .maxRetries(0).temperature(0.0).build();
            ChatRequest request = ChatRequest.builder()
                    .messages(messages.stream().map(OllamaLanguageModel::toLangchain).toList())
                    .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON)
                            .jsonSchema(JsonSchema.builder().name("answer")
                                    .rootElement(JsonRawSchema.from(jsonSchema)).build()).build())
                    .build();
            answer = chat.chat(request).aiMessage().text();
        } catch (RuntimeException e) {
            throw translate(e, model);
        }
        try {
            return answer == null ? null : JSON.readValue(answer, Object.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new InvalidModelOutputException("the model's answer is not valid JSON ("
                    + e.getOriginalMessage() + "): " + InvalidModelOutputException.quote(answer), e);
        }
    }

    private String await(CompletableFuture<String> done, StringBuilder answer, Cancellation cancel, String model) {
        long deadline = System.nanoTime() + answerTimeout.toNanos();
        while (true) {
            try {
                return done.get(50, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                if (cancel.isCancelled()) {
                    return snapshot(answer); // the handler cancels the stream at its next token
                }
                if (System.nanoTime() > deadline) {
                    throw new ModelUnavailableException("Ollama at " + baseUrl + " did not finish answering within "
                            + answerTimeout.toSeconds() + " s", e);
                }
            } catch (ExecutionException e) {
                throw translate(e.getCause(), model);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return snapshot(answer);
            }
        }
    }

    private static String snapshot(StringBuilder answer) {
        synchronized (answer) {
            return answer.toString();
        }
    }

    private static dev.langchain4j.data.message.ChatMessage toLangchain(ChatMessage message) {
        return switch (message.role()) {
            case SYSTEM -> SystemMessage.from(message.content());
            case USER -> UserMessage.from(message.content());
            case ASSISTANT -> AiMessage.from(message.content());
        };
    }

    /** Sorts a langchain4j failure into "cannot reach Ollama" and "Ollama said no". */
    RuntimeException translate(Throwable failure, String model) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof java.nio.channels.UnresolvedAddressException
                    || t instanceof java.net.UnknownHostException) {
                return new ModelUnavailableException("Ollama is not running at " + baseUrl
                        + ". Start it (ollama serve) or set its URL in the settings.", failure);
            }
            if (t instanceof HttpTimeoutException || t instanceof dev.langchain4j.exception.TimeoutException
                    || t instanceof java.net.http.HttpConnectTimeoutException) {
                return new ModelUnavailableException("Ollama at " + baseUrl + " did not answer in time.", failure);
            }
            if (t instanceof ModelNotFoundException) {
                return new ModelErrorException("Ollama has no model '" + model + "'. Pull it: ollama pull " + model, failure);
            }
        }
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (model != null && detail.contains("not found")) {
            return new ModelErrorException("Ollama has no model '" + model + "'. Pull it: ollama pull " + model, failure);
        }
        return new ModelErrorException("Ollama at " + baseUrl + " failed: " + detail, failure);
    }
}
