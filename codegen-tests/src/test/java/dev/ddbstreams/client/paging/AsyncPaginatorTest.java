package dev.ddbstreams.client.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.paginate.PaginationException;
import dev.ddbstreams.runtime.paginate.SdkPublisher;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.streams.DynamoDbStreamsAsyncClient;
import dev.ddbstreams.streams.model.ListStreamsRequest;
import dev.ddbstreams.streams.model.ListStreamsResponse;
import dev.ddbstreams.streams.model.Shard;
import dev.ddbstreams.streams.model.Stream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** The asynchronous client's paginators, Reactive Streams publishers, against a mock service over HTTP. */
class AsyncPaginatorTest {

    private static final String ARN = "arn:aws:dynamodb:us-west-2:111122223333:table/Forum/stream/2015-05-20T20:51:10.252";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final OkHttpClient http = new OkHttpClient();
    private DynamoDbStreamsAsyncClient client;

    @BeforeEach
    void createClient() {
        client = DynamoDbStreamsAsyncClient.builder()
                .endpointOverride(server.url("/").uri())
                .region("us-west-2")
                .credentialsProvider(StaticCredentialsProvider.create("AKID", "SECRET"))
                .httpClient(http)
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    @AfterEach
    void close() {
        client.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private void ok(String body) {
        server.enqueue(new MockResponse.Builder().code(200).body(body).build());
    }

    @Test
    void itemsArriveInOrderAndEachPageIsFetchedAfterTheLastWasConsumed() throws Exception {
        ok("{\"Streams\":[{\"StreamArn\":\"a1\"}],\"LastEvaluatedStreamArn\":\"a1\"}");
        ok("{\"Streams\":[{\"StreamArn\":\"a2\"},{\"StreamArn\":\"a3\"}]}");
        List<String> seen = new ArrayList<>();
        List<Integer> requestsWhenSeen = new ArrayList<>();
        client.listStreamsPaginator().streams()
                .subscribe(stream -> {
                    seen.add(stream.streamArn());
                    requestsWhenSeen.add(server.getRequestCount());
                })
                .get(10, TimeUnit.SECONDS);
        assertThat(seen).containsExactly("a1", "a2", "a3");
        assertThat(requestsWhenSeen).containsExactly(1, 2, 2);
        server.takeRequest();
        assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"ExclusiveStartStreamArn\":\"a1\"}");
    }

    @Test
    void theSameOverloadsAsTheBlockingClient() throws Exception {
        ok("{\"StreamDescription\":{\"Shards\":[{\"ShardId\":\"s1\"}],\"LastEvaluatedShardId\":\"s1\"}}");
        ok("{\"StreamDescription\":{\"Shards\":[{\"ShardId\":\"s2\"}]}}");
        List<String> shards = new CopyOnWriteArrayList<>();
        client.describeStreamPaginator(r -> r.streamArn(ARN).limit(1)).shards().subscribe((Shard shard) -> shards.add(shard.shardId()))
                .get(10, TimeUnit.SECONDS);
        assertThat(shards).containsExactly("s1", "s2");
        assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"StreamArn\":\"" + ARN + "\",\"Limit\":1}");

        ok("{\"Streams\":[]}");
        SdkPublisher<?> byName = client.paginator("ListStreams", ListStreamsRequest.builder().tableName("T").build());
        assertThat(client.canPaginate("ListStreams")).isTrue();
        byName.subscribe(page -> assertThat(page).isInstanceOf(ListStreamsResponse.class)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aSubscriberThatAsksForOnePageGetsOneRequest() throws Exception {
        ok("{\"Streams\":[{\"StreamArn\":\"a1\"}],\"LastEvaluatedStreamArn\":\"a1\"}");
        ok("{\"Streams\":[]}");
        CountDownLatch first = new CountDownLatch(1);
        List<Subscription> subscription = new ArrayList<>();
        client.listStreamsPaginator().subscribe(new Subscriber<ListStreamsResponse>() {
            @Override
            public void onSubscribe(Subscription s) {
                subscription.add(s);
                s.request(1);
            }

            @Override
            public void onNext(ListStreamsResponse page) {
                first.countDown();
            }

            @Override
            public void onError(Throwable failure) {
            }

            @Override
            public void onComplete() {
            }
        });
        assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        assertThat(server.getRequestCount()).as("no page is fetched before it is asked for").isEqualTo(1);
        subscription.get(0).cancel();
    }

    @Test
    void cancellingTheFutureCancelsTheHttpCallInFlight() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(30, TimeUnit.SECONDS).build());
        CompletableFuture<Void> done = client.listStreamsPaginator().subscribe(page -> { });
        server.takeRequest(10, TimeUnit.SECONDS);
        assertThat(http.dispatcher().runningCallsCount()).isEqualTo(1);
        done.cancel(true);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (http.dispatcher().runningCallsCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(http.dispatcher().runningCallsCount()).isZero();
    }

    @Test
    void aRepeatedTokenFailsTheAsyncPaginationAfterItsPage() {
        ok("{\"Streams\":[{\"StreamArn\":\"a1\"}],\"LastEvaluatedStreamArn\":\"a1\"}");
        ok("{\"Streams\":[{\"StreamArn\":\"a2\"}],\"LastEvaluatedStreamArn\":\"a1\"}");
        List<String> seen = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> client.listStreamsPaginator().streams().subscribe((Stream stream) -> seen.add(stream.streamArn()))
                        .get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(PaginationException.class);
        assertThat(seen).containsExactly("a1", "a2");
    }
}
