package dev.engram.store.h2;

import dev.engram.core.ConflictException;
import dev.engram.core.NotFoundException;
import dev.engram.core.profile.Category;
import dev.engram.core.profile.CategoryOrigin;
import dev.engram.core.profile.FactAction;
import dev.engram.core.profile.NewCategory;
import dev.engram.core.profile.NewSetType;
import dev.engram.core.profile.NewTag;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.profile.SemanticConfigStore;
import dev.engram.core.profile.SetIdRules;
import dev.engram.core.profile.SetInfo;
import dev.engram.core.profile.SetType;
import dev.engram.core.profile.Tag;
import dev.engram.core.scope.Scope;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SemanticConfigStore} on the profile database. Every call is one short transaction
 * whose statements all restrict to the scope. Deleting a category deletes its facts in the same
 * transaction, each deletion in the facts' history.
 */
public final class H2SemanticConfigStore implements SemanticConfigStore {
    private final Transactions tx;
    private final Clock clock;
    private final SetTypeSql types = new SetTypeSql();
    private final SemanticSetSql sets = new SemanticSetSql();
    private final CategorySql categories = new CategorySql();
    private final FactReads facts = new FactReads();
    private final FactWrites factWrites = new FactWrites();
    private final FactHistoryLog history = new FactHistoryLog();

    public H2SemanticConfigStore(H2Database database, Clock clock) {
        this.tx = new Transactions(Objects.requireNonNull(database, "database"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SetType createSetType(Scope scope, NewSetType type) {
        return tx.write(c -> {
            Optional<SetType> same = types.byKeys(c, scope, type.orgLevel(), type.tags());
            if (same.isPresent()) {
                SetType existing = same.get();
                boolean agrees = (type.name() == null || type.name().equals(existing.name()))
                        && (type.description() == null || type.description().equals(existing.description()));
                if (!agrees) {
                    throw new ConflictException("Set type " + existing.id() + " already has these metadata tags"
                            + (existing.name() == null ? "" : " (named '" + existing.name() + "')") + " in " + scope);
                }
                return existing;
            }
            if (type.name() != null && types.byName(c, scope, type.name()).isPresent()) {
                throw nameTaken("A set type", type.name(), "in " + scope);
            }
            long id = SqlSupport.unique(() -> types.insert(c, scope, type), () -> nameTaken("A set type", type.name(), "in " + scope));
            return types.byId(c, scope, id).orElseThrow();
        });
    }

    @Override
    public List<SetType> setTypes(Scope scope) {
        return tx.read(c -> types.all(c, scope));
    }

    @Override
    public Optional<SetType> setType(Scope scope, long id) {
        return tx.read(c -> types.byId(c, scope, id));
    }

    @Override
    public void deleteSetType(Scope scope, long id) {
        tx.write(c -> {
            if (types.delete(c, scope, id) == 0) {
                throw setTypeNotFound(scope, id);
            }
            return null;
        });
    }

    @Override
    public SetInfo registerSet(Scope scope, String setId, boolean orgLevel, List<String> tags, Long setTypeId) {
        return tx.write(c -> {
            sets.insertIfAbsent(c, scope, setId, orgLevel, tags, now());
            if (setTypeId != null && types.byId(c, scope, setTypeId).isPresent()) {
                sets.linkIfUnlinked(c, scope, setId, setTypeId);
            }
            return sets.byId(c, scope, setId).orElseThrow();
        });
    }

    @Override
    public Optional<SetInfo> set(Scope scope, String setId) {
        return tx.read(c -> sets.byId(c, scope, setId));
    }

    @Override
    public List<SetInfo> sets(Scope scope) {
        return tx.read(c -> sets.all(c, scope));
    }

    @Override
    public void configureSet(Scope scope, String setId, String embedderName, String llmName) {
        tx.write(c -> {
            if (sets.configure(c, scope, setId, embedderName, llmName) == 0) {
                throw setNotFound(scope, setId);
            }
            return null;
        });
    }

    @Override
    public void setCategoryDisabled(Scope scope, String setId, String categoryName, boolean disabled) {
        tx.write(c -> {
            if (sets.byId(c, scope, setId).isEmpty()) {
                throw setNotFound(scope, setId);
            }
            sets.setDisabled(c, scope, setId, categoryName, disabled);
            return null;
        });
    }

    @Override
    public Category addCategory(Scope scope, String setId, NewCategory category) {
        return tx.write(c -> {
            if (sets.byId(c, scope, setId).isEmpty()) {
                throw setNotFound(scope, setId);
            }
            return insertCategory(c, scope, categories.ofSet(c, scope, setId), setId, null, category,
                    "on set '" + SetIdRules.shown(setId) + "' in " + scope);
        });
    }

    @Override
    public Category addTemplate(Scope scope, long setTypeId, NewCategory category) {
        return tx.write(c -> {
            if (types.byId(c, scope, setTypeId).isEmpty()) {
                throw setTypeNotFound(scope, setTypeId);
            }
            return insertCategory(c, scope, categories.ofType(c, scope, setTypeId), null, setTypeId, category,
                    "on set type " + setTypeId + " in " + scope);
        });
    }

    /** Inserts a category unless its owner (with {@code siblings}) has one of that name. */
    private Category insertCategory(Connection c, Scope scope, List<Category> siblings, String setId, Long setTypeId,
                                    NewCategory category, String where) throws SQLException {
        if (siblings.stream().anyMatch(k -> k.name().equals(category.name()))) {
            throw nameTaken("A category", category.name(), where);
        }
        long id = SqlSupport.unique(() -> categories.insert(c, scope, setId, setTypeId, category),
                () -> nameTaken("A category", category.name(), where));
        return categories.byId(c, scope, id).orElseThrow();
    }

    @Override
    public Optional<Category> category(Scope scope, long id) {
        return tx.read(c -> categories.byId(c, scope, id));
    }

    @Override
    public List<Category> setCategories(Scope scope, String setId) {
        return tx.read(c -> categories.ofSet(c, scope, setId));
    }

    @Override
    public List<Category> templates(Scope scope, long setTypeId) {
        return tx.read(c -> categories.ofType(c, scope, setTypeId));
    }

    @Override
    public Optional<List<String>> categorySetIds(Scope scope, long id) {
        return tx.read(c -> {
            Optional<Category> category = categories.byId(c, scope, id);
            return category.isEmpty() ? Optional.empty() : Optional.of(appliesTo(c, scope, category.get()));
        });
    }

    @Override
    public long deleteCategory(Scope scope, long id, String actor) {
        Objects.requireNonNull(actor, "actor");
        return tx.write(c -> {
            Category category = categories.byId(c, scope, id).orElseThrow(() -> categoryNotFound(scope, id));
            List<ProfileFact> doomed = facts.byIds(c, scope, facts.ofCategory(c, scope, appliesTo(c, scope, category),
                    category.name()), true);
            Instant now = now();
            for (ProfileFact fact : doomed) {
                history.record(c, scope, fact.id(), FactAction.DELETE, fact, null, actor, now);
            }
            factWrites.delete(c, scope, doomed.stream().map(ProfileFact::id).toList());
            categories.delete(c, scope, id);
            return (long) doomed.size();
        });
    }

    @Override
    public Tag addTag(Scope scope, long categoryId, NewTag tag) {
        return tx.write(c -> {
            Category category = categories.byId(c, scope, categoryId).orElseThrow(() -> categoryNotFound(scope, categoryId));
            if (category.tags().stream().anyMatch(t -> t.name().equals(tag.name()))) {
                throw new ConflictException("Category " + categoryId + " already has a tag named '" + tag.name() + "'");
            }
            long id = SqlSupport.unique(() -> categories.insertTag(c, categoryId, tag), () -> new ConflictException(
                    "Category " + categoryId + " already has a tag named '" + tag.name() + "'"));
            return new Tag(id, tag.name(), tag.description());
        });
    }

    @Override
    public void deleteTag(Scope scope, long tagId) {
        tx.write(c -> {
            if (categories.deleteTag(c, scope, tagId) == 0) {
                throw new NotFoundException("Tag " + tagId + " not found in " + scope);
            }
            return null;
        });
    }

    @Override
    public void deleteAll(Scope scope) {
        tx.write(c -> {
            categories.deleteAll(c, scope);
            sets.deleteAll(c, scope);
            return null;
        });
    }

    private List<String> appliesTo(Connection c, Scope scope, Category category) throws SQLException {
        return category.origin() == CategoryOrigin.SET_ID ? List.of(category.originId())
                : sets.linkedWithout(c, scope, Long.parseLong(category.originId()), category.name());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static ConflictException nameTaken(String what, String name, String where) {
        return new ConflictException(what + " named '" + name + "' already exists " + where);
    }

    private static NotFoundException setTypeNotFound(Scope scope, long id) {
        return new NotFoundException("Set type " + id + " not found in " + scope);
    }

    private static NotFoundException setNotFound(Scope scope, String setId) {
        return new NotFoundException("Set '" + SetIdRules.shown(setId) + "' not found in " + scope);
    }

    private static NotFoundException categoryNotFound(Scope scope, long id) {
        return new NotFoundException("Category " + id + " not found in " + scope);
    }
}
