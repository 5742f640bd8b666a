package dev.ddbstreams.flink.reader;

import dev.ddbstreams.flink.GapPolicy;
import dev.ddbstreams.flink.SourceSettings;
import dev.ddbstreams.flink.split.ShardSplit;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.model.Record;
import dev.ddbstreams.streams.model.Shard;
import dev.ddbstreams.streams.reader.consume.Backoff;
import dev.ddbstreams.streams.reader.consume.Gap;
import dev.ddbstreams.streams.reader.consume.Polling;
import dev.ddbstreams.streams.reader.consume.ReadResult;
import dev.ddbstreams.streams.reader.consume.ShardReader;
import dev.ddbstreams.streams.reader.consume.ShardReaderContext;
import dev.ddbstreams.streams.reader.lineage.ShardDiscovery;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the shards assigned to one parallel reader, on its fetcher thread: one {@link ShardReader} of
 * stream-reader's {@code consume} package per shard, which knows the iterators and their expiry, trimmed data,
 * retries with backoff, the stream's shared throttle, the pace of five calls a second, and the slower polling of idle
 * shards. Each {@link #fetch()} reads one page of the shard that is due first, or waits (at most
 * {@link #MAX_WAIT}, and less when woken up) when none is due yet.
 *
 * <p>A gap is counted in the shard's metrics and then handled by the {@link GapPolicy}. A shard the service no
 * longer knows is checked against a listing: gone, it is a gap and finished; still listed, it is retried. An error
 * retrying cannot fix fails the fetch, and so the job, which restarts from its last checkpoint.
 */
public final class ShardSplitReader implements SplitReader<Record, ShardSplit> {

    private static final Logger LOG = LoggerFactory.getLogger(ShardSplitReader.class);

    /** The longest a fetch waits for a shard to be due, so the fetcher thread takes new splits promptly. */
    static final Duration MAX_WAIT = Duration.ofMillis(100);

    private final SourceSettings settings;
    private final DynamoDbStreamsClient client;
    private final ShardReaderContext context;
    private final ShardDiscovery discovery;
    private final ShardSplitMetrics.Registry metrics;
    private final Clock clock;
    private final Map<String, ShardReader> shards = new LinkedHashMap<>();
    private final Object wakeUpLock = new Object();
    private boolean wokenUp;

    /** A reader of the stream the settings name, with a client of its own (closed with it). */
    public ShardSplitReader(SourceSettings settings, ShardSplitMetrics.Registry metrics) {
        this.settings = settings;
        this.client = settings.clientFactory().create();
        this.clock = Clock.systemUTC();
        Backoff backoff = new Backoff(settings.retryBackoffBase(), settings.retryBackoffMax());
        this.context = new ShardReaderContext(client, settings.streamArn(), settings.maxRecordsPerCall(), clock,
                backoff, StreamThrottles.of(settings.streamArn(), backoff),
                new Polling(settings.pollInterval(), settings.maxPollInterval()));
        this.discovery = new ShardDiscovery(client, settings.streamArn());
        this.metrics = metrics;
    }

    @Override
    public RecordsWithSplitIds<Record> fetch() throws IOException {
        RecordsBySplits.Builder<Record> out = new RecordsBySplits.Builder<>();
        ShardReader due = null;
        for (ShardReader reader : shards.values()) {
            if (due == null || reader.nextReadAt().isBefore(due.nextReadAt())) {
                due = reader;
            }
        }
        if (due == null) {
            return out.build();
        }
        Duration wait = Duration.between(clock.instant(), due.nextReadAt());
        if (!wait.isNegative() && !wait.isZero()) {
            waitOrWakeUp(wait.compareTo(MAX_WAIT) < 0 ? wait : MAX_WAIT);
            return out.build();
        }
        read(due, out);
        return out.build();
    }

    private void read(ShardReader reader, RecordsBySplits.Builder<Record> out) throws IOException {
        String shardId = reader.shard().shardId();
        ShardSplitMetrics shardMetrics = metrics.of(shardId);
        ReadResult result = reader.read();
        if (result instanceof ReadResult.Records page) {
            List<Record> records = page.records();
            Record newest = records.get(records.size() - 1);
            shardMetrics.readRecords(newest.dynamodb().approximateCreationDateTime(), clock.instant());
            out.addAll(shardId, records);
            if (reader.isEnded()) {
                finish(shardId, out);
            }
        } else if (result instanceof ReadResult.Empty) {
            shardMetrics.caughtUp();
        } else if (result instanceof ReadResult.End) {
            finish(shardId, out);
        } else if (result instanceof ReadResult.GapFound found) {
            onGap(found.gap(), shardMetrics);
        } else if (result instanceof ReadResult.IteratorExpired) {
            shardMetrics.iteratorRefreshes().inc();
        } else if (result instanceof ReadResult.ShardNotFound notFound) {
            if (!stillListed(shardId)) {
                onGap(reader.shardGone(notFound.cause()), shardMetrics);
                finish(shardId, out);
            }
        } else if (result instanceof ReadResult.Failed failed) {
            throw new IOException("Reading shard " + shardId + " of " + settings.streamArn() + " failed with an error"
                    + " that retrying cannot fix", failed.cause());
        } else if (result instanceof ReadResult.Retry retry) {
            LOG.debug("Shard {}: retrying after {}", shardId, retry.cause().toString());
        }
        // Paused: the stream is throttled; the shard is due again once the pause is over.
    }

    private boolean stillListed(String shardId) {
        for (Shard shard : discovery.listAll().shards()) {
            if (shard.shardId().equals(shardId)) {
                return true;
            }
        }
        return false;
    }

    private void onGap(Gap gap, ShardSplitMetrics shardMetrics) throws IOException {
        shardMetrics.gaps().inc();
        switch (settings.gapPolicy()) {
            case FAIL -> throw new IOException("Records lost (GapPolicy.FAIL): " + gap
                    + ". The service removed them before they were read; choose GapPolicy.LOG or SKIP to read on.");
            case LOG -> LOG.warn("Records lost: {}", gap);
            case SKIP -> LOG.debug("Records lost: {}", gap);
        }
    }

    private void finish(String shardId, RecordsBySplits.Builder<Record> out) {
        shards.remove(shardId);
        out.addFinishedSplit(shardId);
    }

    private void waitOrWakeUp(Duration wait) {
        synchronized (wakeUpLock) {
            try {
                if (!wokenUp) {
                    wakeUpLock.wait(Math.max(1, wait.toMillis()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                wokenUp = false;
            }
        }
    }

    @Override
    public void handleSplitsChanges(SplitsChange<ShardSplit> change) {
        if (!(change instanceof SplitsAddition)) {
            throw new UnsupportedOperationException("The DynamoDB Streams source only adds splits: " + change);
        }
        for (ShardSplit split : change.splits()) {
            shards.put(split.shardId(), new ShardReader(context, split.shard(), split.position()));
        }
    }

    @Override
    public void wakeUp() {
        synchronized (wakeUpLock) {
            wokenUp = true;
            wakeUpLock.notifyAll();
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
