package dev.engram.core.scope;

/** The two kinds of memory: what was said (episodic) and lasting facts (semantic / profile). */
public enum MemoryType {
    EPISODIC("episodic"),
    SEMANTIC("semantic");

    private final String wireName;

    MemoryType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static MemoryType fromWire(String name) {
        for (MemoryType type : values()) {
            if (type.wireName.equalsIgnoreCase(name)) {
                return type;
            }
        }
        throw new dev.engram.core.InvalidInputException("types",
                "unknown memory type '" + name + "'; expected 'episodic' or 'semantic'");
    }
}
