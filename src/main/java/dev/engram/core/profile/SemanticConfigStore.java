package dev.engram.core.profile;

import dev.engram.core.scope.Scope;
import java.util.List;
import java.util.Optional;

/**
 * Where the semantic configuration lives: set types, configured sets, categories (owned by a
 * set or, as templates, by a set type) and their tags. Everything belongs to one scope: an id of
 * another scope is "not found" (MemMachine used global ids). Every call is one transaction.
 * Unknown ids throw NotFoundException; a second category, tag or set type of the same name
 * under one owner throws ConflictException.
 */
public interface SemanticConfigStore {

    /**
     * Creates a set type. One with the same level and keys is returned as it is when the name and
     * description asked for are absent or the same (creating is repeatable, as in MemMachine);
     * otherwise, or when another set type has the name, ConflictException.
     */
    SetType createSetType(Scope scope, NewSetType type);

    List<SetType> setTypes(Scope scope);

    Optional<SetType> setType(Scope scope, long id);

    /** Deletes a set type, its templates with their tags and its links to sets; facts stay. */
    void deleteSetType(Scope scope, long id);

    /**
     * Records a set; the first registration decides its level and keys. Links it to
     * {@code setTypeId} unless it is linked already (null: no link). Returns the set as stored.
     */
    SetInfo registerSet(Scope scope, String setId, boolean orgLevel, List<String> tags, Long setTypeId);

    Optional<SetInfo> set(Scope scope, String setId);

    /** The scope's recorded sets, by set id. */
    List<SetInfo> sets(Scope scope);

    /** Records the embedder and language model names of a recorded set (null clears one). */
    void configureSet(Scope scope, String setId, String embedderName, String llmName);

    /** Disables or enables a category name on a recorded set; repeating is harmless. */
    void setCategoryDisabled(Scope scope, String setId, String categoryName, boolean disabled);

    /** Adds a category owned by a recorded set. */
    Category addCategory(Scope scope, String setId, NewCategory category);

    /** Adds a category template to a set type. */
    Category addTemplate(Scope scope, long setTypeId, NewCategory category);

    Optional<Category> category(Scope scope, long id);

    /** The categories a set owns, by id. */
    List<Category> setCategories(Scope scope, String setId);

    /** The templates of a set type, by id. */
    List<Category> templates(Scope scope, long setTypeId);

    /**
     * The sets a category applies to: its own set, or for a template every set linked to its set
     * type that has no category of the same name of its own. Empty for an unknown id.
     */
    Optional<List<String>> categorySetIds(Scope scope, long id);

    /**
     * Deletes a category, its tags, and the facts of its name in the sets it applies to (each
     * deletion in the facts' history under {@code actor}), all in one transaction. Returns how
     * many facts were deleted.
     */
    long deleteCategory(Scope scope, long id, String actor);

    Tag addTag(Scope scope, long categoryId, NewTag tag);

    void deleteTag(Scope scope, long tagId);

    /** Forgets the scope's whole configuration (a deleted project). */
    void deleteAll(Scope scope);
}
