package dev.ddbstreams.flink;

/**
 * What the source does when it finds a gap: records of a shard the service removed (it keeps them 24 hours) before
 * the source read them. Every gap is counted in the shard's {@code gaps} metric, whatever the policy.
 */
public enum GapPolicy {
    /**
     * Fail the job with an exception naming the shard and the position. A restart from the last checkpoint finds the
     * same gap again: use it to stop and decide, not to recover by itself.
     */
    FAIL,
    /** Go on after the gap, with no log line (the metric still counts it). */
    SKIP,
    /** Go on after the gap and log it as a warning (the default). */
    LOG
}
