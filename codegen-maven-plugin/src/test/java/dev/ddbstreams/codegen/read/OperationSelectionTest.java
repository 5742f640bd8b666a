package dev.ddbstreams.codegen.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.codegen.CodeGenerator;
import dev.ddbstreams.codegen.ModelFiles;
import dev.ddbstreams.codegen.model.ModelException;
import dev.ddbstreams.codegen.model.ModelWarning;
import dev.ddbstreams.codegen.model.Operation;
import dev.ddbstreams.codegen.model.ServiceModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which operations and shapes the client gets: event streams are left out with a warning; users choose the rest. */
class OperationSelectionTest {

    @TempDir
    Path dir;

    /**
     * Kinesis' situation: SubscribeToShard returns an event stream whose events are structures and whose errors are
     * exceptions; ListShards shares Shard with it. An orphan structure no operation uses, as real models have.
     */
    private static final String STREAMING = ModelFiles.service("""
            "ListShards": {"name": "ListShards", "input": {"shape": "ListShardsInput"}, "output": {"shape": "ListShardsOutput"},
              "errors": [{"shape": "Throttled"}]},
            "SubscribeToShard": {"name": "SubscribeToShard", "input": {"shape": "SubscribeToShardInput"},
              "output": {"shape": "SubscribeToShardOutput"}, "errors": [{"shape": "Throttled"}, {"shape": "Gone"}]},
            "Ping": {"name": "Ping"}
            """, """
            "ListShardsInput": {"type": "structure", "members": {"NextToken": {"shape": "Str"}}},
            "ListShardsOutput": {"type": "structure", "members": {"Shards": {"shape": "ShardList"}, "NextToken": {"shape": "Str"}}},
            "SubscribeToShardInput": {"type": "structure", "members": {"ShardId": {"shape": "Str"}}},
            "SubscribeToShardOutput": {"type": "structure", "members": {"EventStream": {"shape": "ShardEventStream"}}},
            "ShardEventStream": {"type": "structure", "eventstream": true, "members": {
              "ShardEvent": {"shape": "ShardEvent"}, "Gone": {"shape": "Gone"}}},
            "ShardEvent": {"type": "structure", "event": true, "members": {"Shards": {"shape": "ShardList"}, "Lag": {"shape": "Lag"}}},
            "Lag": {"type": "long"},
            "ShardList": {"type": "list", "member": {"shape": "Shard"}},
            "Shard": {"type": "structure", "members": {"ShardId": {"shape": "Str"}}},
            "Orphan": {"type": "structure", "members": {"Note": {"shape": "Str"}}},
            "Throttled": {"type": "structure", "exception": true, "members": {}},
            "Gone": {"type": "structure", "exception": true, "members": {}},
            "Str": {"type": "string"}
            """);

    private ServiceModel load(String service, OperationFilter filter) throws ModelException {
        return CodeGenerator.load(ModelSources.besides(ModelFiles.write(dir, "service-2.json", service)).withOperations(filter));
    }

    private void writeCompanions() {
        ModelFiles.write(dir, "paginators-1.json", """
                {"pagination": {"ListShards": {"input_token": "NextToken", "output_token": "NextToken", "result_key": "Shards"}}}
                """);
        ModelFiles.write(dir, "waiters-2.json", """
                {"version": 2, "waiters": {
                  "Listed": {"operation": "ListShards", "delay": 1, "maxAttempts": 2,
                    "acceptors": [{"matcher": "path", "argument": "NextToken", "expected": "x", "state": "success"}]},
                  "Subscribed": {"operation": "SubscribeToShard", "delay": 1, "maxAttempts": 2,
                    "acceptors": [{"matcher": "error", "expected": "Gone", "state": "retry"}]}}}
                """);
    }

    @Test
    void anEventStreamOperationIsLeftOutWithOneWarningNamingItAndWhy() throws Exception {
        writeCompanions();
        ServiceModel model = load(STREAMING, OperationFilter.ALL);

        assertThat(model.operations()).extracting(Operation::name).containsExactly("ListShards", "Ping");
        assertThat(model.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.location().toString()).matches(".*service-2.json:\\d+:\\d+");
            assertThat(warning.message()).isEqualTo("operation \"SubscribeToShard\" is left out: it uses the event stream "
                    + "\"ShardEventStream\" (member \"EventStream\" of shape \"SubscribeToShardOutput\"), which this generator "
                    + "does not support; add it to excludeOperations to leave it out without this warning");
        });
        // What only the left-out operation uses goes with it; what the others (or nothing) use stays.
        assertThat(model.shapes()).doesNotContainKeys("SubscribeToShardInput", "SubscribeToShardOutput", "ShardEventStream", "ShardEvent",
                "Lag", "Gone");
        assertThat(model.shapes()).containsKeys("ListShardsInput", "ShardList", "Shard", "Throttled", "Orphan", "Str");
        assertThat(model.waiters()).extracting(w -> w.name()).containsExactly("Listed");
        assertThat(model.paginators()).extracting(p -> p.operationName()).containsExactly("ListShards");
    }

    @Test
    void excludingAnEventStreamOperationSilencesItsWarning() throws Exception {
        ServiceModel model = load(STREAMING, OperationFilter.of(List.of(), List.of("SubscribeToShard")));
        assertThat(model.warnings()).isEmpty();
        assertThat(model.operations()).extracting(Operation::name).containsExactly("ListShards", "Ping");
        assertThat(model.shapes()).doesNotContainKeys("ShardEventStream", "Gone");
    }

    @Test
    void includeOperationsKeepsOnlyThoseAndWhatTheyUse() throws Exception {
        writeCompanions();
        ServiceModel model = load(STREAMING, OperationFilter.of(List.of("Ping"), List.of()));
        assertThat(model.operations()).extracting(Operation::name).containsExactly("Ping");
        assertThat(model.shapes()).containsOnlyKeys("Orphan", "Str");
        assertThat(model.paginators()).isEmpty();
        assertThat(model.waiters()).isEmpty();
        assertThat(model.warnings()).isEmpty();
    }

    @Test
    void excludeOperationsLeavesThoseOutAndKeepsWhatOthersShare() throws Exception {
        ServiceModel model = load(STREAMING, OperationFilter.of(List.of("ListShards", "SubscribeToShard"), List.of("ListShards")));
        assertThat(model.operations()).isEmpty();
        assertThat(model.warnings()).extracting(ModelWarning::message).singleElement().asString().startsWith("operation \"SubscribeToShard\"");
        assertThat(model.shapes()).containsOnlyKeys("Orphan", "Str");
    }

    @Test
    void anOperationNameThatIsNotInTheModelIsRefusedWithASuggestion() {
        assertThatThrownBy(() -> load(STREAMING, OperationFilter.of(List.of("ListShard"), List.of("Pnig", "Nothing"))))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("The model has 3 problems")
                .hasMessageContaining("service-2.json: includeOperations names \"ListShard\", which is not an operation of the model; "
                        + "did you mean \"ListShards\"?")
                .hasMessageContaining("excludeOperations names \"Pnig\", which is not an operation of the model; did you mean \"Ping\"?")
                .hasMessageContaining("excludeOperations names \"Nothing\", which is not an operation of the model");
    }

    @Test
    void aStreamingBlobLeavesItsOperationOutToo() throws Exception {
        ServiceModel model = load(ModelFiles.service("""
                "Download": {"name": "Download", "output": {"shape": "DownloadOutput"}},
                "Ping": {"name": "Ping"}
                """, """
                "DownloadOutput": {"type": "structure", "members": {"Body": {"shape": "Body"}}},
                "Body": {"type": "blob", "streaming": true}
                """), OperationFilter.ALL);
        assertThat(model.operations()).extracting(Operation::name).containsExactly("Ping");
        assertThat(model.warnings()).extracting(ModelWarning::message).singleElement().asString()
                .startsWith("operation \"Download\" is left out: it uses the streaming blob \"Body\" (member \"Body\" of shape \"DownloadOutput\")");
    }

    @Test
    void anEventStreamDeeperInTheOutputLeavesTheOperationOutToo() throws Exception {
        ServiceModel model = load(ModelFiles.service("""
                "Watch": {"name": "Watch", "output": {"shape": "WatchOutput"}}
                """, """
                "WatchOutput": {"type": "structure", "members": {"Feeds": {"shape": "Feeds"}}},
                "Feeds": {"type": "map", "key": {"shape": "Str"}, "value": {"shape": "Feed"}},
                "Feed": {"type": "structure", "eventstream": true, "members": {"Tick": {"shape": "Tick"}}},
                "Tick": {"type": "structure", "members": {}},
                "Str": {"type": "string"}
                """), OperationFilter.ALL);
        assertThat(model.operations()).isEmpty();
        assertThat(model.warnings()).extracting(ModelWarning::message).containsExactly("operation \"Watch\" is left out: it uses the event "
                + "stream \"Feed\" (member \"value\" of shape \"Feeds\"), which this generator does not support; add it to "
                + "excludeOperations to leave it out without this warning");
        assertThat(model.shapes()).as("only the left-out operation used them").isEmpty();
    }
}
