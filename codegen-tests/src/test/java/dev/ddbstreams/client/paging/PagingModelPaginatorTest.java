package dev.ddbstreams.client.paging;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.paging.PagingAsyncClient;
import com.example.paging.PagingClient;
import com.example.paging.model.DeleteMarker;
import com.example.paging.model.Item;
import com.example.paging.model.KeyValue;
import com.example.paging.model.Shard;
import com.example.paging.model.StoredObject;
import com.example.paging.model.Summary;
import com.example.paging.model.Version;
import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.paginate.SdkIterable;
import dev.ddbstreams.runtime.paginate.SdkPublisher;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every paginator form botocore writes, generated from the golden "paging" model and run against a mock service:
 * what each page's request carries, when paging stops, and what the items views give. Each conversation runs
 * through the blocking client and then through the asynchronous one, which must send the same requests and see the
 * same items.
 */
class PagingModelPaginatorTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private PagingClient client;
    private PagingAsyncClient async;

    @BeforeEach
    void createClients() {
        client = PagingClient.builder().region("us-east-1").endpointOverride(server.url("/").uri())
                .credentialsProvider(StaticCredentialsProvider.create("AKID", "SECRET")).retryPolicy(RetryPolicy.none()).build();
        async = PagingAsyncClient.builder().region("us-east-1").endpointOverride(server.url("/").uri())
                .credentialsProvider(StaticCredentialsProvider.create("AKID", "SECRET")).retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void close() {
        client.close();
        async.close();
    }

    /** Serves {@code pages} to the blocking and then to the asynchronous client; returns what each sent and saw. */
    private <T> List<List<String>> converse(List<String> pages, Function<PagingClient, SdkIterable<T>> blocking,
                                            Function<PagingAsyncClient, SdkPublisher<T>> nonBlocking) throws Exception {
        pages.forEach(this::enqueue);
        List<String> seen = new ArrayList<>();
        blocking.apply(client).forEach(item -> seen.add(String.valueOf(item)));
        List<String> requests = takeRequests(pages.size());

        pages.forEach(this::enqueue);
        List<String> seenAsync = new CopyOnWriteArrayList<>();
        nonBlocking.apply(async).subscribe(item -> seenAsync.add(String.valueOf(item))).get(10, TimeUnit.SECONDS);
        List<String> requestsAsync = takeRequests(pages.size());

        assertThat(seenAsync).as("the publisher sees what the iterable saw").isEqualTo(seen);
        assertThat(requestsAsync).as("the publisher sends what the iterable sent").isEqualTo(requests);
        assertThat(server.getRequestCount()).as("no request beyond the pages").isEqualTo(2 * pages.size());
        return List.of(requests, seen);
    }

    private void enqueue(String body) {
        server.enqueue(new MockResponse.Builder().code(200).body(body).build());
    }

    private List<String> takeRequests(int count) throws InterruptedException {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
            bodies.add(request.getBody().utf8());
        }
        return bodies;
    }

    @Test
    void severalResultKeysOfEveryKindAndMoreResults() throws Exception {
        List<String> pages = List.of(
                """
                {"Items": [{"Id": "1"}, {"Id": "2"}], "Tags": {"a": "x"}, "Summary": {"Region": "eu", "Total": 3}, "Count": 2,
                 "HasMore": true, "NextToken": "t1"}""",
                """
                {"Items": [{"Id": "3"}], "Tags": {"b": "y", "c": "z"}, "Count": 1, "HasMore": false, "NextToken": "t2"}""");
        List<List<String>> items = converse(pages, c -> c.listItemsPaginator().items(), a -> a.listItemsPaginator().items());
        assertThat(items.get(0)).as("HasMore false ends paging though a token came").containsExactly("{}", "{\"NextToken\":\"t1\"}");
        assertThat(items.get(1)).hasSize(3);

        pages.forEach(this::enqueue);
        var paginator = client.listItemsPaginator(r -> r.limit(2));
        assertThat(paginator.items()).extracting(Item::id).containsExactly("1", "2", "3");
        pages.forEach(this::enqueue);
        assertThat(paginator.tags()).extracting(Map.Entry::getKey).containsExactly("a", "b", "c");
        pages.forEach(this::enqueue);
        assertThat(paginator.summary()).extracting(Summary::region).as("a structure: one per page that has it").containsExactly("eu");
        pages.forEach(this::enqueue);
        assertThat(paginator.count()).containsExactly(2, 1);
        assertThat(takeRequests(8).get(0)).isEqualTo("{\"Limit\":2}");
    }

    @Test
    void aMapTokenAsDynamoDbsQueryHasAndAnEmptyOneEndsPaging() throws Exception {
        List<String> pages = List.of(
                """
                {"Items": [{"id": {"S": "k1"}}], "LastEvaluatedKey": {"id": {"S": "k1"}, "n": {"N": "7"}}, "Count": 1, "ScannedCount": 4}""",
                """
                {"Items": [{"id": {"S": "k2"}}], "LastEvaluatedKey": {}, "Count": 1, "ScannedCount": 1}""");
        List<List<String>> seen = converse(pages, c -> c.queryPaginator(r -> r.tableName("T")).items(),
                a -> a.queryPaginator(r -> r.tableName("T")).items());
        assertThat(seen.get(0)).containsExactly("{\"TableName\":\"T\"}",
                "{\"TableName\":\"T\",\"ExclusiveStartKey\":{\"id\":{\"S\":\"k1\"},\"n\":{\"N\":\"7\"}}}");
        pages.forEach(this::enqueue);
        assertThat(client.queryPaginator(r -> r.tableName("T")).items()).extracting(item -> item.get("id")).extracting(KeyValue::s)
                .containsExactly("k1", "k2");
        pages.forEach(this::enqueue);
        assertThat(client.queryPaginator(r -> r.tableName("T")).scannedCount()).containsExactly(4, 1);
    }

    @Test
    void theLastShardsIdAsKinesisPagesItsShards() throws Exception {
        List<String> pages = List.of(
                """
                {"Description": {"StreamName": "s", "Shards": [{"ShardId": "shard-1"}, {"ShardId": "shard-2"}], "HasMoreShards": true}}""",
                """
                {"Description": {"StreamName": "s", "Shards": [{"ShardId": "shard-3"}], "HasMoreShards": false}}""");
        List<List<String>> seen = converse(pages, c -> c.describeStreamPaginator(r -> r.streamName("s")).shards(),
                a -> a.describeStreamPaginator(r -> r.streamName("s")).shards());
        assertThat(seen.get(0)).containsExactly("{\"StreamName\":\"s\"}", "{\"StreamName\":\"s\",\"ExclusiveStartShardId\":\"shard-2\"}");
        pages.forEach(this::enqueue);
        assertThat(client.describeStreamPaginator(r -> r.streamName("s")).shards()).extracting(Shard::shardId)
                .containsExactly("shard-1", "shard-2", "shard-3");
    }

    @Test
    void twoTokensTravelTogetherAndAMissingOneIsLeftOut() throws Exception {
        List<String> pages = List.of(
                """
                {"Versions": [{"Key": "a", "VersionId": "1"}], "NextKeyMarker": "a", "NextVersionIdMarker": "1", "IsTruncated": true}""",
                """
                {"DeleteMarkers": [{"Key": "b", "VersionId": "2"}], "NextKeyMarker": "b", "IsTruncated": true}""",
                """
                {"Versions": [{"Key": "c", "VersionId": "3"}], "IsTruncated": false}""");
        List<List<String>> seen = converse(pages, c -> c.listVersionsPaginator(r -> r.bucket("B")).versions(),
                a -> a.listVersionsPaginator(r -> r.bucket("B")).versions());
        assertThat(seen.get(0)).containsExactly(
                "{\"Bucket\":\"B\"}",
                "{\"Bucket\":\"B\",\"KeyMarker\":\"a\",\"VersionIdMarker\":\"1\"}",
                "{\"Bucket\":\"B\",\"KeyMarker\":\"b\"}");
        pages.forEach(this::enqueue);
        assertThat(client.listVersionsPaginator(r -> r.bucket("B")).deleteMarkers()).extracting(DeleteMarker::key).containsExactly("b");
        pages.forEach(this::enqueue);
        assertThat(client.listVersionsPaginator(r -> r.bucket("B")).versions()).extracting(Version::versionId).containsExactly("1", "3");
    }

    @Test
    void theFirstTruthyAlternativeOfAnOrToken() throws Exception {
        List<String> pages = List.of(
                """
                {"Contents": [{"Key": "a"}, {"Key": "b"}], "IsTruncated": true}""",
                """
                {"Contents": [{"Key": "c"}], "NextMarker": "m2", "IsTruncated": true}""",
                """
                {"Contents": [{"Key": "d", "Size": 4}], "NextMarker": "", "IsTruncated": true}""",
                """
                {"Contents": [], "IsTruncated": false}""");
        List<List<String>> seen = converse(pages, c -> c.listObjectsPaginator(r -> r.bucket("B")).contents(),
                a -> a.listObjectsPaginator(r -> r.bucket("B")).contents());
        assertThat(seen.get(0)).as("NextMarker when it is there, otherwise the last key; an empty NextMarker falls back too")
                .containsExactly("{\"Bucket\":\"B\"}", "{\"Bucket\":\"B\",\"Marker\":\"b\"}", "{\"Bucket\":\"B\",\"Marker\":\"m2\"}", "{\"Bucket\":\"B\",\"Marker\":\"d\"}");
        assertThat(seen.get(1)).hasSize(4);
    }

    @Test
    void aPageWithNoTokenAndNoMoreResultsEndsPaging() throws Exception {
        enqueue("{\"Contents\": [{\"Key\": \"a\"}], \"IsTruncated\": false}");
        assertThat(client.listObjectsPaginator(r -> r.bucket("B")).contents()).extracting(StoredObject::key).containsExactly("a");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
