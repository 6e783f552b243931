package org.qchat.server.limit;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A map that keeps only what still matters: entries in the order they were last written, at most
 * {@code maxEntries} of them (the least recently written goes first), and an entry that
 * {@code expired} says is stale reads as absent and is dropped. So memory stays bounded whatever
 * keys clients make up. Stale entries at the old end are purged on every write.
 *
 * <p>Not thread-safe: its owner synchronizes.
 */
final class RecentMap<K, V> {

    private final int maxEntries;
    private final Predicate<V> expired;
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>();

    RecentMap(int maxEntries, Predicate<V> expired) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
        this.expired = expired;
    }

    /** The live entry for {@code key}, or null (a stale one is removed). */
    V get(K key) {
        V value = entries.get(key);
        if (value != null && expired.test(value)) {
            entries.remove(key);
            return null;
        }
        return value;
    }

    /** Stores {@code value} as the most recently written entry. */
    void put(K key, V value) {
        entries.remove(key);
        entries.put(key, value);
        Iterator<Map.Entry<K, V>> oldest = entries.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<K, V> entry = oldest.next();
            if (entries.size() <= maxEntries && !expired.test(entry.getValue())) {
                break;
            }
            oldest.remove();
        }
    }

    void remove(K key) {
        entries.remove(key);
    }

    int size() {
        return entries.size();
    }
}
