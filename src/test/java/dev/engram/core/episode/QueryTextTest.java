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
    void pronounsAreDroppedToo() {
        QueryText q = QueryText.DROP_QUESTION_WORDS_AND_PRONOUNS;
        assertThat(q.of("How does Melanie feel about her family?")).isEqualTo("Melanie feel about family");
        assertThat(q.of("What did they say I should bring to his party?")).isEqualTo("say bring to party");
        assertThat(q.of("Where's my passport? I'm sure they’re with it")).isEqualTo("passport sure with");
        assertThat(QueryText.DROP_QUESTION_WORDS.of("How does Melanie feel about her family?"))
                .as("the older setting keeps them").isEqualTo("Melanie feel about her family");
    }

    @Test
    void acronymsThatSpellAPronounAreKept() {
        assertThat(QueryText.DROP_QUESTION_WORDS_AND_PRONOUNS.of("When did she move to the US?")).isEqualTo("move to the US");
        assertThat(QueryText.DROP_QUESTION_WORDS_AND_PRONOUNS.of("Who runs IT at her school?")).isEqualTo("runs IT at school");
        assertThat(QueryText.DROP_QUESTION_WORDS_AND_PRONOUNS.of("What did I say?")).isEqualTo("say");
    }

    @Test
    void aQueryOfPronounsAndQuestionWordsAloneIsKeptAsWritten() {
        assertThat(QueryText.DROP_QUESTION_WORDS_AND_PRONOUNS.of("Who is she?")).isEqualTo("Who is she?");
    }

    @Test
    void keepLeavesTheQueryAlone() {
        assertThat(QueryText.KEEP.of("When did Melanie paint?")).isEqualTo("When did Melanie paint?");
    }
}
