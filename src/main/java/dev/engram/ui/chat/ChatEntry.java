package dev.engram.ui.chat;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One bubble of the transcript; an answer's text grows while it streams. */
public final class ChatEntry {
    /** Who speaks: the person, the model, or Engram itself (a notice such as "not answered"). */
    public enum Kind { USER, ASSISTANT, NOTICE }

    private final ReadOnlyObjectWrapper<Kind> kind;
    private final ReadOnlyStringWrapper text;
    private final ReadOnlyBooleanWrapper streaming;

    ChatEntry(Kind kind, String text, boolean streaming) {
        this.kind = new ReadOnlyObjectWrapper<>(kind);
        this.text = new ReadOnlyStringWrapper(text);
        this.streaming = new ReadOnlyBooleanWrapper(streaming);
    }

    public ReadOnlyObjectProperty<Kind> kindProperty() {
        return kind.getReadOnlyProperty();
    }

    public Kind kind() {
        return kind.get();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public String text() {
        return text.get();
    }

    public ReadOnlyBooleanProperty streamingProperty() {
        return streaming.getReadOnlyProperty();
    }

    void append(String piece) {
        text.set(text.get() + piece);
    }

    void finish(String finalText, boolean cut) {
        text.set(cut && !finalText.isBlank() ? finalText + " [stopped]" : finalText);
        streaming.set(false);
    }

    void becomeNotice(String message) {
        kind.set(Kind.NOTICE);
        text.set(message);
        streaming.set(false);
    }
}
