package dev.engram.core.wire;

import java.util.Map;

/** An episode in a listing, with MemMachine's episode-store fields. */
public record ListedEpisodeView(String uid, String content, String sessionKey, String createdAt, String producerId,
                                String producerRole, String producedForId, int sequenceNum, String episodeType,
                                String contentType, Map<String, String> filterableMetadata,
                                Map<String, String> metadata) {
}
