package dev.ddbstreams.runtime.config;

import dev.ddbstreams.runtime.exception.SdkClientException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The environment variables and Java system properties a client reads its defaults from, and the home folder that
 * {@code ~} in a path stands for.
 *
 * <p>{@link #system()} reads this JVM's; {@link #of(Map, Map)} reads given maps, so an application (or a test) can
 * configure a client from variables of its choosing without touching the real environment. Values are trimmed, and
 * a blank value counts as unset. {@link #toString()} never shows values, which may be secrets.
 */
public final class SystemEnvironment {

    private static final SystemEnvironment SYSTEM =
            new SystemEnvironment(System::getenv, System::getProperty, "this JVM's");

    private final UnaryOperator<String> environmentVariables;
    private final UnaryOperator<String> systemProperties;
    private final String description;

    private SystemEnvironment(UnaryOperator<String> environmentVariables, UnaryOperator<String> systemProperties,
                              String description) {
        this.environmentVariables = environmentVariables;
        this.systemProperties = systemProperties;
        this.description = description;
    }

    /** This JVM's environment variables and system properties. */
    public static SystemEnvironment system() {
        return SYSTEM;
    }

    /**
     * Exactly the given variables and properties (copied): nothing of the real environment shows through. The home
     * folder is {@code HOME}, else {@code USERPROFILE}, else the property {@code user.home} of these maps.
     */
    public static SystemEnvironment of(Map<String, String> environmentVariables, Map<String, String> systemProperties) {
        Map<String, String> variables = Map.copyOf(environmentVariables);
        Map<String, String> properties = Map.copyOf(systemProperties);
        return new SystemEnvironment(variables::get, properties::get,
                "given (" + variables.size() + " variables, " + properties.size() + " properties)");
    }

    /** The environment variable {@code name}, trimmed; empty when unset or blank. */
    public Optional<String> environmentVariable(String name) {
        return clean(environmentVariables.apply(Objects.requireNonNull(name, "name")));
    }

    /** The system property {@code name}, trimmed; empty when unset or blank. */
    public Optional<String> systemProperty(String name) {
        return clean(systemProperties.apply(Objects.requireNonNull(name, "name")));
    }

    /**
     * A setting that AWS SDKs read from a system property or else an environment variable: the property wins, as in
     * the AWS SDK for Java.
     */
    public Optional<String> setting(String systemProperty, String environmentVariable) {
        return systemProperty(systemProperty).or(() -> environmentVariable(environmentVariable));
    }

    /**
     * A {@link #setting} that must be {@code true} or {@code false} (in any case).
     *
     * @throws SdkClientException when it is set to anything else
     */
    public Optional<Boolean> booleanSetting(String systemProperty, String environmentVariable) {
        return typedSetting(systemProperty, environmentVariable, ConfigValues::toBoolean);
    }

    /**
     * A {@link #setting} that must be a whole number.
     *
     * @throws SdkClientException when it is set to anything else
     */
    public Optional<Integer> intSetting(String systemProperty, String environmentVariable) {
        return typedSetting(systemProperty, environmentVariable, ConfigValues::toInt);
    }

    /** A {@link #setting} converted by {@code parse}, which is told where the value came from for its errors. */
    private <T> Optional<T> typedSetting(String systemProperty, String environmentVariable,
                                         BiFunction<String, String, T> parse) {
        return systemProperty(systemProperty)
                .map(value -> parse.apply(value, "The system property " + systemProperty))
                .or(() -> environmentVariable(environmentVariable)
                        .map(value -> parse.apply(value, "The environment variable " + environmentVariable)));
    }

    /**
     * The user's home folder: {@code HOME}, else {@code USERPROFILE} (Windows), else the system property
     * {@code user.home}.
     *
     * @throws SdkClientException when none is set
     */
    public Path homeDirectory() {
        String home = environmentVariable("HOME")
                .or(() -> environmentVariable("USERPROFILE"))
                .or(() -> systemProperty("user.home"))
                .orElseThrow(() -> new SdkClientException("Cannot find the home folder (for ~/.aws): none of HOME, "
                        + "USERPROFILE and the system property user.home is set"));
        return toPath(home, "the home folder");
    }

    /**
     * {@code path} as a {@code Path}, with a leading {@code ~} replaced by the {@linkplain #homeDirectory() home
     * folder}.
     *
     * @param what what the path is, for the error message when it is not a valid path
     */
    public Path expandHome(String path, String what) {
        if (path.equals("~")) {
            return homeDirectory();
        }
        if (path.startsWith("~/") || path.startsWith("~\\")) {
            return homeDirectory().resolve(toPath(path.substring(2), what));
        }
        return toPath(path, what);
    }

    private static Path toPath(String path, String what) {
        try {
            return Path.of(path);
        } catch (InvalidPathException e) {
            throw new SdkClientException("Invalid path for " + what + ": " + path + " (" + e.getReason() + ")", e);
        }
    }

    private static Optional<String> clean(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** Says whose environment this is, never what it holds. */
    @Override
    public String toString() {
        return "SystemEnvironment(" + description + ")";
    }
}
