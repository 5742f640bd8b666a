package dev.ddbstreams.runtime.testing;

import dev.ddbstreams.runtime.config.SystemEnvironment;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Builds a {@link SystemEnvironment} that sees nothing of the real one: only a home folder and given values. */
public final class TestEnvironment {

    private final Map<String, String> variables = new HashMap<>();
    private final Map<String, String> properties = new HashMap<>();

    private TestEnvironment(Path home) {
        variables.put("HOME", home.toString());
    }

    /** An environment whose home folder is {@code home} (which need not exist). */
    public static TestEnvironment home(Path home) {
        return new TestEnvironment(home);
    }

    /** An environment with a home folder that does not exist: no shared AWS files. */
    public static SystemEnvironment empty() {
        return home(Path.of("/nonexistent/ddbstreams-test-home")).build();
    }

    public TestEnvironment variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    public TestEnvironment property(String name, String value) {
        properties.put(name, value);
        return this;
    }

    public SystemEnvironment build() {
        return SystemEnvironment.of(variables, properties);
    }
}
