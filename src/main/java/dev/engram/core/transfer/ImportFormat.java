package dev.engram.core.transfer;

import java.util.Locale;

/** The kinds of file Engram imports; {@link #AUTO} recognises them by their first bytes. */
public enum ImportFormat {
    AUTO, ENGRAM, CHATGPT, LOCOMO, JSONL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
