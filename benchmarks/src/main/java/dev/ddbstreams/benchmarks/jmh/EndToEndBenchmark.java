package dev.ddbstreams.benchmarks.jmh;

import dev.ddbstreams.benchmarks.clients.ClientKind;
import dev.ddbstreams.benchmarks.clients.FixtureCall;
import dev.ddbstreams.benchmarks.fixtures.Fixture;
import dev.ddbstreams.benchmarks.fixtures.Fixtures;
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
 * A whole call, as an application sees it: build the request, sign, send over a kept-alive connection to the
 * fixture server (another JVM), receive, check the CRC32, and parse the whole response into the client's objects.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EndToEndBenchmark {

    @Param({"ours", "ours-observed", "sdk-apache5", "sdk-apache", "sdk-url-connection"})
    public String client;

    @Param({Fixtures.RECORDS_10, Fixtures.RECORDS_1000, Fixtures.RECORDS_NESTED, Fixtures.DESCRIBE_STREAM,
            Fixtures.LIST_STREAMS})
    public String fixture;

    private BenchmarkEndpoint endpoint;
    private FixtureCall call;

    @Setup(Level.Trial)
    public void open() throws Exception {
        endpoint = BenchmarkEndpoint.resolve();
        Fixture expected = Fixtures.byName(fixture);
        call = ClientKind.byId(client).open(endpoint.baseUri(), expected);
        // A benchmark of a call that reads the wrong thing measures nothing: check once, outside the timing.
        int items = call.items(call.call());
        if (items != expected.items()) {
            throw new IllegalStateException(client + " read " + items + " items from " + expected);
        }
        Prewarm.run(expected, call::call);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        call.close();
        endpoint.close();
    }

    @Benchmark
    public Object call() {
        return call.call();
    }
}
