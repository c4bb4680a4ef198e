package org.district.checkin.service;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Counts that may be a little old, for pages that show them to people (a start page's tiles): each key's value is
 * computed once and served for {@code maxAge}; after that, the next caller still gets the value at once while one
 * background computation replaces it. A value older than ten times {@code maxAge} (the refreshes keep failing) is
 * computed again by the caller. A count over a million rows then costs one computation per key and period, whatever
 * the number of people asking, instead of one per page view. A zero {@code maxAge} computes on every call. Each replica
 * keeps its own values; none is shared or stored.
 */
public final class FreshEnough<K, V> {

    private static final Logger LOG = Logger.getLogger(FreshEnough.class);

    private record Entry<V>(V value, long computedAtNanos) {}

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<K, Boolean> refreshing = new ConcurrentHashMap<>();
    private final long maxAgeNanos;
    private final int maxKeys;
    private final Executor background;
    private final LongSupplier nanoTime;

    /**
     * @param maxKeys how many keys are kept at most (a key beyond is computed on every call): the keys come from
     *     requests, and memory must not grow with what callers make up
     * @param background where refreshes run (they may open their own transaction)
     * @param nanoTime the clock ({@code System::nanoTime}; tests pass their own)
     */
    public FreshEnough(Duration maxAge, int maxKeys, Executor background, LongSupplier nanoTime) {
        this.maxAgeNanos = maxAge.toNanos();
        this.maxKeys = maxKeys;
        this.background = background;
        this.nanoTime = nanoTime;
    }

    /** The key's value, computed by {@code compute} when there is none (or one far too old), else as kept. */
    public V get(K key, Function<K, V> compute) {
        if (maxAgeNanos <= 0) {
            return compute.apply(key);
        }
        long now = nanoTime.getAsLong();
        Entry<V> kept = entries.get(key);
        if (kept == null || now - kept.computedAtNanos() > 10 * maxAgeNanos) {
            V value = compute.apply(key);
            if (kept != null || entries.size() < maxKeys) {
                entries.put(key, new Entry<>(value, now));
            }
            return value;
        }
        if (now - kept.computedAtNanos() > maxAgeNanos && refreshing.putIfAbsent(key, Boolean.TRUE) == null) {
            try {
                background.execute(() -> refresh(key, compute));
            } catch (RuntimeException e) {
                refreshing.remove(key);
                LOG.debugf("Could not schedule a refresh of %s: %s", key, e.getMessage());
            }
        }
        return kept.value();
    }

    private void refresh(K key, Function<K, V> compute) {
        try {
            long started = nanoTime.getAsLong();
            entries.put(key, new Entry<>(compute.apply(key), started));
        } catch (RuntimeException e) {
            LOG.warnf("Could not refresh %s (serving the value kept): %s", key, e.getMessage());
        } finally {
            refreshing.remove(key);
        }
    }
}
