package dev.ddbstreams.streams.reader.testing;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.config.SystemEnvironment;
import dev.ddbstreams.runtime.http.ClientSettings;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.reader.StreamReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;

/**
 * A simulated DynamoDB Streams service on a local port, a real generated client pointed at it, and a manual clock
 * shared by both: what each reader test starts from.
 *
 * <p>Its {@link #reader()} is {@code deterministic}: one thread runs the reader's steps one at a time, and the
 * manual clock moves only while the reader waits, so a test sees the same calls in the same order, at the same
 * times, every run, however busy the machine. {@link #threadedReader()} is for what needs the reader's threads.
 */
public final class SimulatedService implements AutoCloseable {

    /**
     * How long, on the stream's clock, a reader of a stream that ends may take before it counts as stuck: longer
     * than any outage or stop a test plays out.
     */
    public static final Duration STUCK_AFTER = Duration.ofDays(4);

    /** The real time a test waits for a reader at most: only a handler blocked for good takes that long. */
    private static final Duration REAL_TIME_LIMIT = Duration.ofSeconds(120);

    public final ManualClock clock = new ManualClock();
    public final FakeStream stream;
    public final MockWebServer server = new MockWebServer();
    public final DynamoDbStreamsClient client;
    private final Clock streamClock;
    private FakeStreamsService service;
    private volatile Runnable beforeEachCall = () -> { };

    /** A service on the manual clock, for readers on the same clock. */
    public SimulatedService() {
        this(null);
    }

    /** A service on {@code streamClock} (for a reader on the system clock), or on the manual clock when null. */
    public SimulatedService(Clock streamClock) {
        this.streamClock = streamClock != null ? streamClock : clock;
        this.stream = new FakeStream(this.streamClock);
        server.setServerSocketFactory(NoDelaySockets.server());
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
                .httpClient(new OkHttpClient.Builder().socketFactory(NoDelaySockets.client()).build())
                .connectTimeout(ClientSettings.DEFAULT_CONNECT_TIMEOUT)
                .readTimeout(ClientSettings.DEFAULT_READ_TIMEOUT)
                .callTimeout(ClientSettings.DEFAULT_CALL_TIMEOUT)
                .build();
    }

    /** Answers from now on with these faults, running {@code beforeEachRequest} first on every request. */
    public FakeStreamsService serve(Random random, FakeStreamsService.Faults faults, Consumer<Random> beforeEachRequest) {
        service = new FakeStreamsService(stream, streamClock, random, faults, r -> {
            beforeEachRequest.accept(r);
            beforeEachCall.run();
        });
        server.setDispatcher(service);
        return service;
    }

    public FakeStreamsService serve(FakeStreamsService.Faults faults) {
        return serve(new Random(1), faults, random -> { });
    }

    public FakeStreamsService service() {
        return service;
    }

    /**
     * A deterministic reader of the fake stream on the manual clock, with short pauses; set a handler, and more if
     * needed.
     */
    public StreamReader.Builder reader() {
        return threadedReader().deterministic(1);
    }

    /**
     * A reader of the fake stream on the manual clock, on threads of its own: for what needs them (several handlers
     * at once, reading ahead while a handler works). What it does depends on how its threads happen to run, so
     * tests of it check only what holds whatever the order.
     */
    public StreamReader.Builder threadedReader() {
        return StreamReader.builder()
                .client(client)
                .streamArn(FakeStream.ARN)
                .clock(clock)
                .sleeper(clock.sleeper())
                .shardDiscoveryInterval(Duration.ofSeconds(5));
    }

    /**
     * Starts the reader and waits for it to end by itself, as it does once the disabled stream is read.
     *
     * @throws AssertionError when it has not ended after {@link #STUCK_AFTER} on the stream's clock (it is stuck)
     */
    public void runToEnd(StreamReader reader) throws InterruptedException {
        reader.start();
        awaitEnd(reader);
    }

    /**
     * Starts the reader and stops it as soon as {@code done} holds, checked before each call the reader makes (on
     * the reader's own thread, for a deterministic reader: the same moment every run); then waits for it to end.
     */
    public void runUntil(StreamReader reader, BooleanSupplier done) throws InterruptedException {
        AtomicBoolean stopped = new AtomicBoolean();
        beforeEachCall = () -> {
            if (!stopped.get() && done.getAsBoolean() && stopped.compareAndSet(false, true)) {
                reader.shutdown();
            }
        };
        try {
            reader.start();
            awaitEnd(reader);
        } finally {
            beforeEachCall = () -> { };
        }
    }

    private void awaitEnd(StreamReader reader) throws InterruptedException {
        Instant stuckAt = streamClock.instant().plus(STUCK_AFTER);
        long realDeadline = System.nanoTime() + REAL_TIME_LIMIT.toNanos();
        while (!reader.awaitTermination(Duration.ofMillis(20))) {
            String stuck = streamClock.instant().isAfter(stuckAt) ? STUCK_AFTER + " on the stream's clock"
                    : System.nanoTime() > realDeadline ? REAL_TIME_LIMIT + " of real time" : null;
            if (stuck != null) {
                reader.close(Duration.ofSeconds(5));
                throw new AssertionError("the reader did not end within " + stuck + ": " + reader.metrics());
            }
        }
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
