package dev.ddbstreams.runtime.path;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The few rules of JMESPath that plain Java does not already have, for the paths the generator compiles (waiter
 * acceptors, paginator tokens). Generated code reads values with the shapes' own accessors and calls these only to
 * compare, test and measure them as JMESPath does: numbers compare by value whatever their Java type, a value is
 * "false" when it is null, {@code false} or empty, a string's length counts code points. Nothing here looks a path
 * up at run time.
 */
public final class PathValues {

    private PathValues() {}

    /** JMESPath {@code ==}: equal values, numbers by value ({@code 1 == 1.0}), lists and maps element by element. */
    public static boolean equal(Object left, Object right) {
        if (left == right) {
            return true;
        }
        if (left == null || right == null) {
            return false;
        }
        if (left instanceof Number a && right instanceof Number b) {
            return compare(a, b) == 0;
        }
        if (left instanceof List<?> a && right instanceof List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<?> others = b.iterator();
            for (Object element : a) {
                if (!equal(element, others.next())) {
                    return false;
                }
            }
            return true;
        }
        if (left instanceof Map<?, ?> a && right instanceof Map<?, ?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : a.entrySet()) {
                if (!b.containsKey(entry.getKey()) || !equal(entry.getValue(), b.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return left.equals(right);
    }

    /** JMESPath truthiness: null, {@code false}, an empty string, list or map are false; everything else is true. */
    public static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof CharSequence s) {
            return s.length() > 0;
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /** JMESPath {@code ||}: the left value when it is true (see {@link #truthy}), otherwise the right one. */
    public static <T> T or(T left, T right) {
        return truthy(left) ? left : right;
    }

    /** JMESPath {@code &&}: the right value when the left one is true (see {@link #truthy}), otherwise the left one. */
    public static <T> T and(T left, T right) {
        return truthy(left) ? right : left;
    }

    /** JMESPath {@code <}: null unless both are numbers. */
    public static Boolean lessThan(Number left, Number right) {
        return left == null || right == null ? null : compare(left, right) < 0;
    }

    /** JMESPath {@code <=}: null unless both are numbers. */
    public static Boolean lessThanOrEqual(Number left, Number right) {
        return left == null || right == null ? null : compare(left, right) <= 0;
    }

    /** JMESPath {@code >}: null unless both are numbers. */
    public static Boolean greaterThan(Number left, Number right) {
        return left == null || right == null ? null : compare(left, right) > 0;
    }

    /** JMESPath {@code >=}: null unless both are numbers. */
    public static Boolean greaterThanOrEqual(Number left, Number right) {
        return left == null || right == null ? null : compare(left, right) >= 0;
    }

    /** JMESPath {@code length()} of a string: its code points; null for null. */
    public static Integer length(String value) {
        return value == null ? null : value.codePointCount(0, value.length());
    }

    /**
     * JMESPath {@code contains(subject, search)}: a list with an element equal to {@code search}, or a string with
     * {@code search} in it; false for anything else.
     */
    public static boolean contains(Object subject, Object search) {
        if (subject instanceof List<?> list) {
            for (Object element : list) {
                if (equal(element, search)) {
                    return true;
                }
            }
            return false;
        }
        return subject instanceof String s && search instanceof String part && s.contains(part);
    }

    /** JMESPath {@code starts_with()}; false when either is null. */
    public static boolean startsWith(String value, String prefix) {
        return value != null && prefix != null && value.startsWith(prefix);
    }

    /** JMESPath {@code ends_with()}; false when either is null. */
    public static boolean endsWith(String value, String suffix) {
        return value != null && suffix != null && value.endsWith(suffix);
    }

    /** JMESPath {@code [i]}: the element at {@code index}, counted from the end when negative; null when out of range. */
    public static <T> T index(List<T> list, int index) {
        int at = index < 0 ? list.size() + index : index;
        return at >= 0 && at < list.size() ? list.get(at) : null;
    }

    /** A JMESPath multi-select list {@code [a, b]}: the values in order, nulls included. */
    @SafeVarargs
    public static <T> List<T> listOf(T... values) {
        List<T> list = new ArrayList<>(values.length);
        for (T value : values) {
            list.add(value);
        }
        return Collections.unmodifiableList(list);
    }

    private static int compare(Number left, Number right) {
        if (isIntegral(left) && isIntegral(right)) {
            return Long.compare(left.longValue(), right.longValue());
        }
        BigDecimal a = exact(left);
        BigDecimal b = exact(right);
        if (a == null || b == null) {
            return Double.compare(left.doubleValue(), right.doubleValue());
        }
        return a.compareTo(b);
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }

    private static BigDecimal exact(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (isIntegral(n)) {
            return BigDecimal.valueOf(n.longValue());
        }
        double d = n.doubleValue();
        return Double.isFinite(d) ? new BigDecimal(d) : null;
    }
}
