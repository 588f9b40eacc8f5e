package dev.engram.ui.shell;

import javafx.scene.input.KeyCode;

/** The app's screens, in navigation order, with their shortcut (Ctrl+1 ... Ctrl+4). */
public enum Screen {
    CHAT("Chat", KeyCode.DIGIT1),
    TIMELINE("Timeline", KeyCode.DIGIT2),
    PROFILE("Profile", KeyCode.DIGIT3),
    ISOLATION("Isolation lab", KeyCode.DIGIT4);

    private final String title;
    private final KeyCode key;

    Screen(String title, KeyCode key) {
        this.title = title;
        this.key = key;
    }

    public String title() {
        return title;
    }

    public KeyCode key() {
        return key;
    }
}
