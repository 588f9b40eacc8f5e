package dev.engram.core.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The work of a background worker: keys waiting to be handled (each once, in the order they
 * came), and a shared backoff. After a failure nothing is handed out until the backoff has
 * passed; the backoff doubles with each further failure up to a bound, and a success resets it.
 * Safe for any number of producers and one consumer.
 */
final class RetryQueue<K> {
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final LinkedHashSet<K> waiting = new LinkedHashSet<>();
    private Duration backoff;
    private Instant retryAt;
    private boolean closed;

    RetryQueue(Duration firstBackoff, Duration maxBackoff, Clock clock) {
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.clock = clock;
        this.backoff = firstBackoff;
    }

    void addAll(Collection<K> keys) {
        locked(() -> waiting.addAll(keys));
    }

    void add(K key) {
        locked(() -> waiting.add(key));
    }

    /**
     * The next key, removed from the queue, once the backoff has passed; null when none is due
     * within {@code idle}, something changed meanwhile (the caller then looks again), or the queue
     * is closed.
     */
    K next(Duration idle) throws InterruptedException {
        lock.lock();
        try {
            if (closed) {
                return null;
            }
            long waitNanos = retryAt == null ? 0 : Duration.between(clock.instant(), retryAt).toNanos();
            if (waitNanos <= 0 && !waiting.isEmpty()) {
                K key = waiting.getFirst();
                waiting.remove(key);
                return key;
            }
            changed.await(waitNanos > 0 ? waitNanos : idle.toNanos(), TimeUnit.NANOSECONDS);
            return null;
        } finally {
            lock.unlock();
        }
    }

    void succeeded() {
        locked(() -> {
            backoff = firstBackoff;
            retryAt = null;
        });
    }

    /** Puts the key back (last) and holds everything for the backoff; returns how long. */
    Duration failed(K key) {
        lock.lock();
        try {
            Duration wait = backoff;
            waiting.add(key);
            retryAt = clock.instant().plus(wait);
            Duration doubled = backoff.multipliedBy(2);
            backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
            changed.signalAll();
            return wait;
        } finally {
            lock.unlock();
        }
    }

    /** Ends any backoff now (the cause may be gone, e.g. another model server). */
    void retryNow() {
        succeeded();
    }

    /** From now on {@link #next} hands out nothing and returns at once, also to a caller waiting in it. */
    void close() {
        locked(() -> closed = true);
    }

    int size() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    private void locked(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
