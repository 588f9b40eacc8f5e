package dev.engram.core.profile;

import java.time.Instant;

/**
 * One history row: {@code before} is null for an add, {@code after} null for a delete.
 * {@code actor} says who made the change ({@code user}, {@code api}, {@code cli}, {@code llm:<model>}).
 */
public record FactChange(long id, long factId, FactAction action, FactSnapshot before, FactSnapshot after,
                         String actor, Instant at) {
}
