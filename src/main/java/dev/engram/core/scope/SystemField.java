package dev.engram.core.scope;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The fixed (non-metadata) fields a filter may name, with the aliases MemMachine accepts (its
 * API says {@code producer}, its filters said {@code producer_id}: both work here) and the
 * memory types that carry each field.
 */
public enum SystemField {
    UID("uid", ValueKind.INTEGER, EnumSet.of(MemoryType.EPISODIC), "id", "episode_uid"),
    PRODUCER("producer", ValueKind.TEXT, EnumSet.allOf(MemoryType.class), "producer_id"),
    PRODUCED_FOR("produced_for", ValueKind.TEXT, EnumSet.of(MemoryType.EPISODIC), "produced_for_id"),
    ROLE("role", ValueKind.TEXT, EnumSet.of(MemoryType.EPISODIC), "producer_role"),
    EPISODE_TYPE("episode_type", ValueKind.TEXT, EnumSet.of(MemoryType.EPISODIC)),
    CREATED_AT("created_at", ValueKind.TIME, EnumSet.allOf(MemoryType.class), "timestamp"),
    UPDATED_AT("updated_at", ValueKind.TIME, EnumSet.of(MemoryType.SEMANTIC)),
    SET_ID("set_id", ValueKind.TEXT, EnumSet.of(MemoryType.SEMANTIC), "set"),
    CATEGORY("category", ValueKind.TEXT, EnumSet.of(MemoryType.SEMANTIC), "category_name",
            "semantic_category_id"),
    TAG("tag", ValueKind.TEXT, EnumSet.of(MemoryType.SEMANTIC), "tag_id"),
    FEATURE("feature", ValueKind.TEXT, EnumSet.of(MemoryType.SEMANTIC), "feature_name"),
    VALUE("value", ValueKind.TEXT, EnumSet.of(MemoryType.SEMANTIC));

    /** How values compared with the field are typed. */
    public enum ValueKind { TEXT, INTEGER, TIME }

    private final String canonicalName;
    private final ValueKind kind;
    private final Set<MemoryType> types;
    private final List<String> aliases;

    SystemField(String canonicalName, ValueKind kind, Set<MemoryType> types, String... aliases) {
        this.canonicalName = canonicalName;
        this.kind = kind;
        this.types = types;
        this.aliases = List.of(aliases);
    }

    public String canonicalName() {
        return canonicalName;
    }

    public ValueKind kind() {
        return kind;
    }

    public List<String> aliases() {
        return aliases;
    }

    public boolean appliesTo(MemoryType type) {
        return types.contains(type);
    }

    /** Resolves a field name or alias (case-insensitive); null when it is not a system field. */
    public static SystemField byName(String name) {
        for (SystemField field : values()) {
            if (field.canonicalName.equalsIgnoreCase(name)
                    || field.aliases.stream().anyMatch(alias -> alias.equalsIgnoreCase(name))) {
                return field;
            }
        }
        return null;
    }
}
