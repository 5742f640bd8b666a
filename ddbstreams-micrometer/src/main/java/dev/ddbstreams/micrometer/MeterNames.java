package dev.ddbstreams.micrometer;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.Objects;

/**
 * The meter names and tag keys of this module, in one place so every binding names its meters alike: dot-separated
 * lower case under a common prefix ({@value #DEFAULT_PREFIX} unless configured), which Micrometer's registries turn
 * into each backend's convention ({@code ddbstreams_api_call_seconds} in Prometheus). Tags have few values each:
 * request ids are never tags, and a stream's ARN tags only the meters of a reader of it (one value per reader).
 */
public final class MeterNames {

    /** The prefix of every meter unless configured. */
    public static final String DEFAULT_PREFIX = "ddbstreams";

    /** Tag: the service, such as {@code DynamoDB Streams}. */
    public static final String SERVICE = "service";
    /** Tag: the operation, such as {@code GetRecords}. */
    public static final String OPERATION = "operation";
    /** Tag: {@code success} or {@code failure}. */
    public static final String OUTCOME = "outcome";
    /** Tag: the service's error code, the exception's simple class name for a failure without one, else {@code none}. */
    public static final String ERROR_CODE = "error.code";
    /** Tag: an attempt's HTTP status, {@code none} when no response arrived. */
    public static final String HTTP_STATUS = "http.status";

    private final String prefix;
    private final Tags commonTags;

    private MeterNames(String prefix, Tags commonTags) {
        this.prefix = prefix;
        this.commonTags = commonTags;
    }

    /** Names under {@code prefix}, every meter also tagged with {@code commonTags}. */
    public static MeterNames of(String prefix, Iterable<Tag> commonTags) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isEmpty() || prefix.endsWith(".")) {
            throw new IllegalArgumentException("A meter prefix is a non-empty name without a trailing dot: " + prefix);
        }
        return new MeterNames(prefix, Tags.of(commonTags));
    }

    /** The default names: prefix {@value #DEFAULT_PREFIX}, no common tags. */
    public static MeterNames defaults() {
        return of(DEFAULT_PREFIX, Tags.empty());
    }

    /** {@code <prefix>.<suffix>}. */
    public String name(String suffix) {
        return prefix + "." + suffix;
    }

    /** The common tags with {@code more} added. */
    public Tags tags(String... keysAndValues) {
        return commonTags.and(keysAndValues);
    }

    @Override
    public String toString() {
        return "MeterNames(" + prefix + ", " + commonTags + ")";
    }
}
