package dev.ddbstreams.runtime.core;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Collects the entries of a JSON object as a generated reader meets them and hands them over as an unmodifiable
 * map that keeps that order. For generated code only.
 *
 * <p>It exists for speed: a page of stream records holds thousands of small maps (every item image, every nested
 * {@code M}), and a {@code LinkedHashMap} spends a 40-byte entry object per key and a hash table sized for growth.
 * Here the keys and values sit side by side in two arrays; a map of up to {@value #LINEAR_LIMIT} keys is searched
 * linearly, a larger one through an open-addressing table of positions. The builder refuses a key it already
 * holds, which is how readers reject a response with duplicate keys.
 *
 * <p>A response is not trusted to be kind to that table: keys can be chosen to share a {@code String.hashCode()},
 * which would make every insertion probe past all the others. Slots are chosen with a multiplier drawn at random
 * for each JVM, so keys cannot be aimed at neighbouring slots, and when an insertion still probes more than
 * {@value #MAX_PROBES} slots the builder moves its positions into a {@code HashMap}, whose bins of colliding
 * {@code String} keys are balanced trees. Reading a map stays O(n log n) whatever its keys.
 *
 * <p>A builder is used once: after {@link #build()} it must not be touched again.
 */
public final class OrderedMapBuilder<V> {

    /** Up to this many keys a linear search beats hashing, and needs no table. */
    static final int LINEAR_LIMIT = 8;

    /** Longer probe sequences than this only come from keys that collide on purpose (or by rare bad luck). */
    static final int MAX_PROBES = 32;

    private String[] keys = new String[4];
    private Object[] values = new Object[4];
    private int size;
    private int[] table;
    private HashMap<String, Integer> positions;

    /**
     * Adds an entry at the end unless {@code key} is already there.
     *
     * @return false, leaving the builder unchanged, when the key is a duplicate
     */
    public boolean put(String key, V value) {
        if (key == null || value == null) {
            throw new NullPointerException(key == null ? "null key" : "null value for key " + key);
        }
        if (keys == null) {
            throw new IllegalStateException("This builder has built its map already");
        }
        if (positions != null) {
            if (positions.putIfAbsent(key, size) != null) {
                return false;
            }
            append(key, value);
            return true;
        }
        if (table == null) {
            if (ArrayBackedMap.indexOf(keys, size, null, key) >= 0) {
                return false;
            }
            append(key, value);
            if (size > LINEAR_LIMIT) {
                index();
            }
            return true;
        }
        int slot = ArrayBackedMap.slotOf(keys, table, key, MAX_PROBES);
        if (slot < 0) {
            indexWithHashMap();
            return put(key, value);
        }
        if (table[slot] != 0) {
            return false;
        }
        append(key, value);
        if (size * 2 > table.length) {
            index();
        } else {
            table[slot] = size;
        }
        return true;
    }

    /** The number of entries so far. */
    public int size() {
        return size;
    }

    /** The entries as an unmodifiable, insertion-ordered map that {@link ModelCopies#map} takes over without copying. */
    public Map<String, V> build() {
        Map<String, V> map = new ArrayBackedMap<>(keys, values, size, table, positions);
        // The map shares the arrays: a later put must fail rather than change it underneath.
        keys = null;
        values = null;
        table = null;
        positions = null;
        return map;
    }

    private void append(String key, V value) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        size++;
    }

    /** A table for the keys so far, between a quarter and half full, so that it can take as many again. */
    private void index() {
        int[] fresh = new int[Integer.highestOneBit(size * 4 - 1)];
        for (int i = 0; i < size; i++) {
            // The keys are distinct, so the probe always ends on an empty slot, unless it runs too long.
            int slot = ArrayBackedMap.slotOf(keys, fresh, keys[i], MAX_PROBES);
            if (slot < 0) {
                indexWithHashMap();
                return;
            }
            fresh[slot] = i + 1;
        }
        table = fresh;
    }

    private void indexWithHashMap() {
        table = null;
        positions = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            positions.put(keys[i], i);
        }
    }
}
