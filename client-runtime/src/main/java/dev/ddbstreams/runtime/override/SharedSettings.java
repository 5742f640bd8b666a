package dev.ddbstreams.runtime.override;

import dev.ddbstreams.runtime.interceptor.ExecutionInterceptor;
import dev.ddbstreams.runtime.metrics.MetricPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What client and request override configurations both collect, and how: headers, interceptors and metric
 * publishers. Each builder holds one and hands its setters to it, so both check and order values alike.
 */
final class SharedSettings {

    final Map<String, List<String>> headers = OverrideValues.newHeaders();
    final List<ExecutionInterceptor> interceptors = new ArrayList<>();
    final List<MetricPublisher> publishers = new ArrayList<>();

    void copyFrom(Map<String, List<String>> headers, List<ExecutionInterceptor> interceptors,
                  List<MetricPublisher> publishers) {
        this.headers.putAll(headers);
        this.interceptors.addAll(interceptors);
        this.publishers.addAll(publishers);
    }

    void putHeader(String name, List<String> values) {
        OverrideValues.putHeader(headers, name, values);
    }

    void replaceHeaders(Map<String, List<String>> replacement) {
        Objects.requireNonNull(replacement, "headers");
        headers.clear();
        replacement.forEach(this::putHeader);
    }

    void addInterceptor(ExecutionInterceptor interceptor) {
        interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
    }

    void replaceInterceptors(List<? extends ExecutionInterceptor> replacement) {
        Objects.requireNonNull(replacement, "interceptors");
        interceptors.clear();
        replacement.forEach(this::addInterceptor);
    }

    void addPublisher(MetricPublisher publisher) {
        publishers.add(Objects.requireNonNull(publisher, "publisher"));
    }

    void replacePublishers(List<? extends MetricPublisher> replacement) {
        Objects.requireNonNull(replacement, "publishers");
        publishers.clear();
        replacement.forEach(this::addPublisher);
    }
}
