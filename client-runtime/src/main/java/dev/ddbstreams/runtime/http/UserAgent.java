package dev.ddbstreams.runtime.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/** Builds the {@code User-Agent} header: {@code ddbstreams-java/<version> Java/<java.version> [suffix]}. */
final class UserAgent {

    private static final String RUNTIME_VERSION = readRuntimeVersion();

    private UserAgent() {}

    static String of(Optional<String> suffix) {
        String base = "ddbstreams-java/" + RUNTIME_VERSION + " Java/" + System.getProperty("java.version", "unknown");
        return suffix.filter(s -> !s.isBlank()).map(s -> base + " " + s.strip()).orElse(base);
    }

    /** The version Maven wrote into the jar's resources at build time. */
    static String runtimeVersion() {
        return RUNTIME_VERSION;
    }

    private static String readRuntimeVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream("runtime-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the runtime version from the jar", e);
        }
    }
}
