/**
 * Call metrics: a {@link dev.ddbstreams.runtime.metrics.MetricPublisher} receives one immutable
 * {@link dev.ddbstreams.runtime.metrics.CallMetrics} per call (its attempts, each an
 * {@link dev.ddbstreams.runtime.metrics.AttemptMetrics}), delivered off the caller's thread by a
 * {@link dev.ddbstreams.runtime.metrics.MetricsDispatcher} that never makes a call wait. The {@code ddbstreams-micrometer}
 * module publishes them to Micrometer.
 */
package dev.ddbstreams.runtime.metrics;
