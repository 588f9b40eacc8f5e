package dev.engram.core.episode;

import dev.engram.core.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads timestamps the way MemMachine accepts them: ISO-8601 text, epoch seconds, or epoch
 * milliseconds (numbers above 10^12). Unlike MemMachine, an ISO string without a zone is UTC
 * rather than a naive time that fails later.
 */
public final class Timestamps {
    private static final BigDecimal MILLIS_THRESHOLD = BigDecimal.valueOf(1_000_000_000_000L);
    /** Years 0001 to 9999, as ISO-8601 allows without a sign. */
    private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999Z");

    private Timestamps() {
    }

    /** Parses text: ISO-8601 (date, date-time with or without offset) or an epoch number. */
    public static Instant parse(String field, String text) {
        String value = text.strip();
        if (value.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return fromEpoch(field, new BigDecimal(value));
        }
        try {
            if (value.length() == 10) {
                return bounded(field, LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            try {
                return bounded(field, OffsetDateTime.parse(value).toInstant());
            } catch (DateTimeParseException withoutOffset) {
                return bounded(field, LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
            }
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "'" + abbreviate(value)
                    + "' is not a timestamp; use ISO-8601 (2025-11-24T10:00:00Z), epoch seconds or epoch milliseconds");
        }
    }

    /** Epoch seconds, or milliseconds when above 10^12 (as MemMachine decides). */
    public static Instant fromEpoch(String field, BigDecimal number) {
        BigDecimal millis = number.abs().compareTo(MILLIS_THRESHOLD) > 0 ? number : number.movePointRight(3);
        try {
            return bounded(field, Instant.ofEpochMilli(millis.setScale(0, RoundingMode.HALF_UP).longValueExact()));
        } catch (ArithmeticException e) {
            throw new InvalidInputException(field, "timestamp " + abbreviate(number.toPlainString()) + " is out of range");
        }
    }

    private static Instant bounded(String field, Instant instant) {
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            throw new InvalidInputException(field, "timestamp must be between years 0001 and 9999");
        }
        return instant;
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
