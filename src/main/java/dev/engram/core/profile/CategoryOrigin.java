package dev.engram.core.profile;

import java.util.Locale;

/** Who owns a category: one set, a set type (a template its sets inherit), or Engram itself. */
public enum CategoryOrigin {
    SET_ID, SET_TYPE, BUILT_IN;

    /** MemMachine's {@code origin_type}: {@code set_id}, {@code set_type}; Engram adds {@code built_in}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
