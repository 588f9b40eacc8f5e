package dev.engram.store.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.core.NotFoundException;
import dev.engram.core.episode.Episode;
import dev.engram.core.episode.EpisodeDraft;
import dev.engram.core.episode.Hit;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.episode.Order;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.ingest.Embedder;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.FilterField;
import dev.engram.core.scope.Literal;
import dev.engram.core.scope.Scope;
import dev.engram.core.scope.SystemField;
import dev.engram.support.TestEmbedder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Collections;
import java.util.HashSet;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Neo4jEpisodeStoreTest {
    @TempDir
    static Path dir;
    static Neo4jDatabase database;
    static Neo4jEpisodeStore store;
    static Embedder embedder;

    @BeforeAll
    static void open() {
        embedder = TestEmbedder.get();
        database = Neo4jDatabase.open(dir.resolve("neo4j"), Neo4jDatabase.Settings.defaults());
        store = new Neo4jEpisodeStore(database);
        store.resetEmbeddingSpace(embedder.space());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static final String[] MOUNTAIN_HIKES = {"We hiked up the mountain ridge at dawn",
            "The mountain trail was steep and rocky", "Next summer I want to hike in the Alps",
            "My hiking boots gave me blisters on the mountain", "We camped by a lake below the summit",
            "The hike down the mountain took four hours"};

    /** The uids of the {@code n} episodes nearest the query, by the cosine of their embeddings (exact). */
    private static List<Long> nearest(List<Episode> episodes, float[] query, int n) {
        return episodes.stream()
                .sorted(java.util.Comparator.comparingDouble((Episode e) -> -cosine(embedder.embed(e.content()), query)))
                .map(Episode::uid).limit(n).toList();
    }

    private static List<Episode> add(Scope scope, String producer, Instant at, String... contents) {
        List<EpisodeDraft> drafts = new ArrayList<>();
        for (int i = 0; i < contents.length; i++) {
            NewEpisode e = new NewEpisode(producer, "bot", "user", contents[i], at.plusSeconds(i), Map.of("n", "" + i));
            drafts.add(new EpisodeDraft(e, e.content(), embedder.embed(e.content())));
        }
        return store.append(scope, drafts);
    }

    @Test
    void appendsReturnIncreasingUidsAndRoundTripEveryField() {
        Scope scope = Scope.of("acme", "roundtrip");
        List<Episode> added = add(scope, "alice", Instant.parse("2025-11-24T10:00:00Z"), "I prefer aisle seats", "I am vegetarian");
        assertThat(added.get(1).uid()).isGreaterThan(added.get(0).uid());
        Episode read = store.get(scope, added.get(0).uid()).orElseThrow();
        assertThat(read).isEqualTo(added.get(0));
        assertThat(read.metadata()).containsEntry("n", "0");
        assertThat(read.producedFor()).isEqualTo("bot");
        assertThat(store.get(Scope.of("acme", "other"), added.get(0).uid())).isEmpty();
    }

    @Test
    void theTextIsStoredOnceAndTheContentReadBackExactlyEveryWay() {
        Scope scope = Scope.of("acme", "stored-once");
        Instant t = Instant.parse("2025-03-01T10:00:00Z");
        // indexed as "producer: content" (a producer with ": " and a character beyond 16 bits), as the
        // content itself, and as neither (the content is then kept)
        NewEpisode speaker = new NewEpisode("dr: 𠀀who", "bot", "user", "Ça va? Where is the 🎉 party?", t, Map.of());
        NewEpisode same = new NewEpisode("alice", "bot", "user", "alice: this starts like a speaker", t.plusSeconds(1), Map.of());
        NewEpisode other = new NewEpisode("bob", "bot", "user", "Original words", t.plusSeconds(2), Map.of());
        List<Episode> added = store.append(scope, List.of(
                new EpisodeDraft(speaker, "dr: 𠀀who: " + speaker.content(), embedder.embed(speaker.content())),
                new EpisodeDraft(same, same.content(), embedder.embed(same.content())),
                new EpisodeDraft(other, "something else entirely", embedder.embed(other.content()))));
        List<String> contents = List.of(speaker.content(), same.content(), other.content());

        List<Map<String, Object>> raw = database.read(tx -> added.stream().map(e -> tx.findNode(EpisodeProperties.EPISODE,
                "uid", e.uid()).getAllProperties()).toList());
        assertThat(raw.get(0)).doesNotContainKey("content").containsEntry("text_form", 1L);
        assertThat(raw.get(1)).doesNotContainKey("content").doesNotContainKey("text_form"); // the indexed text is the content
        assertThat(raw.get(2)).containsEntry("content", "Original words").doesNotContainKey("text_form");

        List<Long> uids = added.stream().map(Episode::uid).toList();
        assertThat(added).extracting(Episode::content).containsExactlyElementsOf(contents);
        assertThat(store.getAll(scope, uids)).extracting(Episode::content).containsExactlyElementsOf(contents); // core API
        assertThat(uids).map(uid -> store.get(scope, uid).orElseThrow().content()).containsExactlyElementsOf(contents); // Cypher
        assertThat(store.list(scope, Filter.all(), new PageRequest(10, 0), Order.OLDEST_FIRST))
                .extracting(Episode::content).containsExactlyElementsOf(contents);

        Episode edited = store.updateContent(scope, uids.getFirst(), "Now it is quiet", "dr: 𠀀who: Now it is quiet",
                embedder.embed("Now it is quiet"), t.plusSeconds(60)).orElseThrow();
        assertThat(edited.content()).isEqualTo("Now it is quiet");
        assertThat(store.revisions(scope, uids.getFirst())).singleElement()
                .satisfies(r -> assertThat(r.content()).isEqualTo(speaker.content()));
        assertThat(store.getAll(scope, List.of(uids.getFirst()))).singleElement()
                .satisfies(e -> assertThat(e.content()).isEqualTo("Now it is quiet"));
    }

    @Test
    void fullTextAndVectorSearchFindTheRightEpisodeWithinScopeOnly() {
        Scope mine = Scope.of("acme", "search-a");
        Scope theirs = Scope.of("acme", "search-b");
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        List<Episode> a = add(mine, "alice", t, "My dog Rex loves the beach", "I work as a nurse in Boston", "Pizza on Fridays");
        add(theirs, "bob", t, "My dog Rex loves the beach too", "Bob is a nurse as well");

        List<Hit> text = store.searchText(mine, "nurse Boston", Filter.all(), 10);
        assertThat(text).isNotEmpty();
        assertThat(text.getFirst().uid()).isEqualTo(a.get(1).uid());
        assertThat(text).extracting(Hit::uid).isSubsetOf(a.stream().map(Episode::uid).toList());

        List<Hit> vector = store.searchVector(mine, embedder.embedQuery("what is my job?"), Filter.all(), 3);
        assertThat(vector).hasSize(3);
        assertThat(vector.getFirst().uid()).isEqualTo(a.get(1).uid());
        assertThat(vector).extracting(Hit::uid).allMatch(uid -> a.stream().anyMatch(e -> e.uid() == uid));
    }

    @Test
    void theVectorIndexReaderCanBeRefreshedWithoutAWriteAndSearchesAnswerAsBefore() {
        Scope scope = Scope.of("acme", "refresh");
        List<Episode> a = add(scope, "alice", Instant.parse("2025-01-01T00:00:00Z"),
                "The ferry to the island leaves at noon", "I bought new running shoes");
        float[] query = embedder.embedQuery("when does the boat go?");
        List<Hit> before = store.searchVector(scope, query, Filter.all(), 2);

        assertThat(database.refreshReader(EpisodeSchema.VECTOR_INDEX)).isTrue();
        assertThat(database.refreshReader("no_such_index")).isFalse();

        List<Hit> after = store.searchVector(scope, query, Filter.all(), 2);
        assertThat(after).extracting(Hit::uid).containsExactlyElementsOf(before.stream().map(Hit::uid).toList());
        assertThat(after.getFirst().uid()).isEqualTo(a.getFirst().uid());
    }

    @Test
    void hostileFullTextQueriesAreSearchedAsPlainWords() {
        Scope scope = Scope.of("acme", "hostile");
        List<Episode> added = add(scope, "alice", Instant.parse("2025-01-01T00:00:00Z"), "AND OR NOT title:x (y) \"z\" fish");
        for (String query : List.of("AND", "title:x", "(((", "\"", "fish\\", "*", "?", "~fish^3", "scope_token:*", "+-!{}[]")) {
            List<Hit> hits = store.searchText(scope, query, Filter.all(), 5);
            assertThat(hits).extracting(Hit::uid).isSubsetOf(added.getFirst().uid());
        }
        assertThat(store.searchText(scope, "fish", Filter.all(), 5)).hasSize(1);
    }

    @Test
    void filtersApplyToSearchListAndCount() {
        Scope scope = Scope.of("acme", "filters");
        Instant t = Instant.parse("2025-03-01T00:00:00Z");
        add(scope, "alice", t, "apples are great", "apples again");
        List<Episode> bob = add(scope, "bob", t.plusSeconds(100), "apples for bob");
        Filter byBob = new Filter.Compare(FilterField.of(SystemField.PRODUCER), Filter.Op.EQ, Literal.text("bob"));
        assertThat(store.searchText(scope, "apples", byBob, 10)).extracting(Hit::uid).containsExactly(bob.getFirst().uid());
        assertThat(store.searchVector(scope, embedder.embedQuery("apples"), byBob, 10)).extracting(Hit::uid)
                .containsExactly(bob.getFirst().uid());
        assertThat(store.count(scope, byBob)).isEqualTo(1);
        Filter numeric = new Filter.Compare(FilterField.metadata("n"), Filter.Op.GE, new Literal.Int(1));
        assertThat(store.list(scope, numeric, new PageRequest(10, 0), Order.OLDEST_FIRST)).extracting(Episode::content)
                .containsExactly("apples again");
    }

    @Test
    void chainStaysInTimeOrderWhenEpisodesArriveOutOfOrderAndAfterDeletes() {
        Scope scope = Scope.of("acme", "chain");
        Instant t = Instant.parse("2025-05-05T00:00:00Z");
        Episode late = add(scope, "alice", t.plusSeconds(300), "third").getFirst();
        Episode early = add(scope, "alice", t, "first").getFirst();
        Episode middle = add(scope, "alice", t.plusSeconds(100), "second").getFirst();
        Episode last = add(scope, "alice", t.plusSeconds(400), "fourth").getFirst();

        var around = store.neighbours(scope, middle.uid(), 5, 5, Filter.all());
        assertThat(around.before()).extracting(Episode::content).containsExactly("first");
        assertThat(around.after()).extracting(Episode::content).containsExactly("third", "fourth");

        store.delete(scope, List.of(late.uid()));
        around = store.neighbours(scope, middle.uid(), 5, 5, Filter.all());
        assertThat(around.after()).extracting(Episode::content).containsExactly("fourth");
        assertThat(store.neighbours(scope, early.uid(), 0, 1, Filter.all()).after()).extracting(Episode::uid)
                .containsExactly(middle.uid());
        assertThat(store.neighbours(scope, last.uid(), 2, 0, Filter.all()).before()).extracting(Episode::content)
                .containsExactly("second", "first");
    }

    @Test
    void episodesAtTheSameTimeAreChainedByUidWhereverTheyArrive() {
        Scope scope = Scope.of("acme", "ties");
        Instant t = Instant.parse("2025-06-06T00:00:00Z");
        List<EpisodeDraft> same = new ArrayList<>();
        for (String content : List.of("a", "b")) {
            NewEpisode e = new NewEpisode("alice", null, "user", content, t, Map.of());
            same.add(new EpisodeDraft(e, content, embedder.embed(content)));
        }
        store.append(scope, same);
        add(scope, "alice", t.plusSeconds(50), "later");
        add(scope, "alice", t, "c");
        add(scope, "alice", t.minusSeconds(50), "earliest");
        NewEpisode restored = new NewEpisode("alice", null, "user", "restored", t, Map.of());
        store.append(scope, List.of(new EpisodeDraft(restored, "restored", embedder.embed("restored"), 1_000_000L, List.of())));

        List<Episode> listed = store.list(scope, Filter.all(), new PageRequest(100, 0), Order.OLDEST_FIRST);
        assertThat(listed).extracting(Episode::content).containsExactly("earliest", "a", "b", "c", "restored", "later");
        List<Episode> chain = new ArrayList<>();
        chain.add(listed.getFirst());
        chain.addAll(store.neighbours(scope, listed.getFirst().uid(), 0, 10, Filter.all()).after());
        assertThat(chain).containsExactlyElementsOf(listed);
    }

    @Test
    void linksPlaceTheEpisodesAndTheirNeighboursInOneRead() {
        Scope scope = Scope.of("acme", "links");
        Instant t = Instant.parse("2025-06-06T00:00:00Z");
        List<Episode> alice = add(scope, "alice", t, "one", "two?", "three");
        List<Episode> bob = add(scope, "bob", t.plusSeconds(10), "four");
        var links = store.links(scope, List.of(alice.get(1).uid(), 999_999L), Filter.all());
        assertThat(links).extracting(l -> l.uid()).containsExactlyInAnyOrder(alice.get(0).uid(), alice.get(1).uid(),
                alice.get(2).uid());
        var middle = links.stream().filter(l -> l.uid() == alice.get(1).uid()).findFirst().orElseThrow();
        assertThat(middle.createdAt()).isEqualTo(t.plusSeconds(1));
        assertThat(middle.previous()).isEqualTo(alice.get(0).uid());
        assertThat(middle.next()).isEqualTo(alice.get(2).uid());
        assertThat(middle.question()).isTrue();
        var after = links.stream().filter(l -> l.uid() == alice.get(2).uid()).findFirst().orElseThrow();
        assertThat(after.next()).isEqualTo(bob.getFirst().uid());
        assertThat(after.question()).isFalse();
        assertThat(links.stream().filter(l -> l.uid() == alice.get(0).uid()).findFirst().orElseThrow().previous()).isNull();

        Filter byBob = new Filter.Compare(FilterField.of(SystemField.PRODUCER), Filter.Op.EQ, Literal.text("bob"));
        assertThat(store.links(scope, List.of(bob.getFirst().uid()), byBob)).singleElement()
                .satisfies(l -> assertThat(l.previous()).isNull());
        assertThat(store.links(Scope.of("acme", "elsewhere"), List.of(alice.get(1).uid()), Filter.all())).isEmpty();

        // without a filter the links are read through the core API, under one through Cypher: the same links
        Filter anyone = new Filter.Compare(FilterField.of(SystemField.PRODUCER), Filter.Op.NE, Literal.text("nobody"));
        List<Long> hits = List.of(alice.get(0).uid(), alice.get(2).uid(), bob.getFirst().uid());
        assertThat(store.links(scope, hits, Filter.all())).containsExactlyInAnyOrderElementsOf(store.links(scope, hits, anyone))
                .hasSize(4);
    }

    @Test
    void aScopeWithAGoodShareOfTheIndexIsSearchedWideAndASmallOneFilteredForAWhile() {
        Scope big = Scope.of("vectors", "big");
        Scope small = Scope.of("vectors", "small");
        Instant t = Instant.parse("2025-03-01T00:00:00Z");
        List<Episode> hikes = add(big, "alice", t, MOUNTAIN_HIKES);
        List<Episode> few = add(small, "bob", t, "I hiked a small hill near my town", "The bakery sells rye bread");
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        VectorSearch search = new VectorSearch(database, new NodeLocator(), now::get);
        float[] query = embedder.embedQuery("hiking in the mountains");

        List<Hit> fromBig = search.search(big, query, Filter.all(), 3);
        List<Long> exact = nearest(hikes, query, 3);
        assertThat(fromBig).extracting(Hit::uid).containsExactlyElementsOf(exact);
        assertThat(fromBig.getFirst().score()).isCloseTo(cosine(embedder.embed(
                hikes.stream().filter(e -> e.uid() == exact.getFirst()).findFirst().orElseThrow().content()), query),
                org.assertj.core.data.Offset.offset(1e-4));
        assertThat(search.isSparse(big)).isFalse();

        // the small scope's two episodes are not among the twenty nearest of the index: found filtered
        assertThat(search.search(small, query, Filter.all(), 5)).extracting(Hit::uid)
                .containsExactly(few.get(0).uid(), few.get(1).uid());
        assertThat(search.isSparse(small)).isTrue();
        assertThat(search.search(small, query, Filter.all(), 5)).hasSize(2);
        now.addAndGet(java.time.Duration.ofMinutes(6).toNanos()); // scopes grow: tried wide again later
        assertThat(search.isSparse(small)).isFalse();

        // a further filter applies on either way
        Filter byBob = new Filter.Compare(FilterField.of(SystemField.PRODUCER), Filter.Op.EQ, Literal.text("bob"));
        assertThat(search.search(big, query, byBob, 3)).isEmpty();
        assertThat(search.isSparse(big)).isFalse(); // a filter that leaves few says nothing of the scope
    }

    @Test
    void aQueryWhoseNearestLieInAnotherScopeIsAnsweredFilteredWithoutMakingItsScopeSparse() {
        Scope hiking = Scope.of("shares", "hiking");
        Scope cooking = Scope.of("shares", "cooking");
        Instant t = Instant.parse("2025-05-01T00:00:00Z");
        List<Episode> hikes = new ArrayList<>(add(hiking, "alice", t, MOUNTAIN_HIKES));
        hikes.addAll(add(hiking, "alice", t.plusSeconds(60), "I made pasta for dinner after the hike"));
        add(cooking, "bob", t, "I cooked pasta with a fresh tomato sauce", "The tomato sauce needs basil and garlic",
                "My pasta recipe uses olive oil and tomatoes", "Boil the pasta in salted water",
                "A quick tomato sauce for spaghetti", "Grandma's recipe for pasta sauce", "Pasta with tomatoes and basil",
                "I simmered the tomato sauce for an hour", "Fresh pasta is made with eggs and flour",
                "We ate spaghetti with tomato sauce", "The sauce recipe calls for canned tomatoes",
                "Pasta night: penne with tomato and garlic");
        VectorSearch search = new VectorSearch(database, new NodeLocator());
        float[] mountains = embedder.embedQuery("hiking in the mountains");
        search.search(hiking, mountains, Filter.all(), 3);
        search.search(hiking, mountains, Filter.all(), 3);
        double before = search.share(hiking);
        assertThat(before).isGreaterThanOrEqualTo(0.5); // the setting: hikes are the nearest here

        // the twelve nearest of the index are the cooking scope's: the hiking scope's best found filtered
        float[] pasta = embedder.embedQuery("a recipe for pasta with tomato sauce");
        List<Long> exact = nearest(hikes, pasta, 3);
        assertThat(search.search(hiking, pasta, Filter.all(), 3)).extracting(Hit::uid).containsExactlyElementsOf(exact);
        assertThat(search.share(hiking)).isLessThan(before);
        assertThat(search.isSparse(hiking)).isFalse(); // one such query says little of the scope's share

        search.search(hiking, pasta, Filter.all(), 3);
        search.search(hiking, pasta, Filter.all(), 3);
        assertThat(search.isSparse(hiking)).isTrue(); // the same again and again: the scope is searched filtered
        assertThat(search.search(hiking, pasta, Filter.all(), 3)).extracting(Hit::uid).containsExactlyElementsOf(exact);
    }

    @Test
    void withoutAFilterBothSearchesKeepTheScopeAsTheCypherFormDoes() {
        Scope mine = Scope.of("one-pass", "mine");
        Scope theirs = Scope.of("one-pass", "theirs");
        Instant t = Instant.parse("2025-04-01T00:00:00Z");
        add(theirs, "bob", t, "The red kite flew high over the hill", "A kite festival by the sea");
        List<Episode> kites = add(mine, "alice", t, "I flew a red kite on the hill", "Kites need a steady wind",
                "The festival had kites of every colour");
        // a filter that passes every episode sends both searches through Cypher instead
        Filter anyone = new Filter.Compare(FilterField.of(SystemField.PRODUCER), Filter.Op.NE, Literal.text("nobody"));

        List<Hit> text = store.searchText(mine, "kite festival hill", Filter.all(), 10);
        assertThat(text).hasSize(3).extracting(Hit::uid).containsExactlyInAnyOrderElementsOf(kites.stream().map(Episode::uid).toList());
        assertThat(text).isEqualTo(store.searchText(mine, "kite festival hill", anyone, 10));

        VectorSearch search = new VectorSearch(database, new NodeLocator());
        float[] query = embedder.embedQuery("flying a kite");
        List<Hit> near = search.search(mine, query, Filter.all(), 3);
        assertThat(search.isSparse(mine)).isFalse(); // searched wide: the scope's hits kept from the index's nearest
        assertThat(near).extracting(Hit::uid).containsExactlyInAnyOrderElementsOf(kites.stream().map(Episode::uid).toList());
        assertThat(near).extracting(Hit::score).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(near).isEqualTo(search.search(mine, query, anyone, 3));
    }

    @Test
    void episodesReadThroughTheCoreApiAreThoseTheCypherProjectionMaps() {
        Scope scope = Scope.of("core-read", "p");
        Instant t = Instant.parse("2025-08-01T00:00:00Z");
        NewEpisode plain = new NewEpisode("alice", null, "user", "no metadata, for nobody", t, Map.of());
        NewEpisode rich = new NewEpisode("bob", "alice", "assistant", "with \"quotes\" and metadata", t.plusSeconds(1),
                Map.of("topic", "travel", "m.nested", "dots", "empty", ""));
        List<Episode> added = store.append(scope, List.of(
                new EpisodeDraft(plain, plain.content(), embedder.embed(plain.content())),
                new EpisodeDraft(rich, rich.content(), embedder.embed(rich.content()))));
        long elsewhere = add(Scope.of("core-read", "other"), "carol", t, "another project's").getFirst().uid();
        List<Long> asked = List.of(added.get(1).uid(), 999_999L, elsewhere, added.get(0).uid(), added.get(1).uid());

        List<Episode> cypher = database.read(tx -> {
            try (var result = tx.execute("""
                    UNWIND range(0, size($uids) - 1) AS i
                    MATCH (e:Episode {uid: $uids[i]}) WHERE e.org_id = $org AND e.project_id = $project
                    RETURN""" + EpisodeRows.PROJECTION + " ORDER BY i",
                    Map.of("uids", asked, "org", scope.orgId(), "project", scope.projectId()))) {
                return EpisodeRows.mapAll(result);
            }
        });
        assertThat(store.getAll(scope, asked)).isEqualTo(cypher).hasSize(3)
                .containsExactly(added.get(1), added.get(0), added.get(1));
        assertThat(cypher.getFirst().metadata()).containsOnly(Map.entry("topic", "travel"), Map.entry("m.nested", "dots"),
                Map.entry("empty", ""));
        assertThat(cypher.get(1).producedFor()).isNull();
    }

    @Test
    void aHintThatNamesAnotherNodeOrNoneStillFindsTheEpisodeByItsUid() {
        Scope scope = Scope.of("hints", "p");
        List<Episode> added = add(scope, "alice", Instant.parse("2025-07-01T00:00:00Z"), "first", "second", "third");
        long first = added.get(0).uid();
        long second = added.get(1).uid();
        NodeLocator locator = new NodeLocator();
        // a hint to the wrong episode, one to a node that is no episode, one to a node deleted since
        database.read(tx -> {
            locator.remember(first, tx.findNode(org.neo4j.graphdb.Label.label("Episode"), "uid", second));
            return null;
        });
        String doomed = database.write(tx -> {
            try (var result = tx.execute("MATCH (p:Project {org_id: $org, project_id: $project}) RETURN p",
                    Map.of("org", scope.orgId(), "project", scope.projectId()))) {
                locator.remember(second, (org.neo4j.graphdb.Node) result.next().get("p"));
            }
            var node = tx.createNode(org.neo4j.graphdb.Label.label("Episode"));
            node.setProperty("uid", -7L);
            locator.remember(added.get(2).uid(), node);
            return node.getElementId();
        });
        database.write(tx -> {
            tx.getNodeByElementId(doomed).delete();
            return null;
        });

        database.read(tx -> {
            for (Episode episode : added) {
                NodeLocator.Found found = locator.find(tx, episode.uid(), "indexed_text");
                assertThat(found).isNotNull();
                assertThat(found.node().getProperty("uid")).isEqualTo(episode.uid());
                assertThat(found.properties()).containsEntry("indexed_text", episode.content()); // indexed as the content alone
            }
            assertThat(locator.find(tx, 999_999L, "indexed_text")).isNull();
            // the wrong hint was dropped: found again, by the index, the same node
            NodeLocator.Found again = locator.find(tx, first, "indexed_text");
            assertThat(again.node()).isEqualTo(tx.findNode(org.neo4j.graphdb.Label.label("Episode"), "uid", first));
            return null;
        });
        // searches leave hints behind; the links read through them are those Cypher reads
        List<Long> uids = added.stream().map(Episode::uid).toList();
        assertThat(store.searchText(scope, "first second third", Filter.all(), 10)).hasSize(3);
        Filter anyone = new Filter.Compare(FilterField.of(SystemField.PRODUCER), Filter.Op.NE, Literal.text("nobody"));
        assertThat(store.links(scope, uids, Filter.all())).containsExactlyInAnyOrderElementsOf(store.links(scope, uids, anyone))
                .hasSize(3);
    }

    @Test
    void aProjectDeletedAndCreatedAgainTakesItsNextAddsWhereverTheyArrive() {
        Scope scope = Scope.of("relock", "p");
        Instant t = Instant.parse("2025-05-01T00:00:00Z");
        List<Episode> first = add(scope, "alice", t, "one");
        assertThat(new Neo4jProjectStore(database).delete(scope)).isTrue();
        List<Episode> again = add(scope, "alice", t.plusSeconds(10), "two"); // the project is created again
        List<Episode> third = add(scope, "alice", t.plusSeconds(20), "three"); // at the new project node's tail
        assertThat(new Neo4jProjectStore(database).find(scope)).isPresent();
        List<Episode> listed = store.list(scope, Filter.all(), new PageRequest(10, 0), Order.OLDEST_FIRST);
        assertThat(listed).extracting(Episode::content).containsExactly("one", "two", "three");
        assertThat(store.neighbours(scope, first.getFirst().uid(), 0, 5, Filter.all()).after())
                .extracting(Episode::uid).containsExactly(again.getFirst().uid(), third.getFirst().uid());
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void deleteIsAllOrNothingAndScoped() {
        Scope scope = Scope.of("acme", "delete");
        List<Episode> added = add(scope, "alice", Instant.parse("2025-01-01T00:00:00Z"), "one", "two");
        assertThatThrownBy(() -> store.delete(scope, List.of(added.get(0).uid(), 999_999L)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("999999");
        assertThat(store.count(scope, Filter.all())).isEqualTo(2);
        assertThatThrownBy(() -> store.delete(Scope.of("acme", "elsewhere"), List.of(added.get(0).uid())))
                .isInstanceOf(NotFoundException.class);
        store.delete(scope, List.of(added.get(0).uid()));
        assertThat(store.count(scope, Filter.all())).isEqualTo(1);
    }

    @Test
    void editingContentKeepsTheOldTextAndReembeds() {
        Scope scope = Scope.of("acme", "edit");
        Episode e = add(scope, "alice", Instant.parse("2025-01-01T00:00:00Z"), "I live in Paris").getFirst();
        Instant at = Instant.parse("2025-02-01T00:00:00Z");
        Episode edited = store.updateContent(scope, e.uid(), "I live in Lisbon", "I live in Lisbon",
                embedder.embed("I live in Lisbon"), at).orElseThrow();
        assertThat(edited.content()).isEqualTo("I live in Lisbon");
        assertThat(store.revisions(scope, e.uid())).singleElement()
                .satisfies(r -> assertThat(r.content()).isEqualTo("I live in Paris"));
        assertThat(store.searchText(scope, "Lisbon", Filter.all(), 5)).extracting(Hit::uid).containsExactly(e.uid());
        assertThat(store.searchText(scope, "Paris", Filter.all(), 5)).isEmpty();
    }

    @Test
    void aSecondOpenOfTheSameStoreGetsAClearError() {
        assertThatThrownBy(() -> Neo4jDatabase.open(dir.resolve("neo4j"), Neo4jDatabase.Settings.defaults()))
                .isInstanceOf(dev.engram.core.StoreUnavailableException.class)
                .hasMessageContaining("in use by another Engram process");
    }

    @Test
    void timesBetweenTwoMillisecondsCompareExactlyAsTheReferenceEvaluatorDoes() {
        Scope scope = Scope.of("acme", "submillis");
        Episode e = add(scope, "alice", Instant.parse("2025-01-01T10:00:00Z"), "tick").getFirst();
        for (String op : List.of("=", "!=", "<", "<=", ">", ">=")) {
            for (String time : List.of("2025-01-01T10:00:00.0005Z", "2025-01-01T09:59:59.9995Z", "2025-01-01T10:00:00Z")) {
                Filter filter = dev.engram.core.scope.FilterParser.parse("created_at " + op + " date('" + time + "')");
                boolean expected = dev.engram.core.scope.FilterEvaluator.matches(filter,
                        f -> f.system() == SystemField.CREATED_AT ? e.createdAt() : null);
                assertThat(store.count(scope, filter)).as("created_at %s %s", op, time).isEqualTo(expected ? 1 : 0);
            }
        }
    }

    @Test
    void concurrentAppendsAndSearchesKeepUidsUniqueAndChainsInTimeOrder() throws Exception {
        List<Scope> scopes = List.of(Scope.of("conc", "one"), Scope.of("conc", "two"));
        float[] vector = embedder.embed("a shared message about coffee");
        List<Long> uids = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                Random random = new Random(thread);
                for (int i = 0; i < 25; i++) {
                    Scope scope = scopes.get(random.nextInt(scopes.size()));
                    List<EpisodeDraft> drafts = new ArrayList<>();
                    for (int k = 0; k <= random.nextInt(3); k++) {
                        NewEpisode e = new NewEpisode("user" + thread, null, "user", "coffee " + thread + "-" + i + "-" + k,
                                Instant.parse("2025-01-01T00:00:00Z").plusSeconds(random.nextInt(100_000)), Map.of());
                        drafts.add(new EpisodeDraft(e, e.content(), vector));
                    }
                    store.append(scope, drafts).forEach(e -> uids.add(e.uid()));
                    assertThat(store.searchText(scope, "coffee", Filter.all(), 5)).isNotEmpty();
                    assertThat(store.searchVector(scope, vector, Filter.all(), 5)).isNotEmpty();
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(new HashSet<>(uids)).hasSameSizeAs(uids);
        long total = 0;
        for (Scope scope : scopes) {
            List<Episode> listed = store.list(scope, Filter.all(), new PageRequest(10_000, 0), Order.OLDEST_FIRST);
            total += listed.size();
            assertThat(listed.size()).isLessThan(EpisodeQueries.MAX_NEIGHBOUR_HOPS);
            List<Episode> chain = new ArrayList<>();
            chain.add(listed.getFirst());
            chain.addAll(store.neighbours(scope, listed.getFirst().uid(), 0, listed.size(), Filter.all()).after());
            assertThat(chain).as("the NEXT chain visits every episode in time order").containsExactlyElementsOf(listed);
            assertThat(store.neighbours(scope, listed.getFirst().uid(), 5, 0, Filter.all()).before()).isEmpty();
        }
        assertThat(total).isEqualTo(uids.size());
    }
}
