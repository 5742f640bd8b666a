package dev.ddbstreams.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.streams.reader.StreamReader;
import dev.ddbstreams.streams.reader.lineage.ShardState;
import dev.ddbstreams.streams.reader.testing.Deliveries;
import dev.ddbstreams.streams.reader.testing.FakeStream;
import dev.ddbstreams.streams.reader.testing.FakeStreamsService;
import dev.ddbstreams.streams.reader.testing.SimulatedService;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A real reader over the simulated DynamoDB Streams service, its metrics bound to a SimpleMeterRegistry. */
class StreamReaderMeterBinderTest {

    private final SimulatedService service = new SimulatedService();
    private final FakeStream stream = service.stream;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void stopService() {
        service.close();
    }

    private Set<String> shardsWithMeters() {
        Set<String> shards = new TreeSet<>();
        registry.getMeters().stream()
                .filter(meter -> meter.getId().getName().startsWith("ddbstreams.reader.shard."))
                .forEach(meter -> shards.add(meter.getId().getTag("shard")));
        return shards;
    }

    @Test
    void aReadersTotalsLagAndShardsAreMetersAndAShardsMetersGoWhenItEnds() throws Exception {
        stream.addShard("shard-old", null, 4, true);
        stream.addShard("shard-live", "shard-old", 6, false);
        stream.write("shard-old", 4);
        stream.write("shard-live", 4);
        // The records were written an hour before the reader starts.
        service.clock.advance(Duration.ofHours(1));
        AtomicInteger getRecords = new AtomicInteger();
        Deliveries deliveries = new Deliveries(stream, true);
        StreamReader reader = service.reader().handler(deliveries).onGap(deliveries).build();
        StreamReaderMeterBinder meters = StreamReaderMeterBinder.of(reader).refreshEvery(Duration.ZERO);
        meters.bindTo(registry);
        // What the shard meters were before each call the reader made, looked at as the binder's own refresh would.
        List<Set<String>> seen = new CopyOnWriteArrayList<>();
        service.serve(new Random(1), (operation, shard) -> operation.equals("GetRecords")
                && getRecords.incrementAndGet() == 2 ? FakeStreamsService.Fault.INTERNAL_ERROR
                : FakeStreamsService.Fault.NONE, random -> {
                    meters.refresh();
                    seen.add(shardsWithMeters());
                });

        service.runUntil(reader, () -> deliveries.of("shard-live").size() == 4
                && Double.valueOf(0).equals(lagOf("shard-live")));
        meters.refresh();

        Tags stream = Tags.of("stream", FakeStream.ARN);
        assertThat(registry.get("ddbstreams.reader.records").tags(stream).functionCounter().count()).isEqualTo(8);
        assertThat(registry.get("ddbstreams.reader.batches").tags(stream).functionCounter().count())
                .isEqualTo(reader.metrics().batchesDelivered());
        assertThat(registry.get("ddbstreams.reader.errors").tags("kind", "retried").functionCounter().count())
                .isEqualTo(1);
        assertThat(registry.get("ddbstreams.reader.errors").tags("kind", "failed").functionCounter().count())
                .isZero();
        assertThat(registry.get("ddbstreams.reader.gaps").functionCounter().count()).isZero();
        assertThat(registry.get("ddbstreams.reader.shards").tags("state", ShardState.FINISHED.name()).gauge().value())
                .isEqualTo(1);
        assertThat(registry.get("ddbstreams.reader.shards").tags("state", ShardState.READING.name()).gauge().value())
                .isEqualTo(1);
        // Caught up: the live shard's last page was empty.
        assertThat(registry.get("ddbstreams.reader.iterator.age").timeGauge().value(TimeUnit.MILLISECONDS)).isZero();
        assertThat(registry.get("ddbstreams.reader.shard.records").tags("shard", "shard-live").functionCounter()
                .count()).isEqualTo(4);
        // Each shard had meters while it was read; the old one's went once it was read to its end.
        assertThat(seen).contains(Set.of("shard-old"), Set.of("shard-live"));
        assertThat(seen.indexOf(Set.of("shard-live"))).isGreaterThan(seen.lastIndexOf(Set.of("shard-old")));
        assertThat(shardsWithMeters()).containsExactly("shard-live");

        meters.close();
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void theLagOfAShardBehindByAnHourAndAGapAreMeasured() throws Exception {
        stream.addShard("shard-1", null, 10, true);
        stream.writeAll();
        stream.fullPages(true);
        service.clock.advance(Duration.ofHours(1));
        Deliveries deliveries = new Deliveries(stream, true);
        // While the first batch is handled, the service trims records 0-5: a gap.
        deliveries.afterEachBatch(batch -> stream.trim("shard-1", 6));
        StreamReader reader = service.reader().handler(deliveries).onGap(deliveries).maxRecordsPerBatch(3).build();
        StreamReaderMeterBinder meters = StreamReaderMeterBinder.of(reader, "streams", Tags.of("app", "orders"))
                .refreshEvery(Duration.ZERO);
        meters.bindTo(registry);
        List<Double> lags = new CopyOnWriteArrayList<>();
        service.serve(new Random(1), FakeStreamsService.Faults.NONE, random -> {
            meters.refresh();
            Meter lag = registry.find("streams.reader.shard.lag").tags("shard", "shard-1", "app", "orders").meter();
            if (lag != null) {
                lags.add(registry.get("streams.reader.shard.lag").timeGauge().value(TimeUnit.MILLISECONDS));
            }
        });

        service.runToEnd(reader);

        // No sample before the first delivery; then the age of the newest record delivered: an hour and a bit.
        assertThat(lags).isNotEmpty().allSatisfy(lag -> assertThat(lag.isNaN()
                || lag >= Duration.ofHours(1).toMillis() && lag <= Duration.ofHours(2).toMillis()).isTrue());
        assertThat(lags).anySatisfy(lag -> assertThat(lag).isGreaterThanOrEqualTo(Duration.ofHours(1).toMillis()));
        assertThat(registry.get("streams.reader.gaps").tags("app", "orders").functionCounter().count()).isEqualTo(1);
        meters.refresh();
        assertThat(shardsWithMeters()).isEmpty();
        assertThat(registry.find("streams.reader.shard.lag").meters()).isEmpty();
        meters.close();
    }

    @Test
    void aBinderServesOneRegistryAndIsClosedForGood() {
        StreamReader reader = service.reader().handler(batch -> { }).build();
        StreamReaderMeterBinder meters = StreamReaderMeterBinder.of(reader).refreshEvery(Duration.ofMinutes(1));
        meters.bindTo(registry);
        assertThat(registry.getMeters()).isNotEmpty();
        assertThatThrownBy(() -> meters.bindTo(new SimpleMeterRegistry())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already");
        assertThatThrownBy(() -> meters.refreshEvery(Duration.ZERO)).isInstanceOf(IllegalStateException.class);
        meters.close();
        meters.close();
        assertThat(registry.getMeters()).isEmpty();
        assertThatThrownBy(() -> StreamReaderMeterBinder.of(reader).refreshEvery(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        reader.close();
    }

    private Double lagOf(String shardId) {
        Meter lag = registry.find("ddbstreams.reader.shard.lag").tags("shard", shardId).meter();
        return lag == null ? null : registry.get("ddbstreams.reader.shard.lag").tags("shard", shardId).timeGauge()
                .value(TimeUnit.MILLISECONDS);
    }
}
