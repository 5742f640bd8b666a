package dev.ddbstreams.streams.reader.testing;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.config.SystemEnvironment;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.reader.StreamReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import mockwebserver3.MockWebServer;

/**
 * A simulated DynamoDB Streams service on a local port, a real generated client pointed at it, and a manual clock
 * shared by both: what each reader test starts from.
 */
public final class SimulatedService implements AutoCloseable {

    public final ManualClock clock = new ManualClock();
    public final FakeStream stream;
    public final MockWebServer server = new MockWebServer();
    public final DynamoDbStreamsClient client;
    private final Clock streamClock;
    private FakeStreamsService service;

    /** A service on the manual clock, for readers on the same clock. */
    public SimulatedService() {
        this(null);
    }

    /** A service on {@code streamClock} (for a reader on the system clock), or on the manual clock when null. */
    public SimulatedService(Clock streamClock) {
        this.streamClock = streamClock != null ? streamClock : clock;
        this.stream = new FakeStream(this.streamClock);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client = client(RetryPolicy.none());
        serve(new Random(1), FakeStreamsService.Faults.NONE, random -> { });
    }

    /**
     * A client of the simulated service with this retry policy. The tests' client makes one attempt per call, so the
     * reader meets every fault itself; it runs on the system clock, since its call timeout must not count the manual
     * clock's leaps; and it ignores the machine's AWS settings.
     */
    public DynamoDbStreamsClient client(RetryPolicy retryPolicy) {
        return DynamoDbStreamsClient.builder()
                // A home without ~/.aws: no profile of the machine's can change the client.
                .systemEnvironment(SystemEnvironment.of(Map.of("HOME", "/nonexistent/ddbstreams-reader-tests"), Map.of()))
                .region("us-east-1")
                .endpointOverride(server.url("/").uri())
                .credentialsProvider(StaticCredentialsProvider.create("AKIDEXAMPLE", "secret"))
                .retryPolicy(retryPolicy)
                .build();
    }

    /** Answers from now on with these faults, running {@code beforeEachRequest} first on every request. */
    public FakeStreamsService serve(Random random, FakeStreamsService.Faults faults, Consumer<Random> beforeEachRequest) {
        service = new FakeStreamsService(stream, streamClock, random, faults, beforeEachRequest);
        server.setDispatcher(service);
        return service;
    }

    public FakeStreamsService serve(FakeStreamsService.Faults faults) {
        return serve(new Random(1), faults, random -> { });
    }

    public FakeStreamsService service() {
        return service;
    }

    /** A reader of the fake stream on the manual clock, with short pauses; set a handler, and more if needed. */
    public StreamReader.Builder reader() {
        return StreamReader.builder()
                .client(client)
                .streamArn(FakeStream.ARN)
                .clock(clock)
                .sleeper(clock.sleeper())
                .shardDiscoveryInterval(Duration.ofSeconds(5));
    }

    /** Starts the reader and waits (in real time, generously) for it to end by itself. */
    public static void runToEnd(StreamReader reader) throws InterruptedException {
        reader.start();
        if (!reader.awaitTermination(Duration.ofSeconds(30))) {
            reader.close();
            throw new AssertionError("the reader did not finish the stream within 30 s: " + reader.metrics());
        }
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
