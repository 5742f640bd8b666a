/**
 * Micrometer for the DynamoDB Streams client: {@link dev.ddbstreams.micrometer.MicrometerMetricPublisher} records
 * every call's metrics as timers, counters and distribution summaries under the names and tags of
 * {@link dev.ddbstreams.micrometer.MeterNames}. Bindings of other parts of the SDK (the stream reader's gauges) are
 * further classes here that share those names.
 */
package dev.ddbstreams.micrometer;
