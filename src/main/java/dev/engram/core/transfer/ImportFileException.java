package dev.engram.core.transfer;

import dev.engram.core.InvalidInputException;

/** A file that cannot be imported as it is: the message names the file, the line and what is wrong. */
public final class ImportFileException extends InvalidInputException {
    private final long line;

    public ImportFileException(String file, long line, String problem) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem + (problem.endsWith(".") ? "" : ".")
                + " Nothing was imported.");
        this.line = line;
    }

    /** The 1-based line at fault, or 0 when the problem is the file as a whole. */
    public long line() {
        return line;
    }
}
