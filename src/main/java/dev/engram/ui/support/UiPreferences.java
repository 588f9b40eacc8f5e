package dev.engram.ui.support;

import java.util.Optional;

/** Small settings the app remembers (theme, last scope, Ollama URL and model). */
public interface UiPreferences {
    Optional<String> get(String key);

    void put(String key, String value);

    default String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    /** In memory, for tests. */
    static UiPreferences inMemory() {
        java.util.Map<String, String> values = new java.util.concurrent.ConcurrentHashMap<>();
        return new UiPreferences() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(values.get(key));
            }

            @Override
            public void put(String key, String value) {
                values.put(key, value);
            }
        };
    }
}
