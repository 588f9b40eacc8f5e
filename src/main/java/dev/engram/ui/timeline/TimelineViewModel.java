package dev.engram.ui.timeline;

import dev.engram.core.episode.Episode;
import dev.engram.core.episode.Neighbours;
import dev.engram.core.episode.Order;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.memory.BulkDeletion;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.FilterSyntaxException;
import dev.engram.core.scope.Scope;
import dev.engram.ui.scope.ScopeModel;
import dev.engram.ui.support.LongWork;
import dev.engram.ui.support.State;
import dev.engram.ui.support.UiExecutors;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The timeline of the scope's episodes: filters, a per-day histogram, a paged list grouped by
 * day (loaded a page at a time as the list scrolls, so 100k episodes stay smooth), and the
 * selected episode with its conversation, metadata and the facts that cite it.
 */
public final class TimelineViewModel {
    static final int PAGE = 200;
    static final int TEXT_MATCHES = 500;
    static final int CONTEXT = 3;

    // --- properties: filters -------------------------------------------------------------------
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty producer = new SimpleStringProperty("");
    private final StringProperty producedFor = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty expression = new SimpleStringProperty("");
    private final BooleanProperty newestFirst = new SimpleBooleanProperty(true);
    // --- properties: results -------------------------------------------------------------------
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LocalDate> anchor = new ReadOnlyObjectWrapper<>();
    private final ObservableList<TimelineRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SortedMap<LocalDate, Long>> histogram = new ReadOnlyObjectWrapper<>(new TreeMap<>());
    // --- properties: selection -----------------------------------------------------------------
    private final ReadOnlyObjectWrapper<Episode> selected = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Episode> conversation = FXCollections.observableArrayList();
    private final ObservableList<ProfileFact> citing = FXCollections.observableArrayList();
    private final StringProperty draft = new SimpleStringProperty("");

    private final ScopeModel scope;
    private final MemoryService memory;
    private final UiExecutors executors;
    private final LongWork work;
    private final ZoneId zone;
    private Runnable onChanged = () -> { };
    private long generation;
    private int loaded;
    private boolean exhausted;
    private boolean loading;
    private TimelineQuery current;
    private Scope shownScope;

    public TimelineViewModel(ScopeModel scope, MemoryService memory, UiExecutors executors, LongWork work, ZoneId zone) {
        this.scope = scope;
        this.memory = memory;
        this.executors = executors;
        this.work = work;
        this.zone = zone;
        List.of(text, producer, producedFor, expression).forEach(p -> p.addListener((o, a, b) -> reload()));
        from.addListener((o, a, b) -> reload());
        to.addListener((o, a, b) -> reload());
        newestFirst.addListener((o, a, b) -> reload());
        scope.scopeProperty().addListener((o, a, b) -> {
            select(null);
            anchor.set(null);
            reload();
        });
    }

    // --- accessors -----------------------------------------------------------------------------
    public StringProperty textProperty() {
        return text;
    }

    public StringProperty producerProperty() {
        return producer;
    }

    public StringProperty producedForProperty() {
        return producedFor;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public StringProperty expressionProperty() {
        return expression;
    }

    public BooleanProperty newestFirstProperty() {
        return newestFirst;
    }

    /** The filter expression's error with its position, or "" when it is valid. */
    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The day the list was moved to from the histogram, or null when it starts at the beginning. */
    public ReadOnlyObjectProperty<LocalDate> anchorProperty() {
        return anchor.getReadOnlyProperty();
    }

    public ObservableList<TimelineRow> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<SortedMap<LocalDate, Long>> histogramProperty() {
        return histogram.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Episode> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected episode with its neighbours, in time order. */
    public ObservableList<Episode> conversation() {
        return conversation;
    }

    public ObservableList<ProfileFact> citing() {
        return citing;
    }

    /** The edited text of the selected episode. */
    public StringProperty draftProperty() {
        return draft;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Called after episodes were deleted here (the status bar recounts). */
    public void setOnChanged(Runnable onChanged) {
        this.onChanged = onChanged;
    }

    // --- commands ------------------------------------------------------------------------------

    /** Runs the query again from the first page (and recounts the histogram). */
    public void reload() {
        TimelineQuery query = new TimelineQuery(text.get(), producer.get(), producedFor.get(), from.get(), to.get(),
                expression.get(), anchor.get(), newestFirst.get());
        Filter filter;
        Filter unanchored;
        try {
            filter = query.filter(zone);
            unanchored = query.unanchored().filter(zone);
            filterError.set("");
        } catch (FilterSyntaxException e) {
            filterError.set(e.getMessage());
            return;
        } catch (dev.engram.core.InvalidInputException e) {
            filterError.set(e.getMessage());
            return;
        }
        Scope target = scope.scope();
        if (!query.equals(current) || !java.util.Objects.equals(target, shownScope)) {
            select(null); // other filters or another scope: the selected episode may not be among the rows any more
        }
        shownScope = target;
        long run = ++generation;
        current = query;
        loaded = 0;
        exhausted = false;
        loading = true;
        rows.clear();
        if (target == null) {
            histogram.set(new TreeMap<>());
            summary.set("");
            loading = false;
            return;
        }
        state.set(State.WORKING);
        executors.run(() -> firstPage(target, query, filter, unanchored), page -> {
            if (run != generation) {
                return;
            }
            histogram.set(page.days());
            summary.set(page.summary());
            append(page.episodes());
            exhausted = page.exhausted();
            loading = false;
            state.set(State.IDLE);
        }, failure -> failed(run, failure));
    }

    private record Page(SortedMap<LocalDate, Long> days, List<Episode> episodes, boolean exhausted, String summary) {
    }

    private Page firstPage(Scope target, TimelineQuery query, Filter filter, Filter unanchored) {
        SortedMap<LocalDate, Long> days = memory.episodes().countsByDay(target, unanchored, zone);
        long total = days.values().stream().mapToLong(Long::longValue).sum();
        if (hasText(query)) {
            List<Episode> matches = new ArrayList<>(memory.episodes().matching(target, query.text(), filter, TEXT_MATCHES));
            Comparator<Episode> byTime = Comparator.comparing(Episode::createdAt).thenComparingLong(Episode::uid);
            matches.sort(query.newestFirst() ? byTime.reversed() : byTime);
            String note = matches.size() == TEXT_MATCHES ? "the best " + TEXT_MATCHES + " matches" : matches.size() + " matches";
            return new Page(days, matches, true, note + " for \"" + query.text().strip() + "\" among " + total + " episodes");
        }
        List<Episode> first = memory.episodes().page(target, filter, new PageRequest(PAGE, 0),
                query.newestFirst() ? Order.NEWEST_FIRST : Order.OLDEST_FIRST);
        return new Page(days, first, first.size() < PAGE, String.format("%,d episodes", total));
    }

    /** Loads the next page when the list scrolls near its end. */
    public void loadMore() {
        Scope target = scope.scope();
        if (loading || exhausted || target == null || current == null) {
            return;
        }
        loading = true;
        long run = generation;
        TimelineQuery query = current;
        Episode last = lastLoaded();
        if (last == null) {
            loading = false;
            return;
        }
        executors.run(() -> memory.episodes().page(target, query.after(last, zone), new PageRequest(PAGE, 0),
                query.newestFirst() ? Order.NEWEST_FIRST : Order.OLDEST_FIRST), page -> {
            if (run != generation) {
                return;
            }
            append(page);
            exhausted = page.size() < PAGE;
            loading = false;
        }, failure -> failed(run, failure));
    }

    private Episode lastLoaded() {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i) instanceof TimelineRow.Item item) {
                return item.episode();
            }
        }
        return null;
    }

    private void append(List<Episode> episodes) {
        loaded += episodes.size();
        rows.addAll(TimelineRows.grouped(rows, episodes, histogram.get(), zone));
    }

    private LocalDate day(Episode episode) {
        return episode.createdAt().atZone(zone).toLocalDate();
    }

    private void failed(long run, Throwable failure) {
        if (run == generation) {
            loading = false;
            error.set(failure.getMessage());
            state.set(State.ERROR);
        }
    }

    /** Moves the list to a day (from the histogram). */
    public void jumpTo(LocalDate day) {
        anchor.set(day);
        reload();
    }

    public void clearAnchor() {
        anchor.set(null);
        reload();
    }

    /** Shows an episode and its surroundings; null clears the selection. */
    public void select(Episode episode) {
        selected.set(episode);
        conversation.clear();
        citing.clear();
        draft.set(episode == null ? "" : episode.content());
        Scope target = scope.scope();
        if (episode == null || target == null) {
            return;
        }
        executors.run(() -> new Details(memory.episodes().neighbours(target, episode.uid(), CONTEXT, CONTEXT),
                memory.profile().citing(target, episode.uid())), details -> {
            if (episode.equals(selected.get())) {
                List<Episode> around = new ArrayList<>(details.around().before().reversed());
                around.add(episode);
                around.addAll(details.around().after());
                conversation.setAll(around);
                citing.setAll(details.facts());
            }
        }, failure -> error.set(failure.getMessage()));
    }

    private record Details(Neighbours around, List<ProfileFact> facts) {
    }

    /** Opens an episode by uid (from the chat's context panel or a fact's citation). */
    public void open(long uid) {
        Scope target = scope.scope();
        if (target == null) {
            return;
        }
        executors.run(() -> memory.episodes().get(target, uid), episode -> {
            text.set("");
            jumpTo(day(episode));
            select(episode);
        }, failure -> error.set(failure.getMessage()));
    }

    /** Saves the edited content of the selected episode (the old text is kept as a revision). */
    public void saveEdit() {
        Episode episode = selected.get();
        Scope target = scope.scope();
        if (episode == null || target == null || draft.get().equals(episode.content())) {
            return;
        }
        String content = draft.get();
        executors.run(() -> memory.episodes().edit(target, episode.uid(), content), edited -> {
            replace(edited);
            select(edited);
        }, failure -> error.set(failure.getMessage()));
    }

    /** Deletes the selected episode (the view asks for confirmation first). */
    public void delete() {
        Episode episode = selected.get();
        Scope target = scope.scope();
        if (episode == null || target == null) {
            return;
        }
        executors.run(() -> {
            memory.deleteEpisodes(target, List.of(episode.uid()), "user");
            return episode;
        }, deleted -> {
            removeRow(deleted);
            select(null);
            onChanged.run();
        }, failure -> error.set(failure.getMessage()));
    }

    /**
     * How many episodes {@link #deleteShown} would delete: all that match the filters (the list
     * is loaded page by page, so this is more than the rows loaded so far), or the text search's
     * matches when there is a text query.
     */
    public long shownCount() {
        if (current == null || !filterError.get().isEmpty()) {
            return 0;
        }
        if (hasText(current)) {
            return rows.stream().filter(TimelineRow.Item.class::isInstance).count();
        }
        return histogram.get().values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Deletes every episode {@link #shownCount} counts, in batches, as long work with progress
     * and cancel (the view asks for confirmation first). Returns false, starting nothing, while
     * other long work runs or nothing is shown.
     */
    public boolean deleteShown() {
        Scope target = scope.scope();
        TimelineQuery query = current;
        if (target == null || query == null || shownCount() == 0) {
            return false;
        }
        BulkDeletion deletion = new BulkDeletion(memory);
        List<Long> matched = rows.stream().filter(TimelineRow.Item.class::isInstance)
                .map(row -> ((TimelineRow.Item) row).episode().uid()).toList();
        Filter filter = query.unanchored().filter(zone);
        boolean started = work.start("Deleting episodes", (progress, cancel) -> hasText(query)
                        ? deletion.delete(target, matched, "user", progress, cancel)
                        : deletion.deleteMatching(target, filter, "user", progress, cancel),
                outcome -> String.format(outcome.cancelled() ? "Cancelled: %,d of %,d episodes deleted"
                        : "Deleted %,d of %,d episodes", outcome.deleted(), outcome.matched()),
                outcome -> {
                    select(null);
                    reload();
                    onChanged.run();
                });
        if (!started) {
            error.set("Other work is running; try again when it has finished.");
        }
        return started;
    }

    private static boolean hasText(TimelineQuery query) {
        return query.text() != null && !query.text().isBlank();
    }

    /** Takes a deleted episode out of the list and the counts without reloading (the list keeps its place). */
    private void removeRow(Episode deleted) {
        histogram.set(TimelineRows.remove(rows, deleted, histogram.get(), zone));
        loaded = Math.max(0, loaded - 1);
    }

    private void replace(Episode edited) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) instanceof TimelineRow.Item item && item.episode().uid() == edited.uid()) {
                rows.set(i, new TimelineRow.Item(edited));
            }
        }
    }
}
