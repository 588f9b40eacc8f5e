package dev.engram.core.ingest;

/**
 * The model answered, but not with what was asked (not JSON, or JSON of another shape). Worth a
 * retry; the message says what was wrong and quotes the start of the answer.
 */
public final class InvalidModelOutputException extends RuntimeException {
    public InvalidModelOutputException(String message) {
        super(message);
    }

    public InvalidModelOutputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The start of an answer, for messages. */
    public static String quote(String answer) {
        String flat = answer == null ? "" : answer.replaceAll("\\s+", " ").strip();
        return '"' + (flat.length() > 160 ? flat.substring(0, 160) + "..." : flat) + '"';
    }
}
