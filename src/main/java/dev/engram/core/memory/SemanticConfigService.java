package dev.engram.core.memory;

import dev.engram.core.NotFoundException;
import dev.engram.core.profile.BuiltInCategories;
import dev.engram.core.profile.Category;
import dev.engram.core.profile.CategoryRef;
import dev.engram.core.profile.ConfigText;
import dev.engram.core.profile.NewCategory;
import dev.engram.core.profile.NewSetType;
import dev.engram.core.profile.NewTag;
import dev.engram.core.profile.SemanticConfigStore;
import dev.engram.core.profile.SetIdRules;
import dev.engram.core.profile.SetIds;
import dev.engram.core.profile.SetInfo;
import dev.engram.core.profile.SetType;
import dev.engram.core.profile.Tag;
import dev.engram.core.scope.Ids;
import dev.engram.core.scope.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * MemMachine's semantic configuration, scoped: set types, set ids, categories, templates and
 * tags of one org/project. A set is known when it was recorded (by {@code set_id/get} or by being
 * configured) or is one of the project's default sets (the project's set, a user's set); any
 * other set id is "not found". The categories that apply to a set are its own, its set type's
 * templates and the built-in ones, each name once (own before template before built-in), less
 * the ones the set disabled.
 */
public final class SemanticConfigService {
    private final SemanticConfigStore store;

    public SemanticConfigService(SemanticConfigStore store) {
        this.store = store;
    }

    public SetType createSetType(Scope scope, NewSetType type) {
        return store.createSetType(scope, type);
    }

    public List<SetType> setTypes(Scope scope) {
        return store.setTypes(scope);
    }

    public void deleteSetType(Scope scope, long id) {
        store.deleteSetType(scope, id);
    }

    /**
     * The id of the set that the values of {@code tagKeys} in {@code setMetadata} name (keys
     * without a value are left out, as in MemMachine), recorded and linked to the set type of
     * the same level and keys if there is one. Deterministic: the same keys and values always
     * give the same id. Engram keeps every set in its project, org-level or not.
     */
    public String setId(Scope scope, boolean orgLevel, List<String> tagKeys, Map<String, String> setMetadata) {
        Map<String, String> values = new TreeMap<>();
        for (int i = 0; i < tagKeys.size(); i++) {
            Ids.requireMetadataKey("metadata_tags." + i, tagKeys.get(i));
        }
        for (String key : tagKeys) {
            String value = setMetadata.get(key);
            if (value != null) {
                values.put(key, SetIdRules.requireValue("set_metadata." + key, value));
            }
        }
        String setId = SetIdRules.requireMadeIdFits("set_metadata", SetIds.customSet(scope, values));
        Set<String> keys = new HashSet<>(tagKeys);
        Long typeId = store.setTypes(scope).stream()
                .filter(t -> t.orgLevel() == orgLevel && new HashSet<>(t.tags()).equals(keys))
                .map(SetType::id).findFirst().orElse(null);
        store.registerSet(scope, setId, orgLevel, List.copyOf(values.keySet()), typeId);
        return setId;
    }

    /**
     * Without metadata: the project's set and every recorded set. With metadata: the sets an
     * episode with that metadata feeds, as MemMachine lists them: one per set type whose keys
     * the metadata has, the user's set for a {@code producer_id}, and the project's set.
     */
    public List<SetInfo> sets(Scope scope, Map<String, String> setMetadata) {
        setMetadata.forEach((key, value) -> {
            Ids.requireMetadataKey("set_metadata", key);
            SetIdRules.requireValue("set_metadata." + key, value);
        });
        Map<String, SetInfo> out = new LinkedHashMap<>();
        if (setMetadata.isEmpty()) {
            out.put(SetIds.projectSet(scope), set(scope, SetIds.projectSet(scope)));
            store.sets(scope).forEach(s -> out.putIfAbsent(s.setId(), s));
            return List.copyOf(out.values());
        }
        for (SetType type : store.setTypes(scope)) {
            if (!setMetadata.keySet().containsAll(type.tags())) {
                continue;
            }
            Map<String, String> values = new TreeMap<>();
            type.tags().forEach(key -> values.put(key, setMetadata.get(key)));
            String setId = SetIds.customSet(scope, values);
            out.putIfAbsent(setId, store.set(scope, setId).orElseGet(() -> new SetInfo(setId, type.orgLevel(),
                    type.tags(), type.id(), type.name(), type.description(), null, null, List.of())));
        }
        String producer = setMetadata.get(SetIds.PRODUCER_KEY);
        if (producer != null) {
            String userSet = SetIds.userSet(scope, producer);
            out.putIfAbsent(userSet, set(scope, userSet));
        }
        out.putIfAbsent(SetIds.projectSet(scope), set(scope, SetIds.projectSet(scope)));
        return List.copyOf(out.values());
    }

    /** A known set of the scope, recorded or default; NotFoundException otherwise. */
    public SetInfo set(Scope scope, String setId) {
        return store.set(scope, setId).orElseGet(() -> defaultSet(scope, setId).orElseThrow(() -> new NotFoundException(
                "Set '" + SetIdRules.shown(setId) + "' not found in " + scope + "; get a set id with set_id/get first")));
    }

    /** Records the names (MemMachine's set/configure replaces both; they have no effect yet). */
    public void configureSet(Scope scope, String setId, String embedderName, String llmName) {
        String embedder = embedderName == null ? null : ConfigText.name("embedder_name", embedderName);
        String llm = llmName == null ? null : ConfigText.name("llm_name", llmName);
        record(scope, setId);
        store.configureSet(scope, setId, embedder, llm);
    }

    public Category addCategory(Scope scope, String setId, NewCategory category) {
        record(scope, setId);
        return store.addCategory(scope, setId, category);
    }

    public Category addTemplate(Scope scope, long setTypeId, NewCategory category) {
        return store.addTemplate(scope, setTypeId, category);
    }

    public Category category(Scope scope, long id) {
        return store.category(scope, id).orElseThrow(() -> categoryNotFound(scope, id));
    }

    public List<Category> templates(Scope scope, long setTypeId) {
        store.setType(scope, setTypeId).orElseThrow(() -> new NotFoundException(
                "Set type " + setTypeId + " not found in " + scope));
        return store.templates(scope, setTypeId);
    }

    /** Every category that applies to the set, with where it comes from and whether it is enabled. */
    public List<CategoryRef> categories(Scope scope, String setId) {
        SetInfo set = set(scope, setId);
        Map<String, CategoryRef> byName = new LinkedHashMap<>();
        Set<String> disabled = new HashSet<>(set.disabledCategories());
        store.setCategories(scope, setId).forEach(c -> byName.put(c.name(), new CategoryRef(c, false,
                !disabled.contains(c.name()))));
        List<Category> inherited = new ArrayList<>();
        if (set.setTypeId() != null) {
            inherited.addAll(store.templates(scope, set.setTypeId()));
        }
        inherited.addAll(BuiltInCategories.on(scope, setId));
        inherited.forEach(c -> byName.putIfAbsent(c.name(), new CategoryRef(c, true, !disabled.contains(c.name()))));
        return List.copyOf(byName.values());
    }

    /** Stops a category that applies to the set (own, inherited or built-in) from running on it. */
    public void disable(Scope scope, String setId, String categoryName) {
        ConfigText.name("category_name", categoryName);
        if (categories(scope, setId).stream().noneMatch(c -> c.category().name().equals(categoryName))) {
            throw new NotFoundException("No category named '" + SetIdRules.shown(categoryName) + "' applies to set '"
                    + SetIdRules.shown(setId) + "' in " + scope);
        }
        record(scope, setId);
        store.setCategoryDisabled(scope, setId, categoryName, true);
    }

    /** Undoes {@link #disable} (an Engram addition). */
    public void enable(Scope scope, String setId, String categoryName) {
        ConfigText.name("category_name", categoryName);
        boolean known = set(scope, setId).disabledCategories().contains(categoryName)
                || categories(scope, setId).stream().anyMatch(c -> c.category().name().equals(categoryName));
        if (!known) {
            throw new NotFoundException("No category named '" + SetIdRules.shown(categoryName) + "' applies to set '"
                    + SetIdRules.shown(setId) + "' in " + scope);
        }
        if (store.set(scope, setId).isPresent()) {
            store.setCategoryDisabled(scope, setId, categoryName, false);
        }
    }

    public List<String> categorySetIds(Scope scope, long id) {
        return store.categorySetIds(scope, id).orElseThrow(() -> categoryNotFound(scope, id));
    }

    /** Deletes the category, its tags and its facts in the sets it applies to; returns the fact count. */
    public long deleteCategory(Scope scope, long id, String actor) {
        return store.deleteCategory(scope, id, actor);
    }

    public Tag addTag(Scope scope, long categoryId, NewTag tag) {
        return store.addTag(scope, categoryId, tag);
    }

    public void deleteTag(Scope scope, long tagId) {
        store.deleteTag(scope, tagId);
    }

    public void deleteAll(Scope scope) {
        store.deleteAll(scope);
    }

    /** Records a known set before something is attached to it. */
    private void record(Scope scope, String setId) {
        SetInfo set = set(scope, setId);
        if (store.set(scope, setId).isEmpty()) {
            store.registerSet(scope, setId, set.orgLevel(), set.tags(), null);
        }
    }

    private static Optional<SetInfo> defaultSet(Scope scope, String setId) {
        if (setId.equals(SetIds.projectSet(scope))) {
            return Optional.of(SetInfo.unconfigured(setId, false, List.of()));
        }
        return SetIds.producerOf(scope, setId).map(p -> SetInfo.unconfigured(setId, false, List.of(SetIds.PRODUCER_KEY)));
    }

    private static NotFoundException categoryNotFound(Scope scope, long id) {
        return new NotFoundException("Category " + id + " not found in " + scope);
    }
}
