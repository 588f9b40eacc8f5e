package dev.engram.core.wire;

import java.util.Map;

/** An episode in a search result ({@code score} only on long-term hits). */
public record EpisodeView(String uid, String content, String producerId, String producerRole, String producedForId,
                          String episodeType, Map<String, String> metadata, String createdAt, Double score) {
}
