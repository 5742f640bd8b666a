package dev.ddbstreams.benchmarks.jmh;

import dev.ddbstreams.benchmarks.fixtures.Fixture;
import dev.ddbstreams.benchmarks.fixtures.Fixtures;
import dev.ddbstreams.benchmarks.unmarshal.Decoder;
import dev.ddbstreams.benchmarks.unmarshal.DecoderKind;
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

/** Unmarshalling alone: the fixture's bytes, already in memory, to the client's objects. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class UnmarshalBenchmark {

    @Param({"ours", "sdk", "jackson-token-walk"})
    public String decoder;

    @Param({Fixtures.RECORDS_10, Fixtures.RECORDS_1000, Fixtures.RECORDS_NESTED, Fixtures.DESCRIBE_STREAM,
            Fixtures.LIST_STREAMS})
    public String fixture;

    private byte[] body;
    private Decoder reader;

    @Setup(Level.Trial)
    public void prepare() throws Exception {
        Fixture expected = Fixtures.byName(fixture);
        body = expected.body();
        reader = DecoderKind.byId(decoder).forFixture(expected);
        int items = reader.items(reader.decode(body));
        if (!decoder.equals(DecoderKind.JACKSON_TOKEN_WALK.id()) && items != expected.items()) {
            throw new IllegalStateException(decoder + " read " + items + " items from " + expected);
        }
        Prewarm.run(expected, () -> reader.decode(body));
    }

    @Benchmark
    public Object decode() throws IOException {
        return reader.decode(body);
    }
}
