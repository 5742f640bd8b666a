package dev.ddbstreams.benchmarks.coldstart;

/**
 * A JVM that starts and reports without doing anything: the floor every probe stands on, so the cost a client adds
 * to start-up can be read off as the difference.
 */
public final class BaselineProbe {

    private BaselineProbe() {}

    public static void main(String[] args) throws Exception {
        ProbeOutput.firstRecord("none");
        ProbeOutput.stats();
    }
}
