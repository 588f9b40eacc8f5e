package dev.engram.core.scope;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Types a value as written in a filter for the field it is compared with: text fields take any
 * value as text, {@code uid} an integer, times an ISO-8601 date-time or an epoch, metadata text
 * or a number.
 */
final class FilterValues {
    /** How a value was written: quoted, as a bare word, or as {@code date('...')}. */
    enum Form { QUOTED, WORD, DATE }

    /** A value before typing. */
    record Raw(Form form, String text) {
    }

    /** A value that does not fit its field; {@code problem} and {@code expected} form the message. */
    static final class Problem extends RuntimeException {
        final String problem;
        final String expected;

        Problem(String problem, String expected) {
            super(problem + "; " + expected, null, false, false);
            this.problem = problem;
            this.expected = expected;
        }
    }

    static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    static final Pattern DECIMAL = Pattern.compile("-?[0-9]+\\.[0-9]+");
    /** Epoch values above this are milliseconds, others seconds. */
    static final long EPOCH_MILLIS_THRESHOLD = 1_000_000_000_000L;

    private static final String TIME_FORMS = "expected date('2025-01-02T10:00:00Z'), an ISO-8601 string"
            + " ('2025-01-02' is the start of that day UTC; no offset means UTC) or an integer epoch"
            + " (seconds, or milliseconds above 10^12)";
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMMss", "Z").optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private FilterValues() {
    }

    static Literal type(FilterField field, Raw raw) {
        if (field.isMetadata()) {
            return metadata(field, raw);
        }
        return switch (field.system().kind()) {
            case TEXT -> text(field, raw);
            case INTEGER -> integer(field, raw);
            case TIME -> time(field, raw);
        };
    }

    /** Checks an IN list typed for metadata: all numbers or all text. */
    static void checkList(FilterField field, List<Literal> values) {
        if (field.isMetadata() && values.stream().anyMatch(Literal::isNumber)
                && !values.stream().allMatch(Literal::isNumber)) {
            throw new Problem("IN list for " + field.displayName() + " mixes numbers and text",
                    "expected all numbers or all text (quote numbers to compare them as text)");
        }
    }

    private static Literal text(FilterField field, Raw raw) {
        if (raw.form() == Form.DATE) {
            throw notATimeField(field);
        }
        return Literal.text(isBoolean(raw) ? raw.text().toLowerCase(Locale.ROOT) : raw.text());
    }

    private static Literal integer(FilterField field, Raw raw) {
        boolean digits = raw.form() == Form.WORD ? INTEGER.matcher(raw.text()).matches()
                : raw.form() == Form.QUOTED && DIGITS.matcher(raw.text()).matches();
        if (!digits) {
            throw new Problem(field.displayName() + " needs an integer, got " + shown(raw),
                    "expected an integer such as 42 or '42'");
        }
        return new Literal.Int(parseLong(field, raw.text()));
    }

    private static Literal time(FilterField field, Raw raw) {
        if (raw.form() != Form.DATE && INTEGER.matcher(raw.text()).matches()) {
            return new Literal.Time(epoch(parseLong(field, raw.text())));
        }
        if (raw.form() == Form.WORD && (isBoolean(raw) || DECIMAL.matcher(raw.text()).matches())) {
            throw new Problem(field.displayName() + " needs a time, got " + shown(raw), TIME_FORMS);
        }
        return new Literal.Time(parseTime(raw.text()));
    }

    private static Literal metadata(FilterField field, Raw raw) {
        return switch (raw.form()) {
            case DATE -> throw notATimeField(field);
            case QUOTED -> Literal.text(raw.text());
            case WORD -> {
                String text = raw.text();
                if (INTEGER.matcher(text).matches()) {
                    yield new Literal.Int(parseLong(field, text));
                }
                if (DECIMAL.matcher(text).matches()) {
                    yield new Literal.Decimal(parseDecimal(field, text));
                }
                yield Literal.text(isBoolean(raw) ? text.toLowerCase(Locale.ROOT) : text);
            }
        };
    }

    private static Problem notATimeField(FilterField field) {
        return new Problem("date(...) compared with " + field.displayName() + ", which is not a time",
                "date(...) works only with created_at and updated_at; expected "
                        + (field.isMetadata() ? "text or a number" : "a quoted string"));
    }

    private static boolean isBoolean(Raw raw) {
        return raw.form() == Form.WORD
                && (raw.text().equalsIgnoreCase("true") || raw.text().equalsIgnoreCase("false"));
    }

    private static String shown(Raw raw) {
        return raw.form() == Form.DATE ? "date(" + Ids.quote(raw.text()) + ")" : Ids.quote(raw.text());
    }

    private static long parseLong(FilterField field, String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new Problem("integer " + Ids.quote(digits) + " for " + field.displayName() + " is out of range",
                    "expected an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
        }
    }

    private static double parseDecimal(FilterField field, String text) {
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new Problem("number " + Ids.quote(text) + " for " + field.displayName() + " is out of range",
                    "expected a finite number");
        }
        return value == 0.0 ? 0.0 : value;
    }

    /** An epoch in seconds, or in milliseconds when above 10^12. */
    static Instant epoch(long value) {
        try {
            return value > EPOCH_MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        } catch (DateTimeException e) {
            throw new Problem("epoch " + value + " is out of range", TIME_FORMS);
        }
    }

    /** An ISO-8601 date or date-time; a date is the start of that day UTC, no offset means UTC. */
    static Instant parseTime(String text) {
        String normalized = text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            TemporalAccessor parsed = ISO.parseBest(normalized, OffsetDateTime::from, LocalDateTime::from,
                    LocalDate::from);
            return switch (parsed) {
                case OffsetDateTime odt -> odt.toInstant();
                case LocalDateTime ldt -> ldt.toInstant(ZoneOffset.UTC);
                case LocalDate date -> date.atStartOfDay(ZoneOffset.UTC).toInstant();
                default -> throw new IllegalStateException("unexpected " + parsed);
            };
        } catch (DateTimeException | ArithmeticException e) {
            throw new Problem("invalid date-time " + Ids.quote(text), TIME_FORMS);
        }
    }

    /** A decimal as the filter language writes it: plain digits with a fraction, never an exponent. */
    static String decimalText(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        String plain = BigDecimal.valueOf(value).toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
