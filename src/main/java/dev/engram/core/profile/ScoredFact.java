package dev.engram.core.profile;

/** A fact found by search, with its similarity to the query (cosine, higher is closer). */
public record ScoredFact(ProfileFact fact, double score) {
}
