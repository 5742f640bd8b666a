package dev.ddbstreams.benchmarks.flink;

import dev.ddbstreams.flink.DynamoDbStreamsSource;
import dev.ddbstreams.flink.serialization.DynamoDbStreamsDeserializer;
import dev.ddbstreams.flink.serialization.RecordTypeInfo;
import dev.ddbstreams.streams.model.Record;
import dev.ddbstreams.streams.reader.testing.FakeStream;
import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The Flink source at a parallelism, in a MiniCluster shared by the runs (started once, so its start is not
 * measured; each job's submission and deployment is): source, a chained map that counts the records, a discarding
 * sink. Records arrive as our {@link Record} with its own Flink serializer; no checkpointing.
 */
final class FlinkSourceSubject implements Subject {

    private static final LongAdder COUNTED = new LongAdder();

    private final MiniCluster cluster;
    private final int parallelism;

    FlinkSourceSubject(MiniCluster cluster, int parallelism) {
        this.cluster = cluster;
        this.parallelism = parallelism;
    }

    @Override
    public String name() {
        return "Flink source, parallelism " + parallelism;
    }

    @Override
    public long readAll(String endpoint) throws Exception {
        COUNTED.reset();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        DynamoDbStreamsSource<Record> source = DynamoDbStreamsSource.<Record>builder()
                .streamArn(FakeStream.ARN)
                .clientFactory(OurClients.factory(endpoint))
                .deserializer(DynamoDbStreamsDeserializer.records())
                .stopAtStreamEnd(true)
                .childrenAfterCheckpoint(false)
                .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "DynamoDB stream")
                .map(new Count())
                // A map's result type is taken from its signature, which says Record: without this, Kryo.
                .returns(RecordTypeInfo.INSTANCE)
                .sinkTo(new DiscardingSink<>());
        cluster.executeJobBlocking(env.getStreamGraph().getJobGraph());
        return COUNTED.sum();
    }

    /** Counts records in this JVM (the MiniCluster's). */
    private static final class Count implements MapFunction<Record, Record> {
        private static final long serialVersionUID = 1L;

        @Override
        public Record map(Record record) {
            COUNTED.increment();
            return record;
        }
    }
}
