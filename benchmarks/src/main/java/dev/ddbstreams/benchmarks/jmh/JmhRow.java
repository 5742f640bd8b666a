package dev.ddbstreams.benchmarks.jmh;

/**
 * One JMH result: a benchmark ({@code end-to-end} or {@code unmarshal}) for one subject (a client or decoder id) and
 * fixture.
 *
 * @param opsPerSecond the primary score
 * @param opsError its 99.9% confidence half-interval as JMH reports it
 * @param bytesPerOp {@code gc.alloc.rate.norm}: bytes the benchmark thread allocated per operation
 */
public record JmhRow(String benchmark, String subject, String fixture, double opsPerSecond, double opsError,
                     double bytesPerOp) {}
