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
    private static final String[] QUERIES = {"when is the flight to Tokyo", "what music instrument is she learning",
            "what diet does the user follow", "who is visiting from Lisbon", "what happened with the heating",
            "which seat does the user prefer", "what did the manager ask for", "where did we book dinner",
            "how far did I run", "what class did I sign up for", "what is the user saving for",
            "what colour is the kitchen", "what did I read recently", "which day is the team meeting"};

    private final Random random;
    private final List<Scope> scopes;
    private final Instant start = Instant.parse("2025-01-01T08:00:00Z");
    private long sequence;

    public Corpus(long seed, int orgs, int projectsPerOrg) {
        this(seed, orgs, projectsPerOrg, "org");
    }

    /** Scopes {@code <orgPrefix>-<i>/project-<j>}. */
    public Corpus(long seed, int orgs, int projectsPerOrg, String orgPrefix) {
        this.random = new Random(seed);
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
        for (int i = 0; i < n; i++) {
            sequence++;
            boolean user = i % 2 == 0;
            String content = user
                    ? OPENERS[random.nextInt(OPENERS.length)] + " " + DOINGS[random.nextInt(DOINGS.length)]
                    + ENDINGS[random.nextInt(ENDINGS.length)]
                    : ANSWERS[random.nextInt(ANSWERS.length)];
            out.add(new NewEpisode(user ? person : "assistant", user ? "assistant" : person, user ? "user" : "assistant",
                    content, at.plusSeconds(i * 40L), Map.of("topic", user ? "life" : "reply")));
        }
        return out;
    }

    public String query() {
        return QUERIES[random.nextInt(QUERIES.length)];
    }

    public String person() {
        return PEOPLE[random.nextInt(PEOPLE.length)];
    }
}
