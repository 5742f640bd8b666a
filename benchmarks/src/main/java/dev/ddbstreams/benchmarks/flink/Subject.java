package dev.ddbstreams.benchmarks.flink;

/** One way of reading the whole simulated stream, measured by {@link FlinkSourceBenchmark}. */
interface Subject {

    /** A short name for tables and the chart. */
    String name();

    /** Reads every record of the stream at {@code endpoint} and returns how many it read. */
    long readAll(String endpoint) throws Exception;
}
