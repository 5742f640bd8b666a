/**
 * Micrometer for the DynamoDB Streams client: {@link dev.ddbstreams.micrometer.MicrometerMetricPublisher} records
 * every call's metrics as timers, counters and distribution summaries under the names and tags of
 * {@link dev.ddbstreams.micrometer.MeterNames}; {@link dev.ddbstreams.micrometer.StreamReaderMeterBinder} binds a
 * stream reader's metrics as gauges and counters under the same names (it needs {@code stream-reader}, an optional
 * dependency of this module).
 */
package dev.ddbstreams.micrometer;
