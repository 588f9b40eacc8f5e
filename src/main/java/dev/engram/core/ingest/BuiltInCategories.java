package dev.engram.core.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in "profile" category: MemMachine's profile tags (same names, so its clients see
 * familiar tags), with descriptions written for Engram. It runs on every user's profile set.
 */
public final class BuiltInCategories {
    public static final String PROFILE = "profile";

    private static final String[][] TAGS = {
            {"Assistant Response Preferences", "how the person wants answers: tone, length, structure, format"},
            {"Notable Past Conversation Topic Highlights", "subjects the person keeps coming back to"},
            {"Helpful User Insights", "anything that helps tailor help to this person"},
            {"User Interaction Metadata", "devices, apps and settings the person uses"},
            {"Political Views, Likes and Dislikes", "opinions, likes and dislikes the person states"},
            {"Psychological Profile", "personality traits"},
            {"Decision-Making Style", "how the person weighs options and decides"},
            {"Hard Skills", "technical and professional abilities"},
            {"Soft Skills", "communication, teamwork, leadership"},
            {"Communication Style", "how the person writes and talks"},
            {"Learning Preferences", "how the person likes to learn"},
            {"Cognitive Style", "how the person thinks problems through"},
            {"Emotional Drivers", "what motivates or worries the person"},
            {"Personal Values", "principles the person holds"},
            {"Career & Work Preferences", "job, role, employer, field, work wishes"},
            {"Productivity Style", "work rhythm, focus and habits"},
            {"Working Habit Preferences", "how the person organizes and does their work"},
            {"Demographic Information", "age, pronouns, education and similar facts"},
            {"Geographic & Cultural Context", "where the person lives or comes from, languages, culture"},
            {"Financial Profile", "budget, spending and money matters"},
            {"Health & Wellness", "diet, allergies, fitness, health conditions"},
            {"Education & Knowledge Level", "degrees, studies and expertise"},
            {"Platform Behavior", "how the person uses this assistant's platform"},
            {"Tech Proficiency", "languages, tools and frameworks the person knows"},
            {"Hobbies & Interests", "pastimes, sports, arts, interests outside work"},
            {"Social Identity", "communities and groups the person belongs to"},
            {"Media Consumption Habits", "books, shows, podcasts, music, news"},
            {"Life Goals & Milestones", "plans, aspirations and life events"},
            {"Relationship & Family Context", "partner, family, friends, pets"},
            {"Risk Tolerance", "appetite for risk and experiments"},
            {"Assistant Trust Level", "when the person trusts or double-checks answers"},
            {"Time Usage Patterns", "when and how often the person is active"},
            {"Preferred Content Format", "tables, lists, code, prose"},
            {"Assistant Usage Patterns", "what the person uses the assistant for"},
            {"Language Preferences", "languages and wording the person prefers"},
            {"Motivation Triggers", "what keeps the person engaged"},
            {"Behavior Under Stress", "how the person reacts to setbacks or wrong answers"},
    };

    private BuiltInCategories() {
    }

    public static ExtractionCategory profile() {
        List<ExtractionCategory.Tag> tags = new ArrayList<>();
        for (String[] tag : TAGS) {
            tags.add(new ExtractionCategory.Tag(tag[0], tag[1]));
        }
        return new ExtractionCategory(PROFILE, "lasting facts about the person: who they are, what they like,"
                + " need and do", tags);
    }

    /** The categories of every set when nothing else is configured: the profile category. */
    public static CategorySource source() {
        ExtractionCategory profile = profile();
        return (scope, setId) -> List.of(profile);
    }
}
