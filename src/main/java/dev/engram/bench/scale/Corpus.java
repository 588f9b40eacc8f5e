package dev.engram.bench.scale;

import dev.engram.core.episode.NewEpisode;
import dev.engram.core.scope.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated, reproducible corpus of everyday conversation: people telling an assistant about
 * plans, food, work, travel and family, and the assistant answering, spread over many scopes
 * (organisations and projects) and a year of days. Half of all episodes go to one scope, so a
 * single timeline holds tens of thousands.
 */
public final class Corpus {
    /** How the assistant's replies read. */
    public enum Replies {
        /**
         * Each reply names what the person just said, sometimes the person too, in one of twelve
         * phrasings (2,400 different replies, none more than about seventy times in 100,000
         * episodes; the people's own messages are 1,400, about 36 times each).
         */
        VARIED,
        /**
         * Six fixed sentences (the corpus of the figures before 2026-12-01): thousands of identical
         * replies, whose identical vectors make clusters that Lucene's HNSW graph gets stuck in.
         */
        REPEATED
    }

    private static final String[] PEOPLE = {"alice", "bob", "carol", "dmitri", "emma", "farah", "gus", "hana"};
    private static final String[] OPENERS = {"I think", "Yesterday", "Tomorrow", "This weekend", "Last month",
            "Honestly,", "By the way,", "Remind me that", "My partner said", "At work"};
    private static final String[] DOINGS = {"I booked a table at the Italian place near the station",
            "I started learning the cello with a teacher called Ines", "we moved the team meeting to Thursday morning",
            "I ran ten kilometres along the river", "my sister is visiting from Lisbon", "I switched to a vegetarian diet",
            "the flight to Tokyo leaves at seven", "I finished the quarterly report on supply costs",
            "the dog needs his vaccination at the vet", "I bought a second-hand road bike",
            "we are painting the kitchen a pale green", "I read a novel about a lighthouse keeper",
            "my manager asked for the migration plan", "I tried a new ramen shop downtown",
            "the kids have a swimming lesson after school", "I am saving for a trip to Patagonia",
            "the landlord will fix the heating on Monday", "I signed up for a pottery class",
            "my knee hurts after the football match", "I prefer aisle seats on long flights"};
    private static final String[] ENDINGS = {"", " and I am quite happy about it.", ", which was a surprise.",
            " but I am not sure it was a good idea.", ", can you keep that in mind?", " again.", "."};
    private static final String[] ANSWERS = {"Noted, I will remember that.", "That sounds lovely, enjoy it!",
            "Do you want me to set a reminder?", "Good to know. Anything else to plan around it?",
            "I have added it to your notes.", "How did that go last time?"};
    /** What each of {@link #DOINGS} is about, as a reply names it. */
    private static final String[] TOPICS = {"the table at the Italian place", "your cello lessons with Ines",
            "the team meeting on Thursday", "your run along the river", "your sister's visit from Lisbon",
            "the vegetarian diet", "the flight to Tokyo at seven", "the quarterly report", "the dog's vaccination",
            "the second-hand road bike", "the pale green kitchen", "the lighthouse novel", "the migration plan",
            "the new ramen shop", "the kids' swimming lesson", "the trip to Patagonia", "the heating repair on Monday",
            "the pottery class", "your sore knee", "your aisle seats"};
    /** Replies naming the topic (%1$s) and sometimes the person (%2$s). */
    private static final String[] REPLIES = {"Noted, %2$s, I will remember %1$s.", "That sounds lovely, enjoy %1$s!",
            "Do you want me to set a reminder about %1$s?", "Good to know about %1$s. Anything else to plan around it?",
            "I have added %1$s to your notes, %2$s.", "How did %1$s go last time?", "Thanks for telling me about %1$s.",
            "Got it: %1$s. I will bring it up when it matters.", "Shall I put %1$s in your calendar, %2$s?",
            "I will keep %1$s in mind.", "Understood, %1$s is noted for later.", "Sounds good, %2$s. Tell me if %1$s changes."};
    private static final String[] REPLY_ENDINGS = {"", " Anything else?", " Talk soon."};
    private static final String[] QUERIES = {"when is the flight to Tokyo", "what music instrument is she learning",
            "what diet does the user follow", "who is visiting from Lisbon", "what happened with the heating",
            "which seat does the user prefer", "what did the manager ask for", "where did we book dinner",
            "how far did I run", "what class did I sign up for", "what is the user saving for",
            "what colour is the kitchen", "what did I read recently", "which day is the team meeting"};

    private final Random random;
    private final Replies replies;
    private final List<Scope> scopes;
    private final Instant start = Instant.parse("2025-01-01T08:00:00Z");
    private long sequence;

    public Corpus(long seed, int orgs, int projectsPerOrg) {
        this(seed, orgs, projectsPerOrg, "org", Replies.VARIED);
    }

    /** Scopes {@code <orgPrefix>-<i>/project-<j>}. */
    public Corpus(long seed, int orgs, int projectsPerOrg, String orgPrefix, Replies replies) {
        this.random = new Random(seed);
        this.replies = replies;
        List<Scope> all = new ArrayList<>();
        for (int o = 0; o < orgs; o++) {
            for (int p = 0; p < projectsPerOrg; p++) {
                all.add(Scope.of(orgPrefix + "-" + o, "project-" + p));
            }
        }
        this.scopes = List.copyOf(all);
    }

    public List<Scope> scopes() {
        return scopes;
    }

    /** The scope that gets half of the episodes. */
    public Scope bigScope() {
        return scopes.getFirst();
    }

    /** The next scope: the big one half of the time, another at random otherwise. */
    public Scope nextScope() {
        return random.nextBoolean() ? bigScope() : scopes.get(random.nextInt(scopes.size()));
    }

    /** {@code n} messages of one conversation, a person and the assistant taking turns. */
    public List<NewEpisode> conversation(int n) {
        String person = PEOPLE[random.nextInt(PEOPLE.length)];
        Instant at = start.plus(Duration.ofMinutes(sequence * 7 + random.nextInt(5)));
        List<NewEpisode> out = new ArrayList<>(n);
        int doing = 0; // a reply names the person's last message; a conversation opens with the person
        for (int i = 0; i < n; i++) {
            sequence++;
            boolean user = i % 2 == 0;
            String content;
            if (user) {
                String opener = OPENERS[random.nextInt(OPENERS.length)]; // drawn in this order, as before
                doing = random.nextInt(DOINGS.length);
                content = opener + " " + DOINGS[doing] + ENDINGS[random.nextInt(ENDINGS.length)];
            } else {
                content = reply(person, doing);
            }
            out.add(new NewEpisode(user ? person : "assistant", user ? "assistant" : person, user ? "user" : "assistant",
                    content, at.plusSeconds(i * 40L), Map.of("topic", user ? "life" : "reply")));
        }
        return out;
    }

    private String reply(String person, int doing) {
        if (replies == Replies.REPEATED) {
            return ANSWERS[random.nextInt(ANSWERS.length)];
        }
        String name = Character.toUpperCase(person.charAt(0)) + person.substring(1);
        return String.format(REPLIES[random.nextInt(REPLIES.length)], TOPICS[doing], name)
                + REPLY_ENDINGS[random.nextInt(REPLY_ENDINGS.length)];
    }

    public String query() {
        return QUERIES[random.nextInt(QUERIES.length)];
    }

    public String person() {
        return PEOPLE[random.nextInt(PEOPLE.length)];
    }
}
