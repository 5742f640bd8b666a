package dev.ddbstreams.runtime.interceptor;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Values that the interceptors of one call share from hook to hook, such as the time {@code beforeExecution} ran.
 * Each call has its own; the hooks of an asynchronous call may run on different threads, one after another, so
 * access is synchronized.
 */
public final class ExecutionAttributes {

    private final Map<ExecutionAttribute<?>, Object> values = new IdentityHashMap<>();

    /** An empty set, as each call starts with. */
    public ExecutionAttributes() {}

    /** The value stored for {@code attribute}, if any. */
    public synchronized <T> Optional<T> getAttribute(ExecutionAttribute<T> attribute) {
        @SuppressWarnings("unchecked") // Only putAttribute stores values, always of the key's type.
        T value = (T) values.get(Objects.requireNonNull(attribute, "attribute"));
        return Optional.ofNullable(value);
    }

    /** Stores {@code value} for {@code attribute}, replacing what was there. */
    public synchronized <T> ExecutionAttributes putAttribute(ExecutionAttribute<T> attribute, T value) {
        values.put(Objects.requireNonNull(attribute, "attribute"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Removes the value of {@code attribute}. */
    public synchronized ExecutionAttributes removeAttribute(ExecutionAttribute<?> attribute) {
        values.remove(Objects.requireNonNull(attribute, "attribute"));
        return this;
    }

    @Override
    public synchronized String toString() {
        return "ExecutionAttributes(" + values.keySet() + ")";
    }
}
