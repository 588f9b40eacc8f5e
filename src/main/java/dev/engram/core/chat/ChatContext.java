package dev.engram.core.chat;

import dev.engram.core.episode.Episode;
import dev.engram.core.episode.ScoredEpisode;
import dev.engram.core.profile.ScoredFact;
import java.util.List;

/**
 * The memory that goes into one chat turn's prompt: the episodes found for the message (with
 * their scores), the latest episodes of the conversation, and the profile facts found.
 */
public record ChatContext(String message, List<ScoredEpisode> episodes, List<Episode> recent, List<ScoredFact> facts) {
    public ChatContext {
        episodes = List.copyOf(episodes);
        recent = List.copyOf(recent);
        facts = List.copyOf(facts);
    }

    public boolean isEmpty() {
        return episodes.isEmpty() && recent.isEmpty() && facts.isEmpty();
    }
}
