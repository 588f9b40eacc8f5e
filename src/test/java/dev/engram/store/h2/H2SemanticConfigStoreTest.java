package dev.engram.store.h2;

import static dev.engram.store.h2.Fixtures.freshScope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.core.ConflictException;
import dev.engram.core.NotFoundException;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.profile.Category;
import dev.engram.core.profile.CategoryOrigin;
import dev.engram.core.profile.FactAction;
import dev.engram.core.profile.FactChange;
import dev.engram.core.profile.FactSource;
import dev.engram.core.profile.NewCategory;
import dev.engram.core.profile.NewFact;
import dev.engram.core.profile.NewSetType;
import dev.engram.core.profile.NewTag;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.profile.SetInfo;
import dev.engram.core.profile.SetType;
import dev.engram.core.profile.Tag;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One database for the class; every test works in scopes of its own. */
class H2SemanticConfigStoreTest {
    @TempDir
    static Path dir;
    static H2Database database;
    static H2SemanticConfigStore store;
    static H2ProfileStore facts;

    private final Scope scope = freshScope();
    private final Scope other = freshScope();

    @BeforeAll
    static void open() {
        database = H2Database.open(dir);
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
        store = new H2SemanticConfigStore(database, clock);
        facts = new H2ProfileStore(database, clock);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static NewCategory category(String name) {
        return new NewCategory(name, "Extract " + name, null);
    }

    private ProfileFact fact(Scope in, String setId, String category, String feature) {
        return facts.add(in, new NewFact(setId, null, category, "T", feature, "v", FactSource.API, List.of(), Map.of()),
                feature + ": v", null, "test");
    }

    private List<String> factFeatures(Scope in) {
        return facts.list(in, Filter.all(), new PageRequest(100, 0), true).stream().map(ProfileFact::feature).toList();
    }

    @Test
    void aSetTypeIsCreatedOnceForItsKeysAndNamesAreUniqueInTheScope() {
        SetType created = store.createSetType(scope, new NewSetType(false, List.of("b", "a", "b"), "Pairs", "two keys"));
        assertThat(created.tags()).containsExactly("a", "b");
        assertThat(created.name()).isEqualTo("Pairs");
        assertThat(store.createSetType(scope, new NewSetType(false, List.of("a", "b"), null, null))).isEqualTo(created);
        assertThat(store.createSetType(scope, new NewSetType(false, List.of("a", "b"), "Pairs", "two keys"))).isEqualTo(created);
        assertThatThrownBy(() -> store.createSetType(scope, new NewSetType(false, List.of("a", "b"), "Renamed", null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Set type " + created.id());
        assertThatThrownBy(() -> store.createSetType(scope, new NewSetType(false, List.of("c"), "Pairs", null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'Pairs'");
        SetType orgLevel = store.createSetType(scope, new NewSetType(true, List.of("a", "b"), null, null));
        assertThat(orgLevel.id()).isNotEqualTo(created.id());
        assertThat(store.setTypes(scope)).containsExactly(created, orgLevel);

        SetType elsewhere = store.createSetType(other, new NewSetType(false, List.of("a", "b"), "Pairs", null));
        assertThat(elsewhere.id()).isNotEqualTo(created.id());
        assertThat(store.setType(other, created.id())).isEmpty();
        assertThatThrownBy(() -> store.deleteSetType(other, created.id())).isInstanceOf(NotFoundException.class);
        assertThat(store.setTypes(scope)).hasSize(2);
    }

    @Test
    void theFirstRegistrationOfASetDecidesItsKeysAndTypeLink() {
        SetType users = store.createSetType(scope, new NewSetType(false, List.of("user_id"), "Users", null));
        SetType teams = store.createSetType(scope, new NewSetType(false, List.of("team"), "Teams", null));
        SetInfo first = store.registerSet(scope, "s1", false, List.of("user_id"), users.id());
        assertThat(first.setTypeId()).isEqualTo(users.id());
        assertThat(first.name()).isEqualTo("Users");
        SetInfo again = store.registerSet(scope, "s1", true, List.of("team"), teams.id());
        assertThat(again).isEqualTo(first);

        SetType foreign = store.createSetType(other, new NewSetType(false, List.of("x"), null, null));
        assertThat(store.registerSet(scope, "s2", false, List.of(), foreign.id()).setTypeId())
                .as("a set type of another scope is not linked").isNull();
        assertThat(store.sets(scope)).extracting(SetInfo::setId).containsExactly("s1", "s2");
        assertThat(store.set(other, "s1")).isEmpty();
    }

    @Test
    void configuringAndDisablingNeedARecordedSetOfTheScope() {
        store.registerSet(scope, "s", false, List.of(), null);
        store.configureSet(scope, "s", "nomic", "llama3");
        store.setCategoryDisabled(scope, "s", "profile", true);
        store.setCategoryDisabled(scope, "s", "profile", true);
        store.setCategoryDisabled(scope, "s", "coding", true);
        SetInfo set = store.set(scope, "s").orElseThrow();
        assertThat(set.embedderName()).isEqualTo("nomic");
        assertThat(set.llmName()).isEqualTo("llama3");
        assertThat(set.disabledCategories()).containsExactly("coding", "profile");
        store.setCategoryDisabled(scope, "s", "coding", false);
        assertThat(store.set(scope, "s").orElseThrow().disabledCategories()).containsExactly("profile");

        assertThatThrownBy(() -> store.configureSet(other, "s", "x", null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.setCategoryDisabled(other, "s", "profile", true))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.addCategory(other, "s", category("c"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void categoriesAndTemplatesHaveUniqueNamesPerOwnerAndTheirTagsInOrder() {
        store.registerSet(scope, "s", false, List.of(), null);
        store.registerSet(scope, "t", false, List.of(), null);
        SetType type = store.createSetType(scope, new NewSetType(false, List.of("k"), null, null));
        Category own = store.addCategory(scope, "s", new NewCategory("prefs", "Extract prefs", "what they like"));
        assertThat(own.origin()).isEqualTo(CategoryOrigin.SET_ID);
        assertThat(own.originId()).isEqualTo("s");
        assertThatThrownBy(() -> store.addCategory(scope, "s", category("prefs"))).isInstanceOf(ConflictException.class);
        store.addCategory(scope, "t", category("prefs"));
        Category template = store.addTemplate(scope, type.id(), category("prefs"));
        assertThat(template.origin()).isEqualTo(CategoryOrigin.SET_TYPE);
        assertThat(template.originId()).isEqualTo(type.idString());
        assertThatThrownBy(() -> store.addTemplate(scope, type.id(), category("prefs"))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> store.addTemplate(other, type.id(), category("x"))).isInstanceOf(NotFoundException.class);

        Tag food = store.addTag(scope, own.id(), new NewTag("Food", "what they eat"));
        Tag drink = store.addTag(scope, own.id(), new NewTag("Drink", ""));
        assertThatThrownBy(() -> store.addTag(scope, own.id(), new NewTag("Food", "again")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> store.addTag(other, own.id(), new NewTag("X", "y"))).isInstanceOf(NotFoundException.class);
        assertThat(store.category(scope, own.id()).orElseThrow().tags()).containsExactly(food, drink);
        assertThat(store.setCategories(scope, "s")).extracting(Category::name).containsExactly("prefs");
        assertThat(store.templates(scope, type.id())).containsExactly(template);

        assertThatThrownBy(() -> store.deleteTag(other, food.id())).isInstanceOf(NotFoundException.class);
        store.deleteTag(scope, food.id());
        assertThatThrownBy(() -> store.deleteTag(scope, food.id())).isInstanceOf(NotFoundException.class);
        assertThat(store.category(scope, own.id()).orElseThrow().tags()).containsExactly(drink);
        assertThat(store.category(other, own.id())).isEmpty();
    }

    @Test
    void aTemplateAppliesToTheLinkedSetsThatHaveNoCategoryOfItsName() {
        SetType type = store.createSetType(scope, new NewSetType(false, List.of("team"), null, null));
        Category template = store.addTemplate(scope, type.id(), category("goals"));
        store.registerSet(scope, "red", false, List.of("team"), type.id());
        store.registerSet(scope, "blue", false, List.of("team"), type.id());
        store.registerSet(scope, "loose", false, List.of("team"), null);
        store.addCategory(scope, "blue", category("goals"));
        assertThat(store.categorySetIds(scope, template.id())).contains(List.of("red"));
        assertThat(store.categorySetIds(other, template.id())).isEmpty();
    }

    @Test
    void deletingACategoryDeletesItsFactsInItsSetsOnlyAndRecordsIt() {
        SetType type = store.createSetType(scope, new NewSetType(false, List.of("team"), null, null));
        Category template = store.addTemplate(scope, type.id(), category("goals"));
        store.registerSet(scope, "red", false, List.of("team"), type.id());
        store.registerSet(scope, "blue", false, List.of("team"), type.id());
        store.addCategory(scope, "blue", category("goals"));
        ProfileFact doomed = fact(scope, "red", "goals", "red_goal");
        fact(scope, "red", "profile", "red_profile");
        fact(scope, "blue", "goals", "blue_goal");
        fact(scope, "unlinked", "goals", "unlinked_goal");
        fact(other, "red", "goals", "other_scope_goal");

        assertThatThrownBy(() -> store.deleteCategory(other, template.id(), "test")).isInstanceOf(NotFoundException.class);
        assertThat(store.deleteCategory(scope, template.id(), "test")).isOne();
        assertThat(store.category(scope, template.id())).isEmpty();
        assertThat(factFeatures(scope)).containsExactlyInAnyOrder("red_profile", "blue_goal", "unlinked_goal");
        assertThat(factFeatures(other)).containsExactly("other_scope_goal");
        List<FactChange> history = facts.history(scope, doomed.id());
        assertThat(history).extracting(FactChange::action).containsExactly(FactAction.ADD, FactAction.DELETE);
        assertThat(history.getLast().actor()).isEqualTo("test");
        assertThatThrownBy(() -> store.deleteCategory(scope, template.id(), "test")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deletingASetTypeRemovesItsTemplatesAndLinksButKeepsFacts() {
        SetType type = store.createSetType(scope, new NewSetType(false, List.of("team"), null, null));
        Category template = store.addTemplate(scope, type.id(), category("goals"));
        Tag tag = store.addTag(scope, template.id(), new NewTag("Goal", "a goal"));
        store.registerSet(scope, "red", false, List.of("team"), type.id());
        fact(scope, "red", "goals", "kept");

        store.deleteSetType(scope, type.id());
        assertThat(store.category(scope, template.id())).isEmpty();
        assertThatThrownBy(() -> store.deleteTag(scope, tag.id())).isInstanceOf(NotFoundException.class);
        assertThat(store.set(scope, "red").orElseThrow().setTypeId()).isNull();
        assertThat(factFeatures(scope)).containsExactly("kept");
        assertThatThrownBy(() -> store.deleteSetType(scope, type.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deleteAllForgetsOneScopesConfigurationOnly() {
        for (Scope each : List.of(scope, other)) {
            SetType type = store.createSetType(each, new NewSetType(false, List.of("k"), "T", null));
            store.addTemplate(each, type.id(), category("c"));
            store.registerSet(each, "s", false, List.of("k"), type.id());
            store.setCategoryDisabled(each, "s", "profile", true);
            store.addTag(each, store.addCategory(each, "s", category("own")).id(), new NewTag("t", "d"));
        }
        store.deleteAll(scope);
        assertThat(store.setTypes(scope)).isEmpty();
        assertThat(store.sets(scope)).isEmpty();
        assertThat(store.setCategories(scope, "s")).isEmpty();
        assertThat(store.setTypes(other)).hasSize(1);
        assertThat(store.set(other, "s").orElseThrow().disabledCategories()).containsExactly("profile");
        assertThat(store.setCategories(other, "s")).singleElement().satisfies(c -> assertThat(c.tags()).hasSize(1));
    }
}
