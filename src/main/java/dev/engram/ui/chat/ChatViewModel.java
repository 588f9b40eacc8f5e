package dev.engram.ui.chat;

import dev.engram.core.Cancellation;
import dev.engram.core.chat.ChatContext;
import dev.engram.core.chat.ChatService;
import dev.engram.core.episode.Episode;
import dev.engram.core.episode.ScoredEpisode;
import dev.engram.core.ingest.ChatMessage;
import dev.engram.core.ingest.LanguageModel;
import dev.engram.core.ingest.ModelErrorException;
import dev.engram.core.ingest.ModelUnavailableException;
import dev.engram.core.profile.ScoredFact;
import dev.engram.core.scope.Scope;
import dev.engram.ui.scope.ScopeModel;
import dev.engram.ui.support.UiExecutors;
import dev.engram.ui.support.UiPreferences;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The chat pane: each turn recalls the scope's memory (shown in the context panel), streams the
 * local model's answer, then stores both messages as episodes. Without Ollama the turn still
 * recalls and stores, and a banner says what to do.
 */
public final class ChatViewModel {
    static final String URL_KEY = "ollama.url";
    static final String MODEL_KEY = "ollama.model";

    // --- properties ----------------------------------------------------------------------------
    private final StringProperty input = new SimpleStringProperty("");
    private final StringProperty ollamaUrl = new SimpleStringProperty();
    private final StringProperty model = new SimpleStringProperty("");
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObservableList<ChatEntry> transcript = FXCollections.observableArrayList();
    private final ObservableList<ContextItem> context = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    private final ScopeModel scope;
    private final ChatService chat;
    private final Function<String, LanguageModel> connect;
    private final UiExecutors executors;
    private Consumer<String> onModelStatus = status -> { };
    private Runnable onStored = () -> { };
    private Cancellation cancel = Cancellation.none();
    private LanguageModel languageModel;

    public ChatViewModel(ScopeModel scope, ChatService chat, Function<String, LanguageModel> connect,
                         UiPreferences preferences, UiExecutors executors, String defaultUrl) {
        this.scope = scope;
        this.chat = chat;
        this.connect = connect;
        this.executors = executors;
        ollamaUrl.set(preferences.get(URL_KEY, defaultUrl));
        model.set(preferences.get(MODEL_KEY, ""));
        model.addListener((o, was, now) -> {
            if (now != null && !now.isBlank()) {
                preferences.put(MODEL_KEY, now);
            }
        });
        ollamaUrl.addListener((o, was, now) -> preferences.put(URL_KEY, now == null ? "" : now.strip()));
        scope.scopeProperty().addListener((o, was, now) -> {
            transcript.clear();
            context.clear();
            prompt.set("");
        });
    }

    // --- accessors -----------------------------------------------------------------------------
    public StringProperty inputProperty() {
        return input;
    }

    public StringProperty ollamaUrlProperty() {
        return ollamaUrl;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public ObservableList<String> models() {
        return models;
    }

    public ObservableList<ChatEntry> transcript() {
        return transcript;
    }

    /** What memory went into the last prompt. */
    public ObservableList<ContextItem> context() {
        return context;
    }

    /** The exact prompt of the last turn, as sent to the model. */
    public ReadOnlyStringProperty promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** "" when the model is ready; otherwise what is wrong and what to do. */
    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Where the status bar learns whether Ollama is reachable. */
    public void setOnModelStatus(Consumer<String> onModelStatus) {
        this.onModelStatus = onModelStatus;
    }

    /** Called after a turn was stored (the status bar recounts). */
    public void setOnStored(Runnable onStored) {
        this.onStored = onStored;
    }

    // --- commands ------------------------------------------------------------------------------

    /** Asks Ollama (at the URL setting) for its models; sets the banner when it cannot be reached. */
    public void connect() {
        String url = ollamaUrl.get() == null ? "" : ollamaUrl.get().strip();
        onModelStatus.accept("Ollama: checking...");
        executors.run(() -> {
            LanguageModel lm = connect.apply(url);
            return new Connected(lm, lm.models());
        }, connected -> {
            languageModel = connected.model();
            models.setAll(connected.names());
            if (connected.names().isEmpty()) {
                banner.set("Ollama is running at " + url + " but has no models. Pull one, e.g. `ollama pull llama3.2`, "
                        + "then press Reconnect.");
                onModelStatus.accept("Ollama: no models");
                return;
            }
            if (!connected.names().contains(model.get())) {
                model.set(connected.names().getFirst());
            }
            banner.set("");
            onModelStatus.accept("Ollama: " + connected.names().size() + " models at " + url);
        }, failure -> {
            languageModel = null;
            models.clear();
            banner.set(unreachable(failure));
            onModelStatus.accept("Ollama: not reachable");
        });
    }

    private record Connected(LanguageModel model, List<String> names) {
    }

    private static String unreachable(Throwable failure) {
        String why = failure instanceof ModelUnavailableException || failure instanceof ModelErrorException
                ? failure.getMessage() : "Ollama URL is not valid: " + failure.getMessage();
        return why + " Until then, your messages are still remembered and the panel on the right shows what "
                + "memory an answer would use.";
    }

    /** Sends the input: recall, answer (streamed), remember. Does nothing while a turn runs. */
    public void send() {
        String message = input.get() == null ? "" : input.get().strip();
        Scope target = scope.scope();
        if (message.isEmpty() || busy.get()) {
            return;
        }
        if (target == null) {
            error.set("Fix the scope first: " + scope.problemProperty().get());
            return;
        }
        error.set("");
        String user = scope.producer();
        String assistant = scope.producedFor() == null ? "assistant" : scope.producedFor();
        input.set("");
        transcript.add(new ChatEntry(ChatEntry.Kind.USER, message, false));
        busy.set(true);
        Cancellation turn = new Cancellation();
        cancel = turn;
        executors.run(() -> chat.recall(target, message, ChatService.DEFAULT_TOP_K), recalled -> {
            context.setAll(items(recalled));
            List<ChatMessage> messages = chat.prompt(recalled, user, assistant);
            prompt.set(render(messages));
            answer(target, user, assistant, message, messages, turn);
        }, failure -> {
            busy.set(false);
            error.set("Could not search the memory: " + failure.getMessage());
        });
    }

    private void answer(Scope target, String user, String assistant, String message, List<ChatMessage> messages,
                        Cancellation turn) {
        ChatEntry reply = new ChatEntry(ChatEntry.Kind.ASSISTANT, "", true);
        transcript.add(reply);
        LanguageModel lm = languageModel;
        String modelName = model.get();
        executors.run(() -> {
            String answer = null;
            String problem = null;
            if (lm == null || modelName == null || modelName.isBlank()) {
                problem = "Not answered: no Ollama model is connected (see the banner above).";
            } else {
                try {
                    answer = chat.answer(lm, modelName, messages, piece -> executors.fx().execute(() -> reply.append(piece)),
                            turn);
                } catch (ModelUnavailableException | ModelErrorException e) {
                    problem = "Not answered: " + e.getMessage();
                }
            }
            List<Episode> stored = chat.remember(target, user, assistant, message, answer, modelName, turn.isCancelled());
            return new Turn(answer, problem, stored);
        }, done -> {
            if (done.problem() != null) {
                reply.becomeNotice(done.problem() + " Your message was remembered.");
                if (lm != null) {
                    banner.set(done.problem().replaceFirst("^Not answered: ", "") + " Your messages are still remembered.");
                    onModelStatus.accept("Ollama: not reachable");
                }
            } else {
                reply.finish(done.answer(), turn.isCancelled());
            }
            busy.set(false);
            onStored.run();
        }, failure -> {
            reply.becomeNotice("Failed: " + failure.getMessage());
            busy.set(false);
        });
    }

    private record Turn(String answer, String problem, List<Episode> stored) {
    }

    /** Stops the streaming answer; what arrived so far is kept (and stored, marked interrupted). */
    public void cancel() {
        cancel.cancel();
    }

    static List<ContextItem> items(ChatContext recalled) {
        List<ContextItem> items = new ArrayList<>();
        for (ScoredFact scored : recalled.facts()) {
            var fact = scored.fact();
            items.add(new ContextItem(ContextItem.Kind.FACT, fact.id(), scored.score(),
                    fact.category() + " / " + fact.tag(), fact.feature() + ": " + fact.value()));
        }
        Set<Long> seen = new HashSet<>();
        for (ScoredEpisode scored : recalled.episodes()) {
            if (seen.add(scored.episode().uid())) {
                items.add(episode(ContextItem.Kind.EPISODE, scored.episode(), scored.score()));
            }
        }
        for (Episode episode : recalled.recent()) {
            if (seen.add(episode.uid())) {
                items.add(episode(ContextItem.Kind.RECENT, episode, Double.NaN));
            }
        }
        return items;
    }

    private static ContextItem episode(ContextItem.Kind kind, Episode episode, double score) {
        return new ContextItem(kind, episode.uid(), score, episode.producer() + " · " + episode.createdAt(), episode.content());
    }

    private static String render(List<ChatMessage> messages) {
        StringBuilder text = new StringBuilder();
        for (ChatMessage m : messages) {
            text.append("── ").append(m.role().name().toLowerCase(java.util.Locale.ROOT)).append(" ──\n")
                    .append(m.content()).append("\n\n");
        }
        return text.toString().strip();
    }
}
