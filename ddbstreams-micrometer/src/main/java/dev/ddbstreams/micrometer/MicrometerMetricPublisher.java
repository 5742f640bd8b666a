package dev.ddbstreams.micrometer;

import dev.ddbstreams.runtime.metrics.AttemptMetrics;
import dev.ddbstreams.runtime.metrics.CallMetrics;
import dev.ddbstreams.runtime.metrics.MetricPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;

/**
 * Records the client's call metrics in a Micrometer {@link MeterRegistry}:
 *
 * <table>
 *   <caption>Meters (names with the default prefix)</caption>
 *   <tr><th>Meter</th><th>Kind</th><th>Tags</th><th>What</th></tr>
 *   <tr><td>{@code ddbstreams.api.call}</td><td>timer</td><td>service, operation, outcome, error.code</td>
 *       <td>each call, every attempt and wait included</td></tr>
 *   <tr><td>{@code ddbstreams.api.call.attempt}</td><td>timer</td><td>service, operation, http.status, error.code</td>
 *       <td>each attempt, from signing to the response read</td></tr>
 *   <tr><td>{@code ddbstreams.api.call.retries}</td><td>counter</td><td>service, operation</td>
 *       <td>attempts after the first</td></tr>
 *   <tr><td>{@code ddbstreams.api.call.throttled}</td><td>counter</td><td>service, operation</td>
 *       <td>attempts the service throttled</td></tr>
 *   <tr><td>{@code ddbstreams.api.call.request.size}</td><td>distribution summary (bytes)</td>
 *       <td>service, operation</td><td>request bodies</td></tr>
 *   <tr><td>{@code ddbstreams.api.call.response.size}</td><td>distribution summary (bytes)</td>
 *       <td>service, operation</td><td>response bodies, when their length was declared</td></tr>
 *   <tr><td>{@code ddbstreams.metrics.dropped}</td><td>counter</td><td></td>
 *       <td>call records lost before they reached this publisher (it fell behind, or threw)</td></tr>
 * </table>
 *
 * <p>Use it as any {@link MetricPublisher}:
 * {@code DynamoDbStreamsClient.builder().overrideConfiguration(o -> o.addMetricPublisher(MicrometerMetricPublisher.create(registry)))}.
 * One publisher may serve several clients. Thread-safe.
 */
public final class MicrometerMetricPublisher implements MetricPublisher {

    private final MeterRegistry registry;
    private final MeterNames names;

    private MicrometerMetricPublisher(MeterRegistry registry, MeterNames names) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.names = Objects.requireNonNull(names, "names");
    }

    /** A publisher recording into {@code registry} under the default names. */
    public static MicrometerMetricPublisher create(MeterRegistry registry) {
        return new MicrometerMetricPublisher(registry, MeterNames.defaults());
    }

    /** A publisher recording into {@code registry} under {@code prefix}, every meter tagged with {@code commonTags}. */
    public static MicrometerMetricPublisher create(MeterRegistry registry, String prefix, Iterable<Tag> commonTags) {
        return new MicrometerMetricPublisher(registry, MeterNames.of(prefix, commonTags));
    }

    @Override
    public void publish(CallMetrics call) {
        Tags operation = names.tags(MeterNames.SERVICE, call.serviceId(), MeterNames.OPERATION, call.operationName());
        Timer.builder(names.name("api.call"))
                .description("DynamoDB Streams client calls, every attempt and wait included")
                .tags(operation)
                .tag(MeterNames.OUTCOME, call.successful() ? "success" : "failure")
                .tag(MeterNames.ERROR_CODE, errorCode(call))
                .register(registry)
                .record(call.apiCallDuration());
        for (AttemptMetrics attempt : call.attempts()) {
            Timer.builder(names.name("api.call.attempt"))
                    .description("Attempts of DynamoDB Streams client calls, from signing to the response read")
                    .tags(operation)
                    .tag(MeterNames.HTTP_STATUS, attempt.httpStatusCode() == 0 ? "none" : Integer.toString(attempt.httpStatusCode()))
                    .tag(MeterNames.ERROR_CODE, attempt.errorCode() == null ? "none" : attempt.errorCode())
                    .register(registry)
                    .record(attempt.serviceCallDuration());
            if (attempt.throttled()) {
                counter("api.call.throttled", "Attempts the service throttled", operation).increment();
            }
        }
        if (call.retryCount() > 0) {
            counter("api.call.retries", "Retries of DynamoDB Streams client calls", operation).increment(call.retryCount());
        }
        size("api.call.request.size", "Request body sizes", operation).record(call.requestBytes());
        if (call.responseBytes() >= 0) {
            size("api.call.response.size", "Response body sizes, as declared", operation).record(call.responseBytes());
        }
    }

    @Override
    public void dropped(long count) {
        Counter.builder(names.name("metrics.dropped"))
                .description("Call metrics records lost before they reached the Micrometer publisher")
                .tags(names.tags())
                .register(registry)
                .increment(count);
    }

    private Counter counter(String suffix, String description, Tags tags) {
        return Counter.builder(names.name(suffix)).description(description).tags(tags).register(registry);
    }

    private DistributionSummary size(String suffix, String description, Tags tags) {
        return DistributionSummary.builder(names.name(suffix)).description(description).baseUnit("bytes").tags(tags)
                .register(registry);
    }

    private static String errorCode(CallMetrics call) {
        if (call.errorCode() != null) {
            return call.errorCode();
        }
        if (call.exceptionType() != null) {
            String type = call.exceptionType();
            return type.substring(type.lastIndexOf('.') + 1).replace('$', '.');
        }
        return "none";
    }

    @Override
    public String toString() {
        return "MicrometerMetricPublisher(" + registry.getClass().getSimpleName() + ", " + names + ")";
    }
}
