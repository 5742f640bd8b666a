package dev.ddbstreams.runtime.core;

import java.util.Arrays;
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
 * <p>A builder is used once: after {@link #build()} it must not be touched again.
 */
public final class OrderedMapBuilder<V> {

    /** Up to this many keys a linear search beats hashing, and needs no table. */
    static final int LINEAR_LIMIT = 8;

    private String[] keys = new String[4];
    private Object[] values = new Object[4];
    private int size;
    private int[] table;

    /**
     * Adds an entry at the end unless {@code key} is already there.
     *
     * @return false, leaving the builder unchanged, when the key is a duplicate
     */
    public boolean put(String key, V value) {
        if (key == null || value == null) {
            throw new NullPointerException(key == null ? "null key" : "null value for key " + key);
        }
        if (ArrayBackedMap.indexOf(keys, size, table, key) >= 0) {
            return false;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        size++;
        if (table != null) {
            if (size * 2 > table.length) {
                table = ArrayBackedMap.newTable(keys, size);
            } else {
                ArrayBackedMap.insert(table, key, size - 1);
            }
        } else if (size > LINEAR_LIMIT) {
            table = ArrayBackedMap.newTable(keys, size);
        }
        return true;
    }

    /** The number of entries so far. */
    public int size() {
        return size;
    }

    /** The entries as an unmodifiable, insertion-ordered map that {@link ModelCopies#map} takes over without copying. */
    public Map<String, V> build() {
        return new ArrayBackedMap<>(keys, values, size, table);
    }
}
