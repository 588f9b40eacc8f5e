package dev.engram.ui.shell;

import dev.engram.core.memory.MemoryService;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import dev.engram.ui.support.LongWork;
import dev.engram.ui.support.UiExecutors;
import dev.engram.ui.support.UiPreferences;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The window's state: stores opening (with progress) then ready or failed; the current screen;
 * the theme (remembered); the status bar's facts; and what the About dialog tells.
 */
public final class ShellViewModel {
    /** Whether the memory can be used yet. */
    public enum Phase { OPENING, READY, FAILED }

    // --- properties ----------------------------------------------------------------------------
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.OPENING);
    private final ReadOnlyStringWrapper openingMessage = new ReadOnlyStringWrapper("Opening your memory...");
    private final ReadOnlyDoubleWrapper openingProgress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.CHAT);
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper dataFolder = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper model = new ReadOnlyStringWrapper("Ollama: checking...");
    private final ReadOnlyStringWrapper api = new ReadOnlyStringWrapper("API: off");

    private final UiExecutors executors;
    private final LongWork work;
    private final AboutInfo about;
    private MemoryService memory;

    public ShellViewModel(UiPreferences preferences, UiExecutors executors, AboutInfo about) {
        this.executors = executors;
        this.work = new LongWork(executors);
        this.about = about;
        this.dataFolder.set(about.dataFolder());
        dark.set(Boolean.parseBoolean(preferences.get("theme.dark", "false")));
        dark.addListener((o, was, now) -> preferences.put("theme.dark", Boolean.toString(now)));
        screen.set(parseScreen(preferences.get("screen", Screen.CHAT.name())));
        screen.addListener((o, was, now) -> preferences.put("screen", now.name()));
    }

    private static Screen parseScreen(String name) {
        try {
            return Screen.valueOf(name);
        } catch (IllegalArgumentException e) {
            return Screen.CHAT;
        }
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty openingMessageProperty() {
        return openingMessage.getReadOnlyProperty();
    }

    /** -1 while the amount of work is unknown. */
    public ReadOnlyDoubleProperty openingProgressProperty() {
        return openingProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public ReadOnlyStringProperty dataFolderProperty() {
        return dataFolder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty apiProperty() {
        return api.getReadOnlyProperty();
    }

    /** The long work shown in the status bar (one at a time, cancellable). */
    public LongWork work() {
        return work;
    }

    /** Version, data and log folders, runtime: for the About dialog. */
    public AboutInfo about() {
        return about;
    }

    // --- commands ------------------------------------------------------------------------------

    /** Progress of opening (re-embedding after a model change reports counts). */
    public void openingProgress(String task, long done, long total) {
        openingMessage.set(total > 0 ? task + ": " + done + " of " + total : task);
        openingProgress.set(total > 0 ? (double) done / total : -1);
    }

    public void opened(MemoryService memory) {
        this.memory = memory;
        phase.set(Phase.READY);
    }

    public void failed(Throwable error) {
        failure.set(error.getMessage() == null ? error.toString() : error.getMessage());
        phase.set(Phase.FAILED);
    }

    public void apiStatus(String text) {
        api.set(text);
    }

    public void modelStatus(String text) {
        model.set(text);
    }

    /** Recounts the scope's episodes and facts (in the background). */
    public void refreshCounts(Scope scope) {
        if (memory == null || scope == null) {
            counts.set("");
            return;
        }
        MemoryService m = memory;
        executors.run(() -> String.format("%,d episodes · %,d facts", m.countEpisodes(scope, Filter.all()),
                m.profile().count(scope)), counts::set, e -> counts.set("counts unavailable"));
    }

    public void toggleTheme() {
        dark.set(!dark.get());
    }
}
