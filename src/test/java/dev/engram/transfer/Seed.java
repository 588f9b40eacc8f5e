package dev.engram.transfer;

import dev.engram.core.episode.Episode;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.episode.Order;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.memory.SearchOutcome;
import dev.engram.core.memory.SearchQuery;
import dev.engram.core.profile.FactPatch;
import dev.engram.core.profile.FactSource;
import dev.engram.core.profile.NewFact;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.profile.SetIds;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small but complete memory for transfer tests, and views of it that do not depend on ids. */
public final class Seed {
    public static final List<String> QUERIES = List.of("what pet does alice have", "seat preference on flights",
            "vegetarian food", "when is the trip to Lisbon", "bob's hobbies");

    private Seed() {
    }

    /** Episodes of three people (one edited), facts with citations, an update, an archived one. */
    public static List<Episode> fill(MemoryService memory, Scope scope) {
        memory.createProject(scope, "Trip planning with Alice and Bob");
        Instant t = Instant.parse("2025-05-01T08:00:00Z");
        List<Episode> added = memory.episodes().add(scope, List.of(
                new NewEpisode("alice", "bot", "user", "I adopted a grey cat called Miso", t, Map.of("topic", "pets")),
                new NewEpisode("bot", "alice", "assistant", "Lovely! How old is Miso?", t.plusSeconds(30), Map.of()),
                new NewEpisode("alice", "bot", "user", "I always book an aisle seat on long flights", t.plusSeconds(3600),
                        Map.of("topic", "travel", "priority", "2")),
                new NewEpisode("bob", null, "user", "I only eat vegetarian food these days", t.plusSeconds(7200), Map.of()),
                new NewEpisode("bob", "bot", "user", "My hobbies are climbing and chess", t.plusSeconds(7300), Map.of()),
                new NewEpisode("alice", "bot", "user", "Our trip to Lisbon starts on June 3rd", t.plusSeconds(86_400),
                        Map.of("topic", "travel")),
                new NewEpisode("bot", "alice", "assistant", "I noted the Lisbon trip on June 3rd", t.plusSeconds(86_430),
                        Map.of()),
                new NewEpisode("alice", null, "user", "Miso likes to sleep on the windowsill", t.plusSeconds(90_000),
                        Map.of("topic", "pets"))));
        memory.episodes().edit(scope, added.get(5).uid(), "Our trip to Lisbon starts on June 4th");
        ProfileFact pet = memory.profile().add(scope, new NewFact(SetIds.userSet(scope, "alice"), "alice", "profile",
                "Pets", "pet", "grey cat", FactSource.USER, List.of(added.get(0).uid()), Map.of("confidence", "high")), "test");
        memory.profile().update(scope, pet.id(), FactPatch.value("grey cat named Miso"), "test");
        memory.profile().add(scope, new NewFact(SetIds.userSet(scope, "alice"), "alice", "profile", "Travel", "seat",
                "aisle", FactSource.API, List.of(added.get(2).uid()), Map.of()), "api");
        ProfileFact diet = memory.profile().add(scope, new NewFact(SetIds.projectSet(scope), "bob", "profile", "Food",
                "diet", "vegetarian", FactSource.LLM, List.of(added.get(3).uid(), added.get(2).uid()), Map.of()), "llm:test");
        memory.profile().archive(scope, diet.id(), "test");
        return added;
    }

    /** Every episode without its uid, oldest first. */
    static List<String> episodes(MemoryService memory, Scope scope) {
        return memory.episodes().page(scope, Filter.all(), new PageRequest(1000, 0), Order.OLDEST_FIRST).stream()
                .map(e -> String.join(" | ", e.producer(), String.valueOf(e.producedFor()), e.role(), e.content(),
                        e.createdAt().toString(), new java.util.TreeMap<>(e.metadata()).toString(),
                        memory.episodes().revisions(scope, e.uid()).stream().map(r -> r.content() + "@" + r.replacedAt()).toList().toString()))
                .toList();
    }

    /** Every fact (archived too) without ids, its citations as the cited texts, its versions and history. */
    static List<String> facts(MemoryService memory, Scope scope) {
        List<String> out = new ArrayList<>();
        for (ProfileFact f : memory.profile().list(scope, true, 1000)) {
            List<String> cited = f.citations().stream().map(uid -> memory.episodes().get(scope, uid).content()).sorted().toList();
            out.add(String.join(" | ", f.setId(), String.valueOf(f.producer()), f.category(), f.tag(), f.feature(),
                    f.value(), f.status().toString(), f.validFrom().toString(), String.valueOf(f.validTo()),
                    f.createdAt().toString(), f.updatedAt().toString(), f.source().toString(), cited.toString(),
                    new java.util.TreeMap<>(f.metadata()).toString(),
                    memory.profile().versions(scope, f.id()).stream().map(v -> v.value() + "@" + v.validFrom() + ".." + v.validTo()).toList().toString(),
                    memory.profile().history(scope, f.id()).stream().map(h -> h.action() + " by " + h.actor() + " at " + h.at()
                            + (h.after() == null ? "" : " -> " + h.after().value() + " citing " + h.after().citations().size())).toList().toString()));
        }
        return out;
    }

    /** What each query finds: episodes and facts with their scores, without ids. */
    static List<String> searches(MemoryService memory, Scope scope) {
        List<String> out = new ArrayList<>();
        for (String query : QUERIES) {
            SearchOutcome found = memory.search(SearchQuery.of(scope, query, 3));
            found.episodes().forEach(h -> out.add(query + " -> " + h.episode().content() + String.format(" %.4f", h.score())));
            found.recent().forEach(e -> out.add(query + " -> recent " + e.content()));
            found.facts().forEach(h -> out.add(query + " -> " + h.fact().feature() + "=" + h.fact().value() + String.format(" %.4f", h.score())));
        }
        return out;
    }
}
