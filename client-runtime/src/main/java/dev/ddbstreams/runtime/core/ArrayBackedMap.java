package dev.ddbstreams.runtime.core;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The unmodifiable, insertion-ordered map an {@link OrderedMapBuilder} builds: keys and values in two arrays and,
 * for more than {@link OrderedMapBuilder#LINEAR_LIMIT} keys, an open-addressing table whose slots hold a
 * position plus one (zero marks an empty slot). It follows the {@link Map} contract for equality and hash codes,
 * so it equals a {@code LinkedHashMap} with the same entries.
 */
final class ArrayBackedMap<V> extends AbstractMap<String, V> {

    private final String[] keys;
    private final Object[] values;
    private final int size;
    private final int[] table;
    private Set<Map.Entry<String, V>> entrySet;

    ArrayBackedMap(String[] keys, Object[] values, int size, int[] table) {
        this.keys = keys;
        this.values = values;
        this.size = size;
        this.table = table;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String && indexOf(keys, size, table, (String) key) >= 0;
    }

    @Override
    public boolean containsValue(Object value) {
        for (int i = 0; i < size; i++) {
            if (values[i].equals(value)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public V get(Object key) {
        if (!(key instanceof String)) {
            return null;
        }
        int index = indexOf(keys, size, table, (String) key);
        return index < 0 ? null : valueAt(index);
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super V> action) {
        for (int i = 0; i < size; i++) {
            action.accept(keys[i], valueAt(i));
        }
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        Set<Map.Entry<String, V>> entries = entrySet;
        if (entries == null) {
            entries = new Entries();
            entrySet = entries;
        }
        return entries;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if (!(other instanceof Map<?, ?> map) || map.size() != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            // Values are never null, so a missing key in the other map reads as a mismatch here.
            if (!values[i].equals(map.get(keys[i]))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (int i = 0; i < size; i++) {
            hash += keys[i].hashCode() ^ values[i].hashCode();
        }
        return hash;
    }

    @SuppressWarnings("unchecked")
    private V valueAt(int index) {
        return (V) values[index];
    }

    /** The position of {@code key} among the first {@code size} keys, or -1. */
    static int indexOf(String[] keys, int size, int[] table, String key) {
        if (table == null) {
            for (int i = 0; i < size; i++) {
                String candidate = keys[i];
                // Keys from jackson-core are usually interned, so the identity test answers most lookups.
                if (candidate == key || candidate.equals(key)) {
                    return i;
                }
            }
            return -1;
        }
        int mask = table.length - 1;
        for (int slot = spread(key.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            int entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            String candidate = keys[entry - 1];
            if (candidate == key || candidate.equals(key)) {
                return entry - 1;
            }
        }
    }

    /** A table for the first {@code size} keys, at most half full so probes stay short. */
    static int[] newTable(String[] keys, int size) {
        int capacity = Integer.highestOneBit(size * 4 - 1);
        int[] table = new int[capacity];
        for (int i = 0; i < size; i++) {
            insert(table, keys[i], i);
        }
        return table;
    }

    /** Records that {@code key} is at {@code position}; the caller has checked that it is not there yet. */
    static void insert(int[] table, String key, int position) {
        int mask = table.length - 1;
        int slot = spread(key.hashCode()) & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = position + 1;
    }

    // String hashes of similar keys differ mostly in their low bits already; folding in the high bits guards
    // against keys that differ only there.
    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    private final class Entries extends AbstractSet<Map.Entry<String, V>> {
        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean contains(Object o) {
            if (!(o instanceof Map.Entry<?, ?> entry) || !(entry.getKey() instanceof String key)) {
                return false;
            }
            int index = indexOf(keys, size, table, key);
            return index >= 0 && Objects.equals(values[index], entry.getValue());
        }

        @Override
        public Iterator<Map.Entry<String, V>> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < size;
                }

                @Override
                public Map.Entry<String, V> next() {
                    if (next >= size) {
                        throw new NoSuchElementException();
                    }
                    int index = next++;
                    return new AbstractMap.SimpleImmutableEntry<>(keys[index], valueAt(index));
                }
            };
        }
    }
}
