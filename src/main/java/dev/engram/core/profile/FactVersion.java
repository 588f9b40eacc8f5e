package dev.engram.core.profile;

import java.time.Instant;

/** A value a fact held before it was superseded: valid from {@code validFrom} until {@code validTo}. */
public record FactVersion(long factId, String category, String tag, String feature, String value,
                          Instant validFrom, Instant validTo) {
}
