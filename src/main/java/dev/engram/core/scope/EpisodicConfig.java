package dev.engram.core.scope;

/**
 * A project's episodic memory switches (MemMachine's episodic config): {@code enabled} turns
 * episodic search off altogether; the other two turn off long-term (relevance) or short-term
 * (recent) results. Episodes are always stored; the switches only govern what search returns.
 */
public record EpisodicConfig(boolean enabled, boolean longTermEnabled, boolean shortTermEnabled) {
    public static final EpisodicConfig DEFAULT = new EpisodicConfig(true, true, true);

    /** A partial change: null components stay as they are. */
    public EpisodicConfig with(Boolean enabled, Boolean longTerm, Boolean shortTerm) {
        return new EpisodicConfig(enabled == null ? this.enabled : enabled,
                longTerm == null ? this.longTermEnabled : longTerm,
                shortTerm == null ? this.shortTermEnabled : shortTerm);
    }
}
