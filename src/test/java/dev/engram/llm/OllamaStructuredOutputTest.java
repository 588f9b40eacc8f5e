package dev.engram.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.core.ingest.ChatMessage;
import dev.engram.core.ingest.InvalidModelOutputException;
import dev.engram.core.ingest.ModelErrorException;
import dev.engram.core.ingest.ModelUnavailableException;
import dev.engram.support.FakeOllama;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Structured output through langchain4j-ollama against a server speaking Ollama's protocol. */
class OllamaStructuredOutputTest {
    private static final String SCHEMA = """
            {"type": "object", "properties": {"commands": {"type": "array", "items": {"type": "string"}}},
             "required": ["commands"]}""";

    @Test
    void sendsTheSchemaAsOllamasFormatAndParsesTheAnswer() throws Exception {
        try (FakeOllama ollama = FakeOllama.start("qwen3:4b")) {
            ollama.reply(FakeOllama.Reply.of("{\"commands\": [\"add\", \"delete\"], \"n\": 2.5, \"ok\": true}"));
            OllamaLanguageModel model = OllamaLanguageModel.at(ollama.url());

            Object answer = model.chatJson("qwen3:4b", List.of(ChatMessage.system("extract"), ChatMessage.user("hi")), SCHEMA);

            assertThat(answer).isEqualTo(Map.of("commands", List.of("add", "delete"), "n", 2.5, "ok", true));
            var request = ollama.requests().getFirst();
            assertThat(request.path("stream").asBoolean(true)).isFalse();
            assertThat(request.path("format").path("type").asText()).isEqualTo("object");
            assertThat(request.path("format").path("required").get(0).asText()).isEqualTo("commands");
            assertThat(FakeOllama.messages(request)).containsExactly("system: extract", "user: hi");
        }
    }

    @Test
    void anAnswerThatIsNotJsonIsInvalidOutputQuotingIt() throws Exception {
        try (FakeOllama ollama = FakeOllama.start("qwen3:4b")) {
            ollama.reply(FakeOllama.Reply.of("Sure! Here are the facts: {commands: [add]"));
            OllamaLanguageModel model = OllamaLanguageModel.at(ollama.url());

            assertThatThrownBy(() -> model.chatJson("qwen3:4b", List.of(ChatMessage.user("hi")), SCHEMA))
                    .isInstanceOf(InvalidModelOutputException.class)
                    .hasMessageContaining("not valid JSON").hasMessageContaining("Sure! Here are the facts");
        }
    }

    @Test
    void anUnknownModelAndAMissingServerAreTold() throws Exception {
        try (FakeOllama ollama = FakeOllama.start("qwen3:4b")) {
            assertThatThrownBy(() -> OllamaLanguageModel.at(ollama.url()).chatJson("llama9", List.of(ChatMessage.user("x")), SCHEMA))
                    .isInstanceOf(ModelErrorException.class).hasMessageContaining("ollama pull llama9");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        OllamaLanguageModel absent = new OllamaLanguageModel("http://127.0.0.1:" + port, Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThatThrownBy(() -> absent.chatJson("qwen3:4b", List.of(ChatMessage.user("x")), SCHEMA))
                .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("not running");
    }
}
