package dev.ddbstreams.runtime.core;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The unmodifiable, insertion-ordered map an {@link OrderedMapBuilder} builds: keys and values in two arrays and,
 * for more than {@link OrderedMapBuilder#LINEAR_LIMIT} keys, an open-addressing table whose slots hold a
 * position plus one (zero marks an empty slot), or for keys that collide too much a {@code HashMap} of positions.
 * It follows the {@link Map} contract for equality and hash codes, so it equals a {@code LinkedHashMap} with the
 * same entries.
 */
final class ArrayBackedMap<V> extends AbstractMap<String, V> {

    // Drawn once per JVM and odd, so the multiplication spreads hash codes over the table and a response cannot
    // choose keys that land in neighbouring slots.
    private static final int SLOT_MULTIPLIER = ThreadLocalRandom.current().nextInt() | 1;

    private final String[] keys;
    private final Object[] values;
    private final int size;
    // Null (a linear search), an int[] table or a HashMap of positions: one field rather than two, because a page
    // of records holds thousands of these maps.
    private final Object lookup;
    private Set<Map.Entry<String, V>> entrySet;

    ArrayBackedMap(String[] keys, Object[] values, int size, int[] table, HashMap<String, Integer> positions) {
        this.keys = keys;
        this.values = values;
        this.size = size;
        this.lookup = positions != null ? positions : table;
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
        return key instanceof String && indexOf(keys, size, lookup, (String) key) >= 0;
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
        int index = indexOf(keys, size, lookup, (String) key);
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
            entries = Collections.unmodifiableSet(new Entries());
            entrySet = entries;
        }
        return entries;
    }

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(super.keySet());
    }

    @Override
    public Collection<V> values() {
        return Collections.unmodifiableCollection(super.values());
    }

    // Every mutator refuses, whether or not it would change anything, exactly as Collections.unmodifiableMap
    // does: a shape's map behaves the same whether a reader or the application built it.

    @Override
    public V put(String key, V value) {
        throw unmodifiable();
    }

    @Override
    public V remove(Object key) {
        throw unmodifiable();
    }

    @Override
    public void putAll(Map<? extends String, ? extends V> map) {
        throw unmodifiable();
    }

    @Override
    public void clear() {
        throw unmodifiable();
    }

    @Override
    public void replaceAll(BiFunction<? super String, ? super V, ? extends V> function) {
        throw unmodifiable();
    }

    @Override
    public V putIfAbsent(String key, V value) {
        throw unmodifiable();
    }

    @Override
    public boolean remove(Object key, Object value) {
        throw unmodifiable();
    }

    @Override
    public boolean replace(String key, V oldValue, V newValue) {
        throw unmodifiable();
    }

    @Override
    public V replace(String key, V value) {
        throw unmodifiable();
    }

    @Override
    public V computeIfAbsent(String key, Function<? super String, ? extends V> mappingFunction) {
        throw unmodifiable();
    }

    @Override
    public V computeIfPresent(String key, BiFunction<? super String, ? super V, ? extends V> remappingFunction) {
        throw unmodifiable();
    }

    @Override
    public V compute(String key, BiFunction<? super String, ? super V, ? extends V> remappingFunction) {
        throw unmodifiable();
    }

    @Override
    public V merge(String key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        throw unmodifiable();
    }

    private static UnsupportedOperationException unmodifiable() {
        return new UnsupportedOperationException("A shape's map cannot be changed");
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if (!(other instanceof Map<?, ?> map) || map.size() != size) {
            return false;
        }
        try {
            for (int i = 0; i < size; i++) {
                // Values are never null, so a missing key in the other map reads as a mismatch here.
                if (!values[i].equals(map.get(keys[i]))) {
                    return false;
                }
            }
        } catch (ClassCastException | NullPointerException e) {
            // A map that cannot hold String keys (a TreeMap of other keys, say) is not equal, as AbstractMap says.
            return false;
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
    @SuppressWarnings("unchecked")
    static int indexOf(String[] keys, int size, Object lookup, String key) {
        if (lookup instanceof HashMap) {
            Integer position = ((HashMap<String, Integer>) lookup).get(key);
            return position == null ? -1 : position;
        }
        int[] table = (int[]) lookup;
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
        int entry = table[slotOf(keys, table, key, Integer.MAX_VALUE)];
        return entry - 1;
    }

    /**
     * The slot of {@code table} that holds {@code key}, or else the empty slot where it belongs; -1 when more than
     * {@code maxProbes} slots holding other keys had to be passed to tell.
     */
    static int slotOf(String[] keys, int[] table, String key, int maxProbes) {
        int mask = table.length - 1;
        int slot = home(key, table.length);
        for (int probes = 0; table[slot] != 0; probes++) {
            String candidate = keys[table[slot] - 1];
            if (candidate == key || candidate.equals(key)) {
                return slot;
            }
            if (probes == maxProbes) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** The slot where the search for {@code key} starts in a table of {@code capacity} slots, a power of two. */
    static int home(String key, int capacity) {
        // Multiplicative hashing: the top bits of the product depend on all bits of the hash code.
        return (key.hashCode() * SLOT_MULTIPLIER) >>> (Integer.numberOfLeadingZeros(capacity) + 1);
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
            int index = indexOf(keys, size, lookup, key);
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
