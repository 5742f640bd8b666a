package dev.ddbstreams.benchmarks.jmh;

/**
 * One JMH result: a benchmark ({@code end-to-end} or {@code unmarshal}) for one subject (a client or decoder id) and
 * fixture.
 *
 * @param opsPerSecond the primary score
 * @param opsError its 99.9% confidence half-interval as JMH reports it
 * @param bytesPerOp {@code gc.alloc.rate.norm}: bytes the benchmark thread allocated per operation
 * @param callerCpuMicros CPU time of the benchmark thread per operation, in microseconds
 * @param clientCpuMicros CPU time of the whole benchmark JVM per operation, in microseconds
 * @param serverCpuMicros CPU time of the fixture server per operation (NaN where no server is involved)
 */
public record JmhRow(String benchmark, String subject, String fixture, double opsPerSecond, double opsError,
                     double bytesPerOp, double callerCpuMicros, double clientCpuMicros, double serverCpuMicros) {}
