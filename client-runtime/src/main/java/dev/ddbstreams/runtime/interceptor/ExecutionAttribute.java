package dev.ddbstreams.runtime.interceptor;

import java.util.Objects;

/**
 * The key of a value interceptors keep for one call in its {@link ExecutionAttributes}. Keys compare by identity:
 * hold one in a {@code static final} field.
 *
 * @param <T> the value's type
 */
public final class ExecutionAttribute<T> {

    private final String name;

    /** @param name a name for messages and {@code toString()} */
    public ExecutionAttribute(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return "ExecutionAttribute(" + name + ")";
    }
}
