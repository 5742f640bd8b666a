package dev.ddbstreams.runtime.core;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * Defensive copies for generated shapes: what a shape holds is an unmodifiable copy, so a caller can neither
 * change a built shape through the collection it passed in nor through the one it got out. Null elements,
 * keys and values are refused with a message that names the member, because JSON has no way to send them.
 */
public final class ModelCopies {

    private ModelCopies() {}

    /** An unmodifiable copy of a list, or null when {@code source} is null (the member is absent). */
    public static <T> List<T> list(Collection<? extends T> source, String member) {
        return list(source, Function.identity(), member);
    }

    /** An unmodifiable copy of a list whose elements are themselves copied by {@code copyElement}. */
    @SuppressWarnings("unchecked")
    public static <S, T> List<T> list(Collection<? extends S> source, Function<? super S, ? extends T> copyElement, String member) {
        if (source == null) {
            return null;
        }
        if (source instanceof AdoptedList) {
            // Built by a generated reader, never reachable by anyone else, and deeply immutable already.
            return (List<T>) source;
        }
        List<T> copy = new ArrayList<>(source.size());
        for (S element : source) {
            if (element == null) {
                throw new NullPointerException(member + " cannot contain a null element (index " + copy.size() + ")");
            }
            copy.add(copyElement.apply(element));
        }
        return Collections.unmodifiableList(copy);
    }

    /** An unmodifiable copy of a map that keeps its order, or null when {@code source} is null. */
    public static <V> Map<String, V> map(Map<String, ? extends V> source, String member) {
        return map(source, Function.identity(), member);
    }

    /** An unmodifiable copy of a map whose values are themselves copied by {@code copyValue}. */
    @SuppressWarnings("unchecked")
    public static <S, V> Map<String, V> map(Map<String, ? extends S> source, Function<? super S, ? extends V> copyValue, String member) {
        if (source == null) {
            return null;
        }
        if (source instanceof ArrayBackedMap) {
            // Built by a generated reader through an OrderedMapBuilder: unmodifiable and held by no one else.
            return (Map<String, V>) source;
        }
        Map<String, V> copy = new LinkedHashMap<>(Math.max(4, (int) (source.size() / 0.75f) + 1));
        for (Map.Entry<String, ? extends S> entry : source.entrySet()) {
            if (entry.getKey() == null) {
                throw new NullPointerException(member + " cannot contain a null key");
            }
            if (entry.getValue() == null) {
                throw new NullPointerException(member + " cannot contain a null value (key \"" + entry.getKey() + "\")");
            }
            copy.put(entry.getKey(), copyValue.apply(entry.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Takes over a list that a generated reader has just filled, so that the builder it is handed to need not copy
     * it again. For generated code only: the caller gives up the list and must not keep or change it, its elements
     * must be non-null and themselves immutable (or adopted in turn).
     */
    public static <T> List<T> adoptUnsafe(ArrayList<T> owned) {
        return new AdoptedList<>(owned);
    }

    /** An unmodifiable list no one else holds; {@link #list} recognises it and does not copy it again. */
    private static final class AdoptedList<T> extends AbstractList<T> implements RandomAccess {
        private final ArrayList<T> elements;

        AdoptedList(ArrayList<T> elements) {
            this.elements = elements;
        }

        @Override
        public T get(int index) {
            return elements.get(index);
        }

        @Override
        public int size() {
            return elements.size();
        }
    }
}
