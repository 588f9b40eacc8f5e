package dev.engram.core.episode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryTextTest {
    @Test
    void questionWordsAreDroppedAndTheSubjectKept() {
        assertThat(QueryText.DROP_QUESTION_WORDS.of("When did Melanie paint a sunrise?")).isEqualTo("Melanie paint a sunrise");
        assertThat(QueryText.DROP_QUESTION_WORDS.of("What's Caroline's favourite book?")).isEqualTo("Caroline's favourite book");
        assertThat(QueryText.DROP_QUESTION_WORDS.of("Would Jon likely enjoy jazz?")).isEqualTo("Jon enjoy jazz");
    }

    @Test
    void aQueryOfQuestionWordsAloneIsKeptAsWritten() {
        assertThat(QueryText.DROP_QUESTION_WORDS.of("Who did?")).isEqualTo("Who did?");
    }

    @Test
    void keepLeavesTheQueryAlone() {
        assertThat(QueryText.KEEP.of("When did Melanie paint?")).isEqualTo("When did Melanie paint?");
    }
}
