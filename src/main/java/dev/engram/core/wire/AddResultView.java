package dev.engram.core.wire;

import java.util.List;

/** MemMachine's add response: one uid per message, in order. */
public record AddResultView(List<Uid> results) {
    public record Uid(String uid) {
    }
}
