package dev.engram.ui.isolation;

/** A result of a probe: an episode or a fact of the probe's scope, with its score. */
public record ProbeHit(Kind kind, long id, double score, String who, String text) {
    public enum Kind { EPISODE, FACT }
}
