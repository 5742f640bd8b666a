package dev.ddbstreams.codegen;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Which plugin execution writes to which output directory in one build of one project. Two executions must not
 * share one: each removes the files it did not generate this time as stale (see the writer's manifest), so the
 * second would delete the first's client.
 */
final class OutputDirectoryClaims {

    /** The key under which the claims are kept in the project's context, which lives as long as the build. */
    static final String CONTEXT_KEY = OutputDirectoryClaims.class.getName();

    private final Map<String, String> claims;

    /** Claims kept in {@code claims}: directory (absolute, normalized) to execution id. */
    OutputDirectoryClaims(Map<String, String> claims) {
        this.claims = claims;
    }

    /**
     * Claims {@code directory} for {@code executionId}.
     *
     * @return the message to fail with when another execution has claimed it, otherwise empty
     */
    Optional<String> claim(Path directory, String executionId) {
        String key = directory.toAbsolutePath().normalize().toString();
        String owner;
        synchronized (claims) {
            owner = claims.putIfAbsent(key, executionId);
        }
        if (owner == null || owner.equals(executionId)) {
            return Optional.empty();
        }
        return Optional.of("Executions \"" + owner + "\" and \"" + executionId + "\" both generate into " + key
                + "; give each execution its own <outputDirectory>, because each removes the files the other generated as stale");
    }
}
