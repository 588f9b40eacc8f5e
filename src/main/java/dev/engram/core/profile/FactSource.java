package dev.engram.core.profile;

/** Who brought a fact in. */
public enum FactSource {
    USER, LLM, API, IMPORT;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static FactSource fromWire(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
