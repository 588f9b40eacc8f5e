package dev.engram.app;

import dev.engram.core.episode.EpisodeStore;
import dev.engram.core.ingest.Embedder;
import dev.engram.core.ingest.EmbeddingSpace;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets benchmark variants share the work they have in common: a query is embedded once, and a
 * store read with the same arguments (a full-text or vector search, chain links) is answered
 * from memory the second time. Only reads that do not change while questions are asked are
 * cached; the figures of a variant are exactly those it would get alone.
 */
final class BenchCache {
    private static final Set<String> CACHED = Set.of("searchText", "searchVector", "links", "getAll");

    private BenchCache() {
    }

    static Embedder embedder(Embedder delegate) {
        Map<String, float[]> queries = new ConcurrentHashMap<>();
        return new Embedder() {
            @Override
            public EmbeddingSpace space() {
                return delegate.space();
            }

            @Override
            public float[] embed(String text) {
                return delegate.embed(text);
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
                return delegate.embedAll(texts);
            }

            @Override
            public float[] embedQuery(String query) {
                return queries.computeIfAbsent(query, delegate::embedQuery);
            }
        };
    }

    static EpisodeStore store(EpisodeStore delegate) {
        Map<List<Object>, Object> answers = new ConcurrentHashMap<>();
        return (EpisodeStore) Proxy.newProxyInstance(EpisodeStore.class.getClassLoader(), new Class<?>[]{EpisodeStore.class},
                (proxy, method, args) -> {
                    if (!CACHED.contains(method.getName())) {
                        return invoke(delegate, method, args);
                    }
                    List<Object> key = new java.util.ArrayList<>();
                    key.add(method.getName());
                    for (Object arg : args) {
                        key.add(arg instanceof float[] v ? Arrays.toString(v) : arg);
                    }
                    Object cached = answers.get(key);
                    if (cached == null) {
                        cached = invoke(delegate, method, args);
                        answers.put(key, cached);
                    }
                    return cached;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
