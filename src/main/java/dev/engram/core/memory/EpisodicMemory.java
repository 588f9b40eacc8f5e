package dev.engram.core.memory;

import dev.engram.core.NotFoundException;
import dev.engram.core.episode.Episode;
import dev.engram.core.episode.EpisodeDraft;
import dev.engram.core.episode.EpisodeRevision;
import dev.engram.core.episode.EpisodeStore;
import dev.engram.core.episode.EpisodeText;
import dev.engram.core.episode.EpisodicSearch;
import dev.engram.core.episode.Hit;
import dev.engram.core.episode.Neighbours;
import dev.engram.core.episode.Order;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.episode.ScoredEpisode;
import dev.engram.core.ingest.Embedder;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Episodic memory use cases: remember messages, edit, find and forget them. */
public final class EpisodicMemory {
    private static final Logger LOG = LoggerFactory.getLogger(EpisodicMemory.class);
    private final EpisodeStore store;
    private final Embedder embedder;
    private final EpisodicSearch search;
    private final EpisodeText text;
    private final Clock clock;
    private final dev.engram.core.ingest.EpisodeListener listener;
    private final java.util.concurrent.Executor queryEmbedding;
    private final List<Consumer<List<Episode>>> addListeners = new CopyOnWriteArrayList<>();

    public EpisodicMemory(EpisodeStore store, Embedder embedder, EpisodicSearch search, EpisodeText text, Clock clock) {
        this(store, embedder, search, text, clock, dev.engram.core.ingest.EpisodeListener.NONE);
    }

    /** {@code listener} hears of every stored batch (extraction queues it). */
    public EpisodicMemory(EpisodeStore store, Embedder embedder, EpisodicSearch search, EpisodeText text, Clock clock,
                          dev.engram.core.ingest.EpisodeListener listener) {
        this(store, embedder, search, text, clock, listener, null);
    }

    /**
     * As above; {@code queryEmbedding} embeds search queries in the background while a search
     * reads what needs no vector (null: on the searching thread).
     */
    public EpisodicMemory(EpisodeStore store, Embedder embedder, EpisodicSearch search, EpisodeText text, Clock clock,
                          dev.engram.core.ingest.EpisodeListener listener, java.util.concurrent.Executor queryEmbedding) {
        this.listener = listener;
        this.queryEmbedding = queryEmbedding;
        this.store = store;
        this.embedder = embedder;
        this.search = search;
        this.text = text;
        this.clock = clock;
    }

    /** Stores the messages (embedding them first) and returns them with their uids, in order. */
    public List<Episode> add(Scope scope, List<NewEpisode> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<String> texts = messages.stream().map(m -> text.of(m.producer(), m.content())).toList();
        List<float[]> vectors = embedder.embedAll(texts);
        List<EpisodeDraft> drafts = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            drafts.add(new EpisodeDraft(messages.get(i), texts.get(i), vectors.get(i)));
        }
        List<Episode> added = store.append(scope, drafts); // creates the project on first use, in the same transaction
        listener.added(scope, added);
        for (Consumer<List<Episode>> each : addListeners) {
            try {
                each.accept(added);
            } catch (RuntimeException e) {
                LOG.warn("A listener of added episodes failed; the episodes are stored", e);
            }
        }
        return added;
    }

    /**
     * Calls {@code listener} after every add with the stored episodes, on the adding thread: it
     * must return at once (background work only takes note and wakes its worker). A failing
     * listener is logged and does not fail the add.
     */
    public void whenAdded(Consumer<List<Episode>> listener) {
        addListeners.add(listener);
    }

    /**
     * Stores imported messages like {@link #add}, each with its earlier texts and, where
     * {@code uids} gives one (a restore), its own uid; {@code uids} may be null.
     */
    public List<Episode> addImported(Scope scope, List<NewEpisode> messages, List<Long> uids,
                                     List<List<EpisodeRevision>> revisions) {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<String> texts = messages.stream().map(m -> text.of(m.producer(), m.content())).toList();
        List<float[]> vectors = embedder.embedAll(texts);
        List<EpisodeDraft> drafts = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            drafts.add(new EpisodeDraft(messages.get(i), texts.get(i), vectors.get(i), uids == null ? null : uids.get(i),
                    revisions.get(i)));
        }
        return store.append(scope, drafts);
    }

    /**
     * Queues imported episodes for fact extraction, as if they had just been added (imports from
     * other tools: a ChatGPT history becomes a profile). Summaries are not written for them.
     */
    public void announce(Scope scope, List<Episode> imported) {
        if (!imported.isEmpty()) {
            listener.added(scope, imported);
        }
    }

    public Episode get(Scope scope, long uid) {
        return store.get(scope, uid).orElseThrow(() -> notFound(scope, uid));
    }

    /** Replaces an episode's content (re-embedding it); the old text is kept as a revision. */
    public Episode edit(Scope scope, long uid, String content) {
        Episode current = get(scope, uid);
        NewEpisode checked = new NewEpisode(current.producer(), current.producedFor(), current.role(), content,
                current.createdAt(), current.metadata());
        String indexed = text.of(checked.producer(), checked.content());
        return store.updateContent(scope, uid, checked.content(), indexed, embedder.embed(indexed), clock.instant())
                .orElseThrow(() -> notFound(scope, uid));
    }

    /** The episodes around one (its conversation), each list nearest first. */
    public Neighbours neighbours(Scope scope, long uid, int before, int after) {
        get(scope, uid);
        return store.neighbours(scope, uid, before, after, Filter.all());
    }

    /** Episodes per day of the scope that pass the filter (the timeline's histogram). */
    public java.util.SortedMap<java.time.LocalDate, Long> countsByDay(Scope scope, Filter filter, java.time.ZoneId zone) {
        return store.countsByDay(scope, filter, zone);
    }

    /** A page of the scope's episodes that pass the filter, in time order. */
    public List<Episode> page(Scope scope, Filter filter, PageRequest page, Order order) {
        return store.list(scope, filter, page, order);
    }

    /** Episodes matching the words of {@code text} (full text), at most {@code limit}, best first. */
    public List<Episode> matching(Scope scope, String text, Filter filter, int limit) {
        List<Long> uids = store.searchText(scope, text, filter, limit).stream().map(Hit::uid).toList();
        return uids.isEmpty() ? List.of() : store.getAll(scope, uids);
    }

    /** The people in the scope (producers and whom they spoke to), sorted. */
    public List<String> participants(Scope scope) {
        return store.participants(scope, 500);
    }

    /** The episodes of the scope with these uids, in the order asked, skipping unknown ones. */
    public List<Episode> existingEpisodes(Scope scope, List<Long> uids) {
        return uids.isEmpty() ? List.of() : store.getAll(scope, uids);
    }

    /** Which of these uids name episodes of the scope. */
    public List<Long> existing(Scope scope, List<Long> uids) {
        return uids.isEmpty() ? List.of() : store.getAll(scope, uids).stream().map(Episode::uid).toList();
    }

    public List<EpisodeRevision> revisions(Scope scope, long uid) {
        get(scope, uid);
        return store.revisions(scope, uid);
    }

    public List<ScoredEpisode> search(Scope scope, String query, Filter filter, int topK, int expandContext,
                                      Double scoreThreshold) {
        return search(scope, queryVector(query).prefetch(), filter, topK, expandContext, scoreThreshold);
    }

    /** As above, with a query vector the caller shares with other searches (embedded once). */
    public List<ScoredEpisode> search(Scope scope, dev.engram.core.ingest.QueryVector query, Filter filter, int topK,
                                      int expandContext, Double scoreThreshold) {
        if (query.query().isBlank() || topK == 0) {
            return List.of();
        }
        return search.search(scope, query, filter, topK, expandContext, scoreThreshold);
    }

    /** The query's vector, embedded on first use or, once {@link dev.engram.core.ingest.QueryVector#prefetch}ed, in the background. */
    public dev.engram.core.ingest.QueryVector queryVector(String query) {
        return new dev.engram.core.ingest.QueryVector(embedder, query, queryEmbedding);
    }

    private static NotFoundException notFound(Scope scope, long uid) {
        return new NotFoundException("Episode " + uid + " not found in " + scope);
    }
}
