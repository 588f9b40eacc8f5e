package dev.engram.store.h2;

import static dev.engram.store.h2.Fixtures.fact;
import static dev.engram.store.h2.Fixtures.freshScope;
import static dev.engram.store.h2.Fixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.core.NotFoundException;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.profile.FactAction;
import dev.engram.core.profile.FactChange;
import dev.engram.core.profile.FactPatch;
import dev.engram.core.profile.FactSnapshot;
import dev.engram.core.profile.FactSource;
import dev.engram.core.profile.FactStatus;
import dev.engram.core.profile.FactVersion;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One database for the class; every test works in scopes of its own. */
class H2ProfileStoreTest {
    private static final PageRequest ALL = new PageRequest(1000, 0);

    @TempDir
    static Path dir;
    static H2Database database;
    static MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    static H2ProfileStore store;

    private final Scope scope = freshScope();

    @BeforeAll
    static void open() {
        database = H2Database.open(dir);
        store = new H2ProfileStore(database, clock);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void addReturnsTheStoredFactWithIdTimesCitationsAndMetadata() {
        Instant now = clock.advance(Duration.ofSeconds(1));
        ProfileFact added = store.add(scope, fact("seat", "aisle", List.of(7L, 3L, 7L), Map.of("topic", "travel")),
                "seat: aisle", vector(1, 0), "user");

        assertThat(added.id()).isPositive();
        assertThat(added.scope()).isEqualTo(scope);
        assertThat(added.setId()).isEqualTo("set-main");
        assertThat(added.producer()).isEqualTo("alice");
        assertThat(added.feature()).isEqualTo("seat");
        assertThat(added.value()).isEqualTo("aisle");
        assertThat(added.status()).isEqualTo(FactStatus.ACTIVE);
        assertThat(added.source()).isEqualTo(FactSource.USER);
        assertThat(added.citations()).containsExactly(3L, 7L);
        assertThat(added.metadata()).containsExactly(Map.entry("topic", "travel"));
        assertThat(added.createdAt()).isEqualTo(now);
        assertThat(added.updatedAt()).isEqualTo(now);
        assertThat(added.validFrom()).isEqualTo(now);
        assertThat(added.validTo()).isNull();
        assertThat(store.get(scope, added.id())).contains(added);
    }

    @Test
    void aFactWithoutProducerKeepsANullProducer() {
        ProfileFact added = store.add(scope, new dev.engram.core.profile.NewFact("set-project", null, "profile", "t",
                "f", "v", FactSource.LLM, null, null), "t f v", null, "llm:test");
        assertThat(store.get(scope, added.id()).orElseThrow().producer()).isNull();
        assertThat(added.source()).isEqualTo(FactSource.LLM);
    }

    @Test
    void textIsStoredAndReadBackLiterally() {
        String hostile = "it's \"quoted\" \\ back\\slash '; DROP TABLE facts; -- 日本語 🙂 \n\ttabbed";
        ProfileFact added = store.add(scope, fact(hostile, hostile, List.of(), Map.of("k.ey:1-x", hostile)),
                hostile, vector(1), "user");
        ProfileFact read = store.get(scope, added.id()).orElseThrow();
        assertThat(read.value()).isEqualTo(hostile);
        assertThat(read.feature()).isEqualTo(hostile);
        assertThat(read.metadata()).containsEntry("k.ey:1-x", hostile);
        assertThat(store.history(scope, added.id()).getFirst().after().value()).isEqualTo(hostile);
    }

    @Test
    void addWritesAnAddHistoryRowWithTheAfterSnapshotActorAndTime() {
        Instant now = clock.advance(Duration.ofSeconds(1));
        ProfileFact added = store.add(scope, fact("seat", "aisle", List.of(5L), Map.of("a", "b")), "x", null, "api");

        assertThat(store.history(scope, added.id())).singleElement().satisfies(change -> {
            assertThat(change.factId()).isEqualTo(added.id());
            assertThat(change.action()).isEqualTo(FactAction.ADD);
            assertThat(change.before()).isNull();
            assertThat(change.after()).isEqualTo(FactSnapshot.of(added));
            assertThat(change.actor()).isEqualTo("api");
            assertThat(change.at()).isEqualTo(now);
        });
    }

    @Test
    void getOfAnUnknownIdIsEmpty() {
        assertThat(store.get(scope, 987_654_321L)).isEmpty();
    }

    @Test
    void changingTheValueKeepsTheOldValueAsAVersionAndStartsANewValidity() {
        Instant created = clock.advance(Duration.ofSeconds(1));
        ProfileFact added = store.add(scope, fact("seat", "aisle", List.of(11L), Map.of()), "seat aisle", vector(1, 0),
                "user");
        Instant changed = clock.advance(Duration.ofMinutes(5));

        ProfileFact updated = store.update(scope, added.id(), FactPatch.value("window"), "seat window", vector(0, 1),
                "user");

        assertThat(updated.value()).isEqualTo("window");
        assertThat(updated.validFrom()).isEqualTo(changed);
        assertThat(updated.updatedAt()).isEqualTo(changed);
        assertThat(updated.createdAt()).isEqualTo(created);
        assertThat(updated.citations()).as("citations are kept").containsExactly(11L);
        assertThat(store.versions(scope, added.id())).containsExactly(
                new FactVersion(added.id(), "profile", "Preferences", "seat", "aisle", created, changed));
        assertThat(store.history(scope, added.id())).extracting(FactChange::action)
                .containsExactly(FactAction.ADD, FactAction.UPDATE);
        FactChange update = store.history(scope, added.id()).get(1);
        assertThat(update.before().value()).isEqualTo("aisle");
        assertThat(update.after().value()).isEqualTo("window");
        assertThat(store.search(scope, vector(0, 1), Filter.all(), 1)).singleElement()
                .satisfies(hit -> assertThat(hit.score()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9)));
    }

    @Test
    void changingCategoryTagOrFeatureAlsoMakesAVersion() {
        ProfileFact added = store.add(scope, fact("seat", "aisle"), "x", null, "user");
        clock.advance(Duration.ofSeconds(1));
        store.update(scope, added.id(), new FactPatch("travel", null, null, null, null), "y", null, "user");
        clock.advance(Duration.ofSeconds(1));
        store.update(scope, added.id(), new FactPatch(null, "Trips", "seat_pref", null, null), "z", null, "user");

        assertThat(store.versions(scope, added.id())).extracting(FactVersion::category, FactVersion::tag,
                FactVersion::feature).containsExactly(
                org.assertj.core.groups.Tuple.tuple("profile", "Preferences", "seat"),
                org.assertj.core.groups.Tuple.tuple("travel", "Preferences", "seat"));
        assertThat(store.get(scope, added.id()).orElseThrow())
                .extracting(ProfileFact::category, ProfileFact::tag, ProfileFact::feature)
                .containsExactly("travel", "Trips", "seat_pref");
    }

    @Test
    void aMetadataOnlyChangeReplacesTheMapWithoutAVersion() {
        ProfileFact added = store.add(scope, fact("seat", "aisle", List.of(), Map.of("a", "1", "b", "2")), "x",
                vector(1), "user");
        Instant changed = clock.advance(Duration.ofSeconds(3));

        ProfileFact updated = store.update(scope, added.id(), new FactPatch(null, null, null, null, Map.of("c", "3")),
                null, null, "user");

        assertThat(updated.metadata()).containsExactly(Map.entry("c", "3"));
        assertThat(updated.validFrom()).isEqualTo(added.validFrom());
        assertThat(updated.updatedAt()).isEqualTo(changed);
        assertThat(store.versions(scope, added.id())).isEmpty();
        assertThat(store.history(scope, added.id())).extracting(FactChange::action)
                .containsExactly(FactAction.ADD, FactAction.UPDATE);
        assertThat(store.search(scope, vector(1), Filter.all(), 5)).as("embedding kept").hasSize(1);
    }

    @Test
    void anUpdateThatChangesNothingWritesNoHistory() {
        ProfileFact added = store.add(scope, fact("seat", "aisle", List.of(), Map.of("a", "1")), "x", null, "user");
        clock.advance(Duration.ofSeconds(1));

        ProfileFact same = store.update(scope, added.id(), new FactPatch(null, null, null, "aisle", Map.of("a", "1")),
                "x", null, "user");

        assertThat(same).isEqualTo(added);
        assertThat(store.history(scope, added.id())).hasSize(1);
        assertThat(store.versions(scope, added.id())).isEmpty();
    }

    @Test
    void aContentChangeWithoutIndexedTextIsRejectedAndChangesNothing() {
        ProfileFact added = store.add(scope, fact("seat", "aisle"), "x", null, "user");
        assertThatThrownBy(() -> store.update(scope, added.id(), FactPatch.value("window"), null, null, "user"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.get(scope, added.id())).contains(added);
        assertThat(store.history(scope, added.id())).hasSize(1);
    }

    @Test
    void updatingOrArchivingAnUnknownIdIsNotFound() {
        assertThatThrownBy(() -> store.update(scope, 99_999_999L, FactPatch.value("v"), "v", null, "user"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("99999999");
        assertThatThrownBy(() -> store.setStatus(scope, 99_999_999L, FactStatus.ARCHIVED, "user"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void archiveHidesTheFactAndRestoreBringsItBack() {
        ProfileFact added = store.add(scope, fact("seat", "aisle"), "x", vector(1, 1), "user");
        Instant archivedAt = clock.advance(Duration.ofSeconds(1));

        ProfileFact archived = store.setStatus(scope, added.id(), FactStatus.ARCHIVED, "user");

        assertThat(archived.status()).isEqualTo(FactStatus.ARCHIVED);
        assertThat(archived.validTo()).isEqualTo(archivedAt);
        assertThat(store.list(scope, Filter.all(), ALL, false)).isEmpty();
        assertThat(store.list(scope, Filter.all(), ALL, true)).containsExactly(archived);
        assertThat(store.count(scope, Filter.all(), false)).isZero();
        assertThat(store.count(scope, Filter.all(), true)).isOne();
        assertThat(store.search(scope, vector(1, 1), Filter.all(), 10)).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        ProfileFact restored = store.setStatus(scope, added.id(), FactStatus.ACTIVE, "cli");

        assertThat(restored.status()).isEqualTo(FactStatus.ACTIVE);
        assertThat(restored.validTo()).isNull();
        assertThat(store.list(scope, Filter.all(), ALL, false)).containsExactly(restored);
        assertThat(store.search(scope, vector(1, 1), Filter.all(), 10)).hasSize(1);
        assertThat(store.history(scope, added.id())).extracting(FactChange::action, FactChange::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FactAction.ADD, "user"),
                        org.assertj.core.groups.Tuple.tuple(FactAction.ARCHIVE, "user"),
                        org.assertj.core.groups.Tuple.tuple(FactAction.RESTORE, "cli"));
        assertThat(store.versions(scope, added.id())).as("status changes are not versions").isEmpty();
    }

    @Test
    void archivingAnArchivedFactIsANoOp() {
        ProfileFact added = store.add(scope, fact("seat", "aisle"), "x", null, "user");
        ProfileFact archived = store.setStatus(scope, added.id(), FactStatus.ARCHIVED, "user");
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.setStatus(scope, added.id(), FactStatus.ARCHIVED, "user")).isEqualTo(archived);
        assertThat(store.history(scope, added.id())).hasSize(2);
    }

    @Test
    void deleteRemovesTheFactsAndKeepsTheirHistory() {
        ProfileFact first = store.add(scope, fact("a", "1", List.of(1L), Map.of("k", "v")), "x", null, "user");
        ProfileFact second = store.add(scope, fact("b", "2"), "x", null, "user");
        store.update(scope, first.id(), FactPatch.value("1b"), "x", null, "user");
        ProfileFact kept = store.add(scope, fact("c", "3"), "x", null, "user");
        Instant deletedAt = clock.advance(Duration.ofSeconds(1));

        store.delete(scope, List.of(first.id(), second.id(), first.id()), "api");

        assertThat(store.get(scope, first.id())).isEmpty();
        assertThat(store.get(scope, second.id())).isEmpty();
        assertThat(store.list(scope, Filter.all(), ALL, true)).containsExactly(kept);
        assertThat(store.versions(scope, first.id())).isEmpty();
        List<FactChange> history = store.history(scope, first.id());
        assertThat(history).extracting(FactChange::action)
                .containsExactly(FactAction.ADD, FactAction.UPDATE, FactAction.DELETE);
        assertThat(history.getLast().before().value()).isEqualTo("1b");
        assertThat(history.getLast().before().citations()).containsExactly(1L);
        assertThat(history.getLast().after()).isNull();
        assertThat(history.getLast().actor()).isEqualTo("api");
        assertThat(history.getLast().at()).isEqualTo(deletedAt);
    }

    @Test
    void deleteWithAnUnknownIdDeletesNothingAndNamesTheUnknownIds() {
        ProfileFact first = store.add(scope, fact("a", "1"), "x", null, "user");
        ProfileFact second = store.add(scope, fact("b", "2"), "x", null, "user");

        assertThatThrownBy(() -> store.delete(scope, List.of(first.id(), 88_888_881L, second.id(), 88_888_882L), "user"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Facts 88888881, 88888882 do not exist in " + scope.key());

        assertThat(store.list(scope, Filter.all(), ALL, true)).containsExactly(first, second);
        assertThat(store.history(scope, first.id())).hasSize(1);
    }

    @Test
    void deletingNothingIsANoOp() {
        store.delete(scope, List.of(), "user");
        assertThat(store.count(scope, Filter.all(), true)).isZero();
    }

    @Test
    void listIsOrderedByCreatedAtThenIdAndPaged() {
        Instant t = clock.advance(Duration.ofSeconds(1));
        ProfileFact late = store.add(scope, fact("late", "x"), "x", null, "user");
        clock.set(t.minusSeconds(100));
        ProfileFact early = store.add(scope, fact("early", "x"), "x", null, "user");
        ProfileFact earlyToo = store.add(scope, fact("early2", "x"), "x", null, "user");
        clock.set(t);

        assertThat(store.list(scope, Filter.all(), ALL, false)).containsExactly(early, earlyToo, late);
        assertThat(store.list(scope, Filter.all(), new PageRequest(2, 0), false)).containsExactly(early, earlyToo);
        assertThat(store.list(scope, Filter.all(), new PageRequest(2, 1), false)).containsExactly(late);
        assertThat(store.list(scope, Filter.all(), new PageRequest(2, 2), false)).isEmpty();
        assertThat(store.count(scope, Filter.all(), false)).isEqualTo(3);
    }

    @Test
    void searchRanksByCosineSimilarityAndSkipsStaleEmbeddings() {
        ProfileFact north = store.add(scope, fact("n", "north"), "n", vector(0, 1), "user");
        ProfileFact east = store.add(scope, fact("e", "east"), "e", vector(1, 0), "user");
        ProfileFact northEast = store.add(scope, fact("ne", "north-east"), "ne", vector(1, 1), "user");
        store.add(scope, fact("stale", "no vector"), "stale", null, "user");

        var hits = store.search(scope, vector(0.2f, 1), Filter.all(), 10);

        assertThat(hits).extracting(hit -> hit.fact().id()).containsExactly(north.id(), northEast.id(), east.id());
        assertThat(hits.getFirst().score()).isGreaterThan(hits.get(1).score());
        assertThat(hits.getFirst().fact()).isEqualTo(north);
        assertThat(store.search(scope, vector(0.2f, 1), Filter.all(), 2)).hasSize(2);
        assertThat(store.search(scope, vector(0.2f, 1), Filter.all(), 0)).isEmpty();
        assertThat(store.search(scope, vector(1, 0),
                new Filter.Compare(dev.engram.core.scope.FilterField.of(dev.engram.core.scope.SystemField.FEATURE),
                        Filter.Op.NE, dev.engram.core.scope.Literal.text("e")), 1))
                .extracting(hit -> hit.fact().id()).containsExactly(northEast.id());
    }

    @Test
    void removeCitationsKeepsTheFactsAndTheirOtherCitations() {
        ProfileFact both = store.add(scope, fact("a", "1", List.of(10L, 20L, 30L), Map.of()), "x", null, "user");
        ProfileFact only = store.add(scope, fact("b", "2", List.of(20L), Map.of()), "x", null, "user");
        ProfileFact none = store.add(scope, fact("c", "3", List.of(40L), Map.of()), "x", null, "user");
        Scope other = freshScope();
        ProfileFact elsewhere = store.add(other, fact("d", "4", List.of(20L), Map.of()), "x", null, "user");

        int changed = store.removeCitations(scope, List.of(20L, 30L, 999L), "user");

        assertThat(changed).isEqualTo(2);
        assertThat(store.get(scope, both.id()).orElseThrow().citations()).containsExactly(10L);
        ProfileFact uncited = store.get(scope, only.id()).orElseThrow();
        assertThat(uncited.citations()).isEmpty();
        assertThat(uncited.updatedAt()).isEqualTo(only.updatedAt());
        assertThat(store.get(scope, none.id())).contains(none);
        assertThat(store.get(other, elsewhere.id())).as("other scope untouched").contains(elsewhere);
        FactChange uncite = store.history(scope, both.id()).getLast();
        assertThat(uncite.action()).isEqualTo(FactAction.UNCITE);
        assertThat(uncite.before().citations()).containsExactly(10L, 20L, 30L);
        assertThat(uncite.after().citations()).containsExactly(10L);
        assertThat(store.history(scope, none.id())).hasSize(1);
        assertThat(store.removeCitations(scope, List.of(), "user")).isZero();
    }

    @Test
    void deleteAllRemovesEverythingOfTheScopeOnly() {
        Scope sameOrgOtherProject = Scope.of(scope.orgId(), "other-project");
        ProfileFact gone = store.add(scope, fact("a", "1", List.of(1L), Map.of("k", "v")), "x", null, "user");
        store.update(scope, gone.id(), FactPatch.value("2"), "x", null, "user");
        store.add(scope, fact("b", "1"), "x", null, "user");
        ProfileFact kept = store.add(sameOrgOtherProject, fact("a", "1", List.of(1L), Map.of("k", "v")), "x", null,
                "user");
        store.update(sameOrgOtherProject, kept.id(), FactPatch.value("2"), "x", null, "user");

        assertThat(store.deleteAll(scope)).isEqualTo(2);

        assertThat(store.count(scope, Filter.all(), true)).isZero();
        assertThat(store.history(scope, gone.id())).isEmpty();
        assertThat(store.versions(scope, gone.id())).isEmpty();
        assertThat(store.get(sameOrgOtherProject, kept.id())).isPresent();
        assertThat(store.history(sameOrgOtherProject, kept.id())).hasSize(2);
        assertThat(store.versions(sameOrgOtherProject, kept.id())).hasSize(1);
        assertThat(store.deleteAll(scope)).isZero();
    }

    @Test
    void anIdOfAnotherScopeIsNotFoundAndCannotBeChanged() {
        ProfileFact theirs = store.add(scope, fact("a", "1", List.of(5L), Map.of()), "x", vector(1), "user");
        store.update(scope, theirs.id(), FactPatch.value("2"), "x", vector(1), "user");
        ProfileFact current = store.get(scope, theirs.id()).orElseThrow();
        Scope mine = Scope.of(scope.orgId(), "intruder");
        Scope otherOrg = Scope.of("intruder-org", scope.projectId());

        for (Scope s : List.of(mine, otherOrg)) {
            assertThat(store.get(s, theirs.id())).isEmpty();
            assertThat(store.history(s, theirs.id())).isEmpty();
            assertThat(store.versions(s, theirs.id())).isEmpty();
            assertThatThrownBy(() -> store.update(s, theirs.id(), FactPatch.value("x"), "x", null, "u"))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> store.setStatus(s, theirs.id(), FactStatus.ARCHIVED, "u"))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> store.delete(s, List.of(theirs.id()), "u"))
                    .isInstanceOf(NotFoundException.class);
            assertThat(store.removeCitations(s, List.of(5L), "u")).isZero();
            assertThat(store.deleteAll(s)).isZero();
        }
        assertThat(store.get(scope, theirs.id())).contains(current);
        assertThat(store.history(scope, theirs.id())).hasSize(2);
        assertThat(store.versions(scope, theirs.id())).hasSize(1);
    }
}
