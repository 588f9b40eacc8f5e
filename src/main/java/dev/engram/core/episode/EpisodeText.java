package dev.engram.core.episode;

/**
 * What of an episode is indexed for full-text search and embedded. The default is the content
 * alone; the benchmark measures alternatives such as prefixing the speaker.
 */
@FunctionalInterface
public interface EpisodeText {
    EpisodeText CONTENT = (producer, content) -> content;
    EpisodeText SPEAKER_AND_CONTENT = (producer, content) -> producer + ": " + content;

    String of(String producer, String content);
}
