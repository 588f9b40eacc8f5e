package dev.engram.store.h2;

import static dev.engram.store.h2.Fixtures.fact;
import static dev.engram.store.h2.Fixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.core.ingest.EmbeddingSpace;
import dev.engram.core.profile.FactPatch;
import dev.engram.core.profile.FactStatus;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding space is store-wide, so each test has a database of its own. */
class H2ProfileStoreEmbeddingTest {
    private static final EmbeddingSpace MINI = new EmbeddingSpace("all-minilm-l6-v2-q", 2);
    private static final EmbeddingSpace BGE = new EmbeddingSpace("bge-small-en-v15-q", 3);
    private static final Scope ONE = Scope.of("acme", "one");
    private static final Scope TWO = Scope.of("globex", "two");

    @TempDir
    Path dir;
    H2Database database;
    H2ProfileStore store;

    @BeforeEach
    void open() {
        database = H2Database.open(dir);
        store = new H2ProfileStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aNewStoreHasNoEmbeddingSpaceAndNothingStale() {
        assertThat(store.embeddingSpace()).isEmpty();
        assertThat(store.staleEmbeddings(10)).isEmpty();
    }

    @Test
    void resetRecordsTheSpaceAndMarksEveryFactOfEveryScopeStale() {
        store.resetEmbeddingSpace(MINI);
        ProfileFact a = store.add(ONE, fact("a", "1"), "text a", vector(1, 0), "user");
        ProfileFact b = store.add(TWO, fact("b", "2"), "text b", vector(0, 1), "user");
        ProfileFact c = store.add(ONE, fact("c", "3"), "text c", null, "user");
        store.setStatus(ONE, c.id(), FactStatus.ARCHIVED, "user");
        assertThat(store.staleEmbeddings(10)).containsExactly(Map.entry(c.id(), "text c"));

        store.resetEmbeddingSpace(BGE);

        assertThat(store.embeddingSpace()).contains(BGE);
        assertThat(store.staleEmbeddings(10)).containsExactly(Map.entry(a.id(), "text a"),
                Map.entry(b.id(), "text b"), Map.entry(c.id(), "text c"));
        assertThat(store.staleEmbeddings(2)).containsOnlyKeys(a.id(), b.id());
        assertThat(store.staleEmbeddings(0)).isEmpty();
        assertThat(store.search(ONE, vector(1, 0, 0), Filter.all(), 10)).as("no vectors yet").isEmpty();
        assertThat(store.list(ONE, Filter.all(), new dev.engram.core.episode.PageRequest(10, 0), true))
                .as("facts stay").hasSize(2);
    }

    @Test
    void storedEmbeddingsMakeFactsSearchableAgain() {
        ProfileFact a = store.add(ONE, fact("a", "1"), "text a", vector(1, 0), "user");
        ProfileFact b = store.add(ONE, fact("b", "2"), "text b", vector(0, 1), "user");
        store.resetEmbeddingSpace(BGE);

        store.storeEmbeddings(Map.of(a.id(), vector(1, 0, 0), b.id(), vector(0, 0, 1)));

        assertThat(store.staleEmbeddings(10)).isEmpty();
        assertThat(store.search(ONE, vector(0, 0.1f, 1), Filter.all(), 1))
                .extracting(hit -> hit.fact().id()).containsExactly(b.id());
        assertThat(store.history(ONE, a.id())).as("re-embedding is not a change of the fact").hasSize(1);
    }

    @Test
    void aStaleRefillNeverOverwritesAVectorAnUpdateWroteMeanwhile() {
        store.resetEmbeddingSpace(MINI);
        ProfileFact a = store.add(ONE, fact("a", "old"), "text old", null, "user");
        ProfileFact gone = store.add(ONE, fact("g", "gone"), "text gone", null, "user");
        Map<Long, String> stale = store.staleEmbeddings(10);
        assertThat(stale).containsOnlyKeys(a.id(), gone.id());

        store.update(ONE, a.id(), FactPatch.value("new"), "text new", vector(0, 1), "user");
        store.delete(ONE, List.of(gone.id()), "user");
        store.storeEmbeddings(Map.of(a.id(), vector(1, 0), gone.id(), vector(1, 0)));

        assertThat(store.search(ONE, vector(0, 1), Filter.all(), 1)).singleElement()
                .satisfies(hit -> assertThat(hit.score()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9)));
        assertThat(store.staleEmbeddings(10)).isEmpty();
    }

    @Test
    void anUpdateWithIndexedTextButNoVectorMakesTheFactStale() {
        ProfileFact a = store.add(ONE, fact("a", "old"), "text old", vector(1, 0), "user");
        store.update(ONE, a.id(), FactPatch.value("new"), "text new", null, "user");
        assertThat(store.staleEmbeddings(10)).containsExactly(Map.entry(a.id(), "text new"));
        assertThat(store.search(ONE, vector(1, 0), Filter.all(), 5)).isEmpty();
    }

    @Test
    void vectorsThatDoNotFitTheRecordedSpaceAreRejected() {
        store.resetEmbeddingSpace(MINI);
        ProfileFact a = store.add(ONE, fact("a", "1"), "text a", vector(1, 0), "user");

        assertThatThrownBy(() -> store.add(ONE, fact("b", "2"), "text b", vector(1, 0, 0), "user"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 dimensions");
        assertThatThrownBy(() -> store.update(ONE, a.id(), FactPatch.value("x"), "x", vector(1), "user"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.storeEmbeddings(Map.of(a.id(), vector(1, 2, 3))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.search(ONE, vector(1, 2, 3), Filter.all(), 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.count(ONE, Filter.all(), true)).isOne();
        assertThat(store.get(ONE, a.id()).orElseThrow().value()).isEqualTo("1");
    }

    @Test
    void theSpaceAndTheVectorsSurviveReopening() {
        store.resetEmbeddingSpace(MINI);
        ProfileFact a = store.add(ONE, fact("a", "1"), "text a", vector(0.25f, -0.5f), "user");
        database.close();
        database = H2Database.open(dir);
        store = new H2ProfileStore(database);

        assertThat(store.embeddingSpace()).contains(MINI);
        assertThat(store.search(ONE, vector(0.25f, -0.5f), Filter.all(), 1)).singleElement()
                .satisfies(hit -> {
                    assertThat(hit.fact().id()).isEqualTo(a.id());
                    assertThat(hit.score()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
                });
    }
}
