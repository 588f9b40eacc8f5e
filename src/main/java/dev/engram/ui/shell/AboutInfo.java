package dev.engram.ui.shell;

/**
 * What the About dialog tells: the version, where the data and the logs are, and the Java runtime
 * (its VM info says "sharing" when classes came from a CDS archive or the AOT cache).
 */
public record AboutInfo(String version, String dataFolder, String logFolder, String runtime) {

    /** The text the dialog's Copy button puts on the clipboard (for a bug report). */
    public String asText() {
        return "Engram " + version + System.lineSeparator()
                + "Data folder: " + dataFolder + System.lineSeparator()
                + "Log folder: " + logFolder + System.lineSeparator()
                + "Runtime: " + runtime;
    }
}
