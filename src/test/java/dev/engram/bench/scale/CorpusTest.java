package dev.engram.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.episode.NewEpisode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scale corpus: varied replies that follow the conversation, or the six fixed ones of the older figures. */
class CorpusTest {

    @Test
    void variedRepliesNameWhatThePersonSaidAndSeldomRepeat() {
        List<NewEpisode> episodes = episodes(Corpus.Replies.VARIED, 20_000);
        Map<String, Integer> replies = replyCounts(episodes);
        assertThat(replies.size()).as("different replies in 10,000").isGreaterThan(1_500);
        assertThat(Collections.max(replies.values())).as("the most repeated reply").isLessThan(40);
        for (int i = 0; i + 1 < episodes.size(); i += 2) {
            String said = episodes.get(i).content();
            String reply = episodes.get(i + 1).content();
            assertThat(episodes.get(i + 1).producer()).isEqualTo("assistant");
            if (said.contains("Tokyo")) {
                assertThat(reply).contains("the flight to Tokyo at seven");
            }
            if (said.contains("pottery")) {
                assertThat(reply).contains("the pottery class");
            }
        }
    }

    @Test
    void repeatedRepliesAreTheSixSentencesOfTheOlderFiguresAndTheSameSeedGivesTheSameCorpus() {
        Map<String, Integer> replies = replyCounts(episodes(Corpus.Replies.REPEATED, 20_000));
        assertThat(replies).hasSize(6).containsKey("I have added it to your notes.");
        assertThat(Collections.min(replies.values())).isGreaterThan(1_000);

        assertThat(episodes(Corpus.Replies.VARIED, 500)).extracting(NewEpisode::content)
                .containsExactlyElementsOf(episodes(Corpus.Replies.VARIED, 500).stream().map(NewEpisode::content).toList());
        // a corpus opens with the same message in both forms (the people's messages are drawn as before)
        List<NewEpisode> varied = episodes(Corpus.Replies.VARIED, 40);
        List<NewEpisode> repeated = episodes(Corpus.Replies.REPEATED, 40);
        assertThat(varied.get(0).content()).isEqualTo(repeated.get(0).content());
    }

    private static List<NewEpisode> episodes(Corpus.Replies replies, int n) {
        Corpus corpus = new Corpus(42, 20, 5, "org", replies);
        List<NewEpisode> out = new ArrayList<>();
        while (out.size() < n) {
            corpus.nextScope();
            out.addAll(corpus.conversation(100));
        }
        return out;
    }

    private static Map<String, Integer> replyCounts(List<NewEpisode> episodes) {
        Map<String, Integer> counts = new HashMap<>();
        episodes.stream().filter(e -> e.producer().equals("assistant")).forEach(e -> counts.merge(e.content(), 1, Integer::sum));
        return counts;
    }
}
