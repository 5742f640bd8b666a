package dev.ddbstreams.streams.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ddbstreams.runtime.testing.RecordingLogs;
import dev.ddbstreams.streams.reader.testing.Deliveries;
import dev.ddbstreams.streams.reader.testing.FakeStream;
import dev.ddbstreams.streams.reader.testing.FakeStreamsService.Fault;
import dev.ddbstreams.streams.reader.testing.SimulatedService;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * What the reader logs, at the levels docs/stream-reader.md gives, through the runtime's recording SLF4J binding:
 * shards found ({@code DEBUG}), started and ended ({@code INFO}), gaps ({@code WARN}), errors that stop a shard
 * ({@code ERROR}), retried faults ({@code DEBUG}).
 */
class StreamReaderLoggingTest {

    private static final String LOGGER = "dev.ddbstreams.streams.reader.StreamReader";

    private final SimulatedService service = new SimulatedService();
    private final FakeStream stream = service.stream;

    @BeforeEach
    void forgetEarlierLogs() {
        RecordingLogs.clear();
    }

    @AfterEach
    void stopService() {
        service.close();
    }

    private static List<RecordingLogs.Event> readerEvents() {
        return RecordingLogs.events().stream().filter(event -> event.logger().equals(LOGGER)).toList();
    }

    @Test
    void aShardsLifeAGapAnErrorAndARetriedFaultAreLoggedAtTheirLevels() throws Exception {
        stream.addShard("shard-a", null, 6, true);
        stream.addShard("shard-b", null, 3, true);
        stream.writeAll();
        stream.fullPages(true);
        AtomicInteger getRecordsOfA = new AtomicInteger();
        // shard-a: its second GetRecords meets a 500, retried; shard-b: access denied, which stops it.
        service.serve((operation, shard) -> {
            if (operation.equals("GetRecords") && "shard-a".equals(shard) && getRecordsOfA.incrementAndGet() == 2) {
                return Fault.INTERNAL_ERROR;
            }
            return operation.equals("GetShardIterator") && "shard-b".equals(shard) ? Fault.ACCESS_DENIED : Fault.NONE;
        });
        Deliveries deliveries = new Deliveries(stream, true);
        // While the first batch of shard-a is handled, its records 3-4 are trimmed: a gap.
        deliveries.afterEachBatch(batch -> stream.trim("shard-a", 5));
        StreamReader reader = service.reader().handler(deliveries).onGap(deliveries).maxRecordsPerBatch(3).build();

        service.runToEnd(reader);

        List<RecordingLogs.Event> events = readerEvents();
        String arn = FakeStream.ARN;
        assertThat(events).extracting(RecordingLogs.Event::level, RecordingLogs.Event::message).contains(
                tuple(Level.DEBUG, "Shard shard-a of " + arn + " found (parent null)"),
                tuple(Level.DEBUG, "Shard shard-b of " + arn + " found (parent null)"),
                tuple(Level.INFO, "Shard shard-a of " + arn + " started at TRIM_HORIZON"),
                tuple(Level.INFO, "Shard shard-a of " + arn + " ended: read to its end and checkpointed"));
        assertThat(events).filteredOn(event -> event.level() == Level.WARN).singleElement()
                .satisfies(event -> assertThat(event.message()).startsWith(
                        "Records were lost before they could be read: Gap(stream=" + arn + ", shard=shard-a, after="
                                + stream.written().get("shard-a").get(2).sequenceNumber() + ", reason=TRIMMED"));
        // The stopped shard, and then the reader ending with it failed: each an error, with its cause.
        assertThat(events).filteredOn(event -> event.level() == Level.ERROR).satisfiesExactly(
                event -> {
                    assertThat(event.message()).startsWith("Reading shard shard-b of " + arn + " failed");
                    assertThat(event.throwable()).hasMessageContaining("not authorized");
                },
                event -> assertThat(event.message()).startsWith("The reader of " + arn + " stopped"));
        assertThat(events).filteredOn(event -> event.level() == Level.DEBUG
                        && event.message().startsWith("Reading shard shard-a of " + arn + " failed, retried"))
                .hasSize(1);
        // Nothing at INFO or above but a shard's life, gaps and errors: a reader of a quiet stream stays quiet.
        assertThat(events).filteredOn(event -> event.level().toInt() >= Level.INFO.toInt())
                .allSatisfy(event -> assertThat(event.message()).matches(
                        "Shard .* (started at|ended:) .*|Records were lost .*|Reading shard .* failed .*"
                                + "|The reader of .* stopped.*|The disabled stream .* is read to its end"));
    }
}
