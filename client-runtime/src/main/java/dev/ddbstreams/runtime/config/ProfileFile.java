package dev.ddbstreams.runtime.config;

import dev.ddbstreams.runtime.exception.SdkClientException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The profiles of the shared AWS files, {@code ~/.aws/config} and {@code ~/.aws/credentials}, merged: where both
 * files set a property of the same profile, the credentials file wins. A file that does not exist contributes no
 * profiles.
 *
 * <p>The files' locations follow the AWS SDKs: the system property {@code aws.configFile} or the environment
 * variable {@code AWS_CONFIG_FILE}, and {@code aws.sharedCredentialsFile} or {@code AWS_SHARED_CREDENTIALS_FILE},
 * else the defaults in the home folder. The profile to use is {@code aws.profile}, {@code AWS_PROFILE} or
 * {@code default} ({@link #defaultProfileName}).
 */
public final class ProfileFile {

    /** The profile used when none is named. */
    public static final String DEFAULT_PROFILE = "default";

    private final Path configFile;
    private final Path credentialsFile;
    private final boolean configFileExists;
    private final boolean credentialsFileExists;
    private final Map<String, Profile> profiles;

    private ProfileFile(Path configFile, Path credentialsFile) {
        this.configFile = configFile;
        this.credentialsFile = credentialsFile;
        Map<String, Map<String, String>> config = read(configFile, ProfileFileParser.Kind.CONFIG);
        Map<String, Map<String, String>> credentials = read(credentialsFile, ProfileFileParser.Kind.CREDENTIALS);
        this.configFileExists = config != null;
        this.credentialsFileExists = credentials != null;
        Map<String, Map<String, String>> merged = new LinkedHashMap<>();
        mergeInto(merged, config);
        mergeInto(merged, credentials);
        Map<String, Profile> result = new LinkedHashMap<>();
        merged.forEach((name, properties) -> result.put(name, new Profile(name, properties)));
        this.profiles = Map.copyOf(result);
    }

    /**
     * Reads the files {@code environment} points to.
     *
     * @throws SdkClientException when a file exists but cannot be read or is malformed
     */
    public static ProfileFile load(SystemEnvironment environment) {
        Objects.requireNonNull(environment, "environment");
        return of(configFileLocation(environment), credentialsFileLocation(environment));
    }

    /**
     * Reads the given files; either may be missing.
     *
     * @throws SdkClientException when a file exists but cannot be read or is malformed
     */
    public static ProfileFile of(Path configFile, Path credentialsFile) {
        return new ProfileFile(Objects.requireNonNull(configFile, "configFile"),
                Objects.requireNonNull(credentialsFile, "credentialsFile"));
    }

    /** The profile to use: the system property {@code aws.profile}, else {@code AWS_PROFILE}, else {@code default}. */
    public static String defaultProfileName(SystemEnvironment environment) {
        return environment.setting("aws.profile", "AWS_PROFILE").orElse(DEFAULT_PROFILE);
    }

    /** Where the config file is: {@code aws.configFile}, {@code AWS_CONFIG_FILE} or {@code ~/.aws/config}. */
    public static Path configFileLocation(SystemEnvironment environment) {
        return environment.setting("aws.configFile", "AWS_CONFIG_FILE")
                .map(path -> environment.expandHome(path, "the AWS config file"))
                .orElseGet(() -> environment.homeDirectory().resolve(".aws").resolve("config"));
    }

    /**
     * Where the credentials file is: {@code aws.sharedCredentialsFile}, {@code AWS_SHARED_CREDENTIALS_FILE} or
     * {@code ~/.aws/credentials}.
     */
    public static Path credentialsFileLocation(SystemEnvironment environment) {
        return environment.setting("aws.sharedCredentialsFile", "AWS_SHARED_CREDENTIALS_FILE")
                .map(path -> environment.expandHome(path, "the AWS shared credentials file"))
                .orElseGet(() -> environment.homeDirectory().resolve(".aws").resolve("credentials"));
    }

    /** The profile called {@code name}, if either file has it. */
    public Optional<Profile> profile(String name) {
        return Optional.ofNullable(profiles.get(Objects.requireNonNull(name, "name")));
    }

    /** The names of every profile in the two files. */
    public Set<String> profileNames() {
        return profiles.keySet();
    }

    /** The config file read (or looked for). */
    public Path configFile() {
        return configFile;
    }

    /** The credentials file read (or looked for). */
    public Path credentialsFile() {
        return credentialsFile;
    }

    /** The two files and whether they exist, for messages: {@code /home/me/.aws/config (not found) and ...}. */
    public String describe() {
        return describe(configFile, configFileExists) + " and " + describe(credentialsFile, credentialsFileExists);
    }

    @Override
    public String toString() {
        return "ProfileFile(" + describe() + ", profiles=" + profiles.keySet() + ")";
    }

    private static void mergeInto(Map<String, Map<String, String>> merged, Map<String, Map<String, String>> file) {
        if (file != null) {
            file.forEach((name, properties) ->
                    merged.computeIfAbsent(name, n -> new LinkedHashMap<>()).putAll(properties));
        }
    }

    private static String describe(Path file, boolean exists) {
        return exists ? file.toString() : file + " (not found)";
    }

    /** The file's profiles, or {@code null} when it does not exist. */
    private static Map<String, Map<String, String>> read(Path file, ProfileFileParser.Kind kind) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            if (!Files.exists(file)) {
                return null;
            }
            throw new SdkClientException("Unable to read the AWS " + (kind == ProfileFileParser.Kind.CONFIG
                    ? "config" : "credentials") + " file " + file + ": " + e, e);
        }
        return ProfileFileParser.parse(content, kind, file.toString());
    }
}
