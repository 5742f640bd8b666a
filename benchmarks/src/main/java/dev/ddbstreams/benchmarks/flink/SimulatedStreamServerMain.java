package dev.ddbstreams.benchmarks.flink;

import dev.ddbstreams.benchmarks.server.FixtureServerMain;
import dev.ddbstreams.streams.reader.testing.FakeStream;
import dev.ddbstreams.streams.reader.testing.FakeStreamsService;
import dev.ddbstreams.streams.reader.testing.NoDelaySockets;
import java.io.IOException;
import java.time.Clock;
import java.util.Random;
import mockwebserver3.MockWebServer;

/**
 * The simulated DynamoDB Streams service of stream-reader's tests, in a JVM of its own so that the benchmark's CPU
 * time is the readers' alone: a stream of {@code shards} closed shards of {@code records} records each, every one
 * written before the first request, full pages, no faults; disabled, so every reader of it ends by itself. Prints
 * {@link FixtureServerMain#READY} and the port, and stops when its standard input closes.
 *
 * <pre>java ... SimulatedStreamServerMain &lt;shards&gt; &lt;records per shard&gt;</pre>
 */
public final class SimulatedStreamServerMain {

    private SimulatedStreamServerMain() {}

    public static void main(String[] args) throws IOException {
        int shards = Integer.parseInt(args[0]);
        int records = Integer.parseInt(args[1]);
        FakeStream stream = new FakeStream(Clock.systemUTC());
        for (int i = 0; i < shards; i++) {
            stream.addShard(shardId(i), null, records, true);
        }
        stream.writeAll();
        stream.fullPages(true);
        try (MockWebServer server = new MockWebServer()) {
            // Small answers (DescribeStream pages, iterators) would otherwise wait 40 ms for a delayed ACK each.
            server.setServerSocketFactory(NoDelaySockets.server());
            server.setDispatcher(new FakeStreamsService(stream, Clock.systemUTC(), new Random(1),
                    FakeStreamsService.Faults.NONE));
            server.start();
            System.out.println(FixtureServerMain.READY + server.getPort());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Wait for the benchmark to go away.
            }
        }
    }

    /** The id of the i-th shard. */
    static String shardId(int i) {
        return String.format("shardId-%05d", i);
    }
}
