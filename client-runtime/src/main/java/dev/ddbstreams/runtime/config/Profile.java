package dev.ddbstreams.runtime.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One named profile of the shared AWS files: its properties from the config file, overridden by those of the
 * credentials file. {@link #toString()} shows the property names only, since values include secret keys.
 */
public final class Profile {

    private final String name;
    private final Map<String, String> properties;

    Profile(String name, Map<String, String> properties) {
        this.name = Objects.requireNonNull(name, "name");
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The profile's name, such as {@code default}. */
    public String name() {
        return name;
    }

    /** The property {@code key}, such as {@code region}; empty when absent or blank. */
    public Optional<String> property(String key) {
        String value = properties.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /**
     * The property {@code key} as {@code true} or {@code false} (in any case).
     *
     * @throws dev.ddbstreams.runtime.exception.SdkClientException when it is set to anything else
     */
    public Optional<Boolean> booleanProperty(String key) {
        return property(key).map(value -> ConfigValues.toBoolean(value, where(key)));
    }

    /**
     * The property {@code key} as a whole number.
     *
     * @throws dev.ddbstreams.runtime.exception.SdkClientException when it is set to anything else
     */
    public Optional<Integer> intProperty(String key) {
        return property(key).map(value -> ConfigValues.toInt(value, where(key)));
    }

    private String where(String key) {
        return "The property " + key + " of the profile \"" + name + "\"";
    }

    /** Every property, in file order, config file first. */
    public Map<String, String> properties() {
        return properties;
    }

    @Override
    public String toString() {
        return "Profile(name=" + name + ", properties=" + properties.keySet() + ")";
    }
}
