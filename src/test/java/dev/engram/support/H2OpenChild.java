package dev.engram.support;

import dev.engram.store.h2.H2Database;
import java.nio.file.Path;

/** Tries to open a profile store from another process and prints what happened. */
public final class H2OpenChild {
    private H2OpenChild() {
    }

    public static void main(String[] args) {
        try (H2Database db = H2Database.open(Path.of(args[0]))) {
            System.out.println("opened");
        } catch (RuntimeException e) {
            System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
