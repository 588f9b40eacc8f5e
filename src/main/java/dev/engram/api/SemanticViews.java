package dev.engram.api;

import dev.engram.core.profile.Category;
import dev.engram.core.profile.CategoryRef;
import dev.engram.core.profile.SetInfo;
import dev.engram.core.profile.SetType;
import dev.engram.core.profile.Tag;
import java.util.LinkedHashMap;
import java.util.Map;

/** MemMachine's semantic configuration shapes (ids as strings; null fields are omitted on output). */
final class SemanticViews {
    private SemanticViews() {
    }

    /** SemanticSetTypeEntry. */
    static Map<String, Object> setType(SetType type) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", type.idString());
        out.put("is_org_level", type.orgLevel());
        out.put("tags", type.tags());
        out.put("name", type.name());
        out.put("description", type.description());
        return compact(out);
    }

    /** SemanticSetEntry. */
    static Map<String, Object> set(SetInfo set) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", set.setId());
        out.put("is_org_level", set.orgLevel());
        out.put("tags", set.tags());
        out.put("name", set.name());
        out.put("description", set.description());
        return compact(out);
    }

    /** Engram's {@code set/get}: the entry plus its type, recorded model names and disabled categories. */
    static Map<String, Object> setDetails(SetInfo set) {
        Map<String, Object> out = set(set);
        out.put("set_type_id", set.setTypeIdString());
        out.put("embedder_name", set.embedderName());
        out.put("llm_name", set.llmName());
        out.put("disabled_categories", set.disabledCategories());
        return compact(out);
    }

    /** SemanticCategoryEntry, with (Engram additions) its origin and tags. */
    static Map<String, Object> category(Category category) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", category.idString());
        out.put("name", category.name());
        out.put("prompt", category.prompt());
        out.put("description", category.description());
        out.put("origin_type", category.origin().wireName());
        out.put("origin_id", category.originId());
        out.put("tags", category.tags().stream().map(SemanticViews::tag).toList());
        return compact(out);
    }

    /** SemanticCategoryTemplateEntry. */
    static Map<String, Object> template(Category category) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", category.idString());
        out.put("name", category.name());
        out.put("origin_type", category.origin().wireName());
        out.put("origin_id", category.originId());
        out.put("inherited", true);
        return compact(out);
    }

    /** A category as it applies to a set ({@code category/list}, an Engram addition). */
    static Map<String, Object> ref(CategoryRef ref) {
        Map<String, Object> out = category(ref.category());
        Object tags = out.remove("tags");
        out.put("inherited", ref.inherited());
        out.put("enabled", ref.enabled());
        out.put("tags", tags);
        return compact(out);
    }

    /** Null fields are left out, as in every Engram response. */
    private static Map<String, Object> compact(Map<String, Object> out) {
        out.values().removeIf(java.util.Objects::isNull);
        return out;
    }

    static Map<String, Object> tag(Tag tag) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", tag.id() == null ? null : Long.toString(tag.id()));
        out.put("name", tag.name());
        out.put("description", tag.description());
        return compact(out);
    }
}
