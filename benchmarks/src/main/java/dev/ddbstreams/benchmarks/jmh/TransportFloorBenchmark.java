package dev.ddbstreams.benchmarks.jmh;

import dev.ddbstreams.benchmarks.fixtures.Fixture;
import dev.ddbstreams.benchmarks.fixtures.Fixtures;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The end-to-end floor: the same server and fixtures as {@link EndToEndBenchmark} with no client at all (see
 * {@link RawHttpConnection}). No client can make more calls per second than this; a ratio between two clients can
 * be no larger than the slower one's time over this floor's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TransportFloorBenchmark {

    @Param({Fixtures.RECORDS_10, Fixtures.RECORDS_1000})
    public String fixture;

    private BenchmarkEndpoint endpoint;
    private RawHttpConnection connection;

    @Setup(Level.Trial)
    public void open() throws Exception {
        endpoint = BenchmarkEndpoint.resolve();
        Fixture expected = Fixtures.byName(fixture);
        connection = new RawHttpConnection(endpoint.baseUri(), expected.name(), expected.operation());
        if (connection.call() != expected.body().length) {
            throw new IllegalStateException("The floor read the wrong number of bytes from " + expected);
        }
        Prewarm.run(expected, connection::call);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        connection.close();
        endpoint.close();
    }

    @Benchmark
    public int call() throws IOException {
        return connection.call();
    }
}
