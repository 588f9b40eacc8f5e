package dev.engram.core.profile;

import dev.engram.core.scope.Scope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The categories Engram brings: {@code profile}, a person's lasting profile, with the tag names
 * MemMachine's profile prompt uses (so facts keep their familiar tags). It applies to a project's
 * set and to every user's set of the project (MemMachine profiled only the project set, so users
 * of one project shared one profile, its issue 829). A set can disable it.
 */
public final class BuiltInCategories {
    public static final String PROFILE_NAME = "profile";

    private static final String PROFILE_PROMPT = """
            Keep a profile of the person who is speaking: lasting facts about who they are, what they \
            know, like, want and how they prefer to be helped. Record plain personal facts too (name, \
            age, home town). Keep each entry short and about one thing, and only write what the \
            conversation supports; say so in the value when a fact is uncertain.""";

    private static final Map<String, String> PROFILE_TAGS = tags(
            "Assistant Response Preferences", "How answers should be written for them: tone, length, structure, format.",
            "Notable Past Conversation Topic Highlights", "Subjects they came back to or that mattered in past conversations.",
            "Helpful User Insights", "Anything else that helps tailor help to this person.",
            "User Interaction Metadata", "Facts about how and where they use the assistant (device, client, channel).",
            "Political Views, Likes and Dislikes", "Opinions, likes and dislikes they stated themselves.",
            "Psychological Profile", "Personality traits they clearly show or name.",
            "Decision-Making Style", "How they weigh options and reach decisions.",
            "Hard Skills", "Technical or professional abilities, with evidence and a level.",
            "Soft Skills", "People skills such as communication, teamwork or leadership, with evidence.",
            "Communication Style", "How they themselves write and talk.",
            "Learning Preferences", "How they like to learn something new.",
            "Cognitive Style", "How they take in and organise information.",
            "Emotional Drivers", "What reassures, worries or motivates them.",
            "Personal Values", "Principles that matter to them.",
            "Career & Work Preferences", "Job, role, field and the work they want.",
            "Productivity Style", "When and how they work best.",
            "Working Habit Preferences", "Habits they choose in organising and doing their work.",
            "Demographic Information", "Age, gender, occupation and similar personal data they shared.",
            "Geographic & Cultural Context", "Where they live or come from, and cultural background.",
            "Financial Profile", "Money matters they mentioned: budget, spending, plans.",
            "Health & Wellness", "Health, fitness, diet and well-being they mentioned.",
            "Education & Knowledge Level", "Schooling, degrees and subjects they know well.",
            "Platform Behavior", "Patterns in how they use this product.",
            "Tech Proficiency", "Programming languages, tools and systems they know.",
            "Hobbies & Interests", "What they enjoy outside work.",
            "Social Identity", "Groups and communities they belong to.",
            "Media Consumption Habits", "What they read, watch and listen to.",
            "Life Goals & Milestones", "Goals they are working toward and events in their life.",
            "Relationship & Family Context", "Partner, family, friends and pets.",
            "Risk Tolerance", "How comfortable they are with uncertainty and trying things.",
            "Assistant Trust Level", "How far they rely on the assistant's answers.",
            "Time Usage Patterns", "When and how often they use the assistant.",
            "Preferred Content Format", "Formats they ask for: lists, tables, code, short summaries.",
            "Assistant Usage Patterns", "What they usually use the assistant for.",
            "Language Preferences", "Languages, dialect and wording they prefer.",
            "Motivation Triggers", "What keeps them engaged or satisfied.",
            "Behavior Under Stress", "How they react when things go wrong or answers are wrong.");

    public static final Category PROFILE = new Category(null, PROFILE_NAME, PROFILE_PROMPT,
            "A person's lasting profile (Engram's built-in category)", CategoryOrigin.BUILT_IN, PROFILE_NAME,
            PROFILE_TAGS.entrySet().stream().map(e -> new Tag(null, e.getKey(), e.getValue())).toList());

    private BuiltInCategories() {
    }

    /** The built-in categories that apply to a set of this scope: the project's set and users' sets. */
    public static List<Category> on(Scope scope, String setId) {
        boolean profiled = setId.equals(SetIds.projectSet(scope)) || SetIds.producerOf(scope, setId).isPresent();
        return profiled ? List.of(PROFILE) : List.of();
    }

    private static Map<String, String> tags(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }
}
