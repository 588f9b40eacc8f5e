package dev.engram.ui.chat;

/**
 * A memory that went into the prompt, for the context panel: a profile fact, an episode found
 * for the message, or one of the latest episodes. {@code id} is the fact id or the episode uid;
 * {@code score} is NaN for the latest episodes (they are there by time, not relevance).
 */
public record ContextItem(Kind kind, long id, double score, String title, String text) {
    public enum Kind { FACT, EPISODE, RECENT }

    public boolean hasScore() {
        return !Double.isNaN(score);
    }
}
