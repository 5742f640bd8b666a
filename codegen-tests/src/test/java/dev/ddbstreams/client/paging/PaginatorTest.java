package dev.ddbstreams.client.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.paginate.PaginationException;
import dev.ddbstreams.runtime.paginate.SdkIterable;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.model.DescribeStreamResponse;
import dev.ddbstreams.streams.model.GetRecordsRequest;
import dev.ddbstreams.streams.model.ListStreamsRequest;
import dev.ddbstreams.streams.model.Shard;
import dev.ddbstreams.streams.model.Stream;
import dev.ddbstreams.streams.paginators.DescribeStreamIterable;
import java.util.Iterator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generated paginators over multi-page conversations with a mock service, counting requests. */
class PaginatorTest {

    private static final String ARN = "arn:aws:dynamodb:us-west-2:111122223333:table/Forum/stream/2015-05-20T20:51:10.252";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private DynamoDbStreamsClient client;

    @BeforeEach
    void createClient() {
        client = DynamoDbStreamsClient.builder()
                .region("us-west-2")
                .endpointOverride(server.url("/").uri())
                .credentialsProvider(StaticCredentialsProvider.create("AKID", "SECRET"))
                .build();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private void enqueue(String body) {
        server.enqueue(new MockResponse.Builder().code(200).body(body).build());
    }

    private static String shardsPage(String lastEvaluated, String... shardIds) {
        StringBuilder shards = new StringBuilder();
        for (String id : shardIds) {
            shards.append(shards.length() == 0 ? "" : ",").append("{\"ShardId\":\"").append(id).append("\"}");
        }
        return "{\"StreamDescription\":{\"StreamArn\":\"" + ARN + "\",\"Shards\":[" + shards + "]"
                + (lastEvaluated == null ? "" : ",\"LastEvaluatedShardId\":\"" + lastEvaluated + "\"") + "}}";
    }

    @Test
    void describeStreamFollowsTheNestedTokenOnePageAtATime() throws Exception {
        enqueue(shardsPage("shard-2", "shard-1", "shard-2"));
        enqueue(shardsPage("shard-3", "shard-3"));
        enqueue(shardsPage(null, "shard-4"));

        DescribeStreamIterable pages = client.describeStreamPaginator(r -> r.streamArn(ARN).limit(2));
        assertThat(server.getRequestCount()).isZero();

        Iterator<DescribeStreamResponse> iterator = pages.iterator();
        assertThat(iterator.next().streamDescription().shards()).extracting(Shard::shardId).containsExactly("shard-1", "shard-2");
        assertThat(server.getRequestCount()).isEqualTo(1);
        RecordedRequest first = server.takeRequest();
        assertThat(first.getBody().utf8()).isEqualTo("{\"StreamArn\":\"" + ARN + "\",\"Limit\":2}");

        iterator.next();
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(server.takeRequest().getBody().utf8())
                .isEqualTo("{\"StreamArn\":\"" + ARN + "\",\"Limit\":2,\"ExclusiveStartShardId\":\"shard-2\"}");

        iterator.next();
        assertThat(server.takeRequest().getBody().utf8()).contains("\"ExclusiveStartShardId\":\"shard-3\"");
        assertThat(iterator.hasNext()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void theItemsViewFlattensPagesAndStopsFetchingWhenTheCallerStops() {
        enqueue(shardsPage("shard-2", "shard-1", "shard-2"));
        enqueue(shardsPage(null, "shard-3"));

        SdkIterable<Shard> shards = client.describeStreamPaginator(r -> r.streamArn(ARN)).shards();
        assertThat(shards.stream().map(Shard::shardId).findFirst()).contains("shard-1");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void listStreamsItemsAsAJavaStream() {
        enqueue("{\"Streams\":[{\"StreamArn\":\"a1\",\"TableName\":\"T\"}],\"LastEvaluatedStreamArn\":\"a1\"}");
        enqueue("{\"Streams\":[{\"StreamArn\":\"a2\",\"TableName\":\"T\"}]}");
        assertThat(client.listStreamsPaginator().streams().stream().map(Stream::streamArn)).containsExactly("a1", "a2");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aServiceThatRepeatsATokenIsStoppedWithAClearError() {
        enqueue("{\"Streams\":[],\"LastEvaluatedStreamArn\":\"a1\"}");
        enqueue("{\"Streams\":[],\"LastEvaluatedStreamArn\":\"a1\"}");
        assertThatThrownBy(() -> client.listStreamsPaginator().forEach(page -> { }))
                .isInstanceOf(PaginationException.class)
                .hasMessageContaining("ListStreams returned the pagination token \"a1\" a second time");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void nameBasedLookupLikeBoto3() {
        assertThat(client.canPaginate("ListStreams")).isTrue();
        assertThat(client.canPaginate("DescribeStream")).isTrue();
        assertThat(client.canPaginate("GetRecords")).isFalse();

        enqueue("{\"Streams\":[{\"StreamArn\":\"a1\"}]}");
        assertThat(client.paginator("ListStreams", ListStreamsRequest.builder().tableName("T").build())).hasSize(1);

        assertThatThrownBy(() -> client.paginator("GetRecords", GetRecordsRequest.builder().build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GetRecords has no paginator; these operations do: DescribeStream, ListStreams");
        assertThatThrownBy(() -> client.paginator("ListStreams", GetRecordsRequest.builder().build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ListStreams pages with a ListStreamsRequest, not a dev.ddbstreams.streams.model.GetRecordsRequest");
    }
}
