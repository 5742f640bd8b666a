package dev.ddbstreams.client.paging;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.paging.PagingAsyncClient;
import com.example.paging.PagingClient;
import com.example.paging.model.ResourceNotFoundException;
import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.runtime.waiter.WaiterException;
import dev.ddbstreams.runtime.waiter.WaiterOptions;
import dev.ddbstreams.runtime.waiter.WaiterResponse;
import dev.ddbstreams.runtime.waiter.WaiterTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JMESPath forms AWS's waiters use (ECS's filter with {@code !}, {@code &&} and {@code length()}, DynamoDB's
 * {@code ||} filter, Auto Scaling's multi-select list, {@code contains}, {@code starts_with}, map projections,
 * number comparisons, {@code ||} of values, status and error matchers), compiled from the golden "paging" model
 * and run against responses from a mock service. Each case runs through the blocking waiter and then through the
 * asynchronous one, which must end the same way.
 */
class PagingModelWaiterTest {

    private static final String NOT_FOUND = "{\"__type\":\"ResourceNotFoundException\",\"message\":\"gone\"}";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private PagingClient client;
    private PagingAsyncClient async;
    private final WaiterOptions fast = WaiterOptions.builder().delay(Duration.ZERO).maxAttempts(4).build();

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

    /** A response: a JSON body with status 200, or {@code status:body} for an error. */
    private void enqueue(String answer) {
        if (answer.matches("^\\d{3}:.*")) {
            server.enqueue(new MockResponse.Builder().code(Integer.parseInt(answer.substring(0, 3))).body(answer.substring(4)).build());
        } else {
            server.enqueue(new MockResponse.Builder().code(200).body(answer).build());
        }
    }

    /**
     * Runs the waiter of that name on both clients over {@code answers}; returns how it ended ("success after N",
     * "failure after N", "timeout after N", or the matched exception), the same for both.
     */
    private String outcome(String waiter, Object request, String... answers) throws Exception {
        List.of(answers).forEach(this::enqueue);
        String blocking = describe(() -> client.waiter(fast).waitUntil(waiter, request));
        List.of(answers).forEach(this::enqueue);
        String nonBlocking = describe(() -> {
            try {
                return async.waiter(fast).waitUntil(waiter, request).get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw (RuntimeException) e.getCause();
            }
        });
        assertThat(nonBlocking).as("the asynchronous waiter ends as the blocking one").isEqualTo(blocking);
        return blocking;
    }

    private interface Wait {
        WaiterResponse<?> run() throws Exception;
    }

    private static String describe(Wait wait) throws Exception {
        try {
            WaiterResponse<?> response = wait.run();
            return "success after " + response.attemptsExecuted()
                    + response.matched().exception().map(e -> " on " + e.getClass().getSimpleName()).orElse("");
        } catch (WaiterTimeoutException e) {
            return "timeout after " + e.attempts();
        } catch (WaiterException e) {
            String message = e.getMessage();
            String acceptor = message.contains("reached a failure state") ? " " + message.substring(message.indexOf('(')) : "";
            return "failure after " + e.attempts() + acceptor + (e.getCause() != null ? " on " + e.getCause().getClass().getSimpleName() : "");
        }
    }

    private static com.example.paging.model.DescribeServicesRequest services() {
        return com.example.paging.model.DescribeServicesRequest.builder().cluster("c").services(List.of("web")).build();
    }

    private static com.example.paging.model.DescribeTableRequest table() {
        return com.example.paging.model.DescribeTableRequest.builder().tableName("T").build();
    }

    @Test
    void ecsServicesStableFiltersWithNotAndAndLength() throws Exception {
        assertThat(outcome("ServicesStable", services(),
                "{\"services\": [{\"status\": \"ACTIVE\", \"runningCount\": 1, \"desiredCount\": 2, \"deployments\": [{\"id\": \"d1\"}]}]}",
                "{\"services\": [{\"status\": \"ACTIVE\", \"runningCount\": 2, \"desiredCount\": 2, \"deployments\": [{\"id\": \"d1\"}, {\"id\": \"d2\"}]}]}",
                "{\"services\": [{\"status\": \"ACTIVE\", \"runningCount\": 2, \"desiredCount\": 2, \"deployments\": [{\"id\": \"d2\"}]}]}"))
                .isEqualTo("success after 3");
    }

    @Test
    void ecsMissingAndDrainingServicesFail() throws Exception {
        assertThat(outcome("ServicesStable", services(), "{\"failures\": [{\"arn\": \"a\", \"reason\": \"MISSING\"}]}")).isEqualTo("failure after 1 (failures[].reason (pathAny) == MISSING)");
        assertThat(outcome("ServicesStable", services(), "{\"services\": [{\"status\": \"DRAINING\"}]}"))
                .isEqualTo("failure after 1 (services[].status (pathAny) == DRAINING)");
        assertThat(outcome("ServicesInactive", services(), "{\"services\": [{\"status\": \"ACTIVE\"}]}", "{\"services\": [{\"status\": \"INACTIVE\"}]}"))
                .isEqualTo("success after 2");
    }

    @Test
    void dynamoDbsDestinationFilterWithOr() throws Exception {
        assertThat(outcome("DestinationsActive", table(), "{\"Destinations\": [{\"Status\": \"DISABLED\"}, {\"Status\": \"ENABLE_FAILED\"}]}"))
                .as("every destination disabled or failed")
                .isEqualTo("failure after 1 (length(Destinations) > `0`  && length(Destinations[?Status == 'DISABLED' || Status == 'ENABLE_FAILED'])"
                        + " ==  length(Destinations) == true)");
        assertThat(outcome("DestinationsActive", table(), "{\"Destinations\": []}", "{\"Destinations\": [{\"Status\": \"ENABLING\"}]}",
                "{\"Destinations\": [{\"Status\": \"DISABLED\"}, {\"Status\": \"ACTIVE\"}]}")).isEqualTo("success after 3");
    }

    @Test
    void autoScalingsMultiSelectListUnderContains() throws Exception {
        assertThat(outcome("GroupInService", table(),
                "{\"Groups\": [{\"MinSize\": 2, \"Instances\": [{\"LifecycleState\": \"InService\"}, {\"LifecycleState\": \"Pending\"}]}]}",
                "{\"Groups\": [{\"MinSize\": 2, \"Instances\": [{\"LifecycleState\": \"InService\"}, {\"LifecycleState\": \"InService\"}]},"
                        + " {\"MinSize\": 0, \"Instances\": []}]}"))
                .isEqualTo("success after 2");
    }

    @Test
    void pathAllContainsAndStringFunctions() throws Exception {
        assertThat(outcome("ImagesAvailable", table(), "{\"Images\": [{\"State\": \"available\"}, {\"State\": \"pending\"}]}",
                "{\"Images\": [{\"State\": \"available\"}, {\"State\": \"available\"}]}")).isEqualTo("success after 2");
        assertThat(outcome("ImagesAvailable", table(), "{\"Images\": []}", "{\"Images\": [{\"State\": \"x\", \"Tags\": [\"a\", \"broken\"]}]}"))
                .as("pathAll is false on an empty list; contains() looks through the flattened tags")
                .isEqualTo("failure after 2 (contains(Images[].Tags[], 'broken') == true)");
        assertThat(outcome("ImagesAvailable", table(), "{\"Images\": [{\"Name\": \"tmp-1-keep\", \"State\": \"x\"}]}",
                "{\"Images\": [{\"Name\": \"tmp-2\", \"State\": \"x\"}]}"))
                .isEqualTo("failure after 2 (starts_with(Images[0].Name, 'tmp-') && !ends_with(Images[0].Name, '-keep') == true)");
    }

    @Test
    void mapProjectionsKeysAndValues() throws Exception {
        assertThat(outcome("AttributesDone", table(), "{\"Attributes\": {}}", "{\"Attributes\": {\"a\": {\"Status\": \"Success\"}, \"b\": {\"Status\": \"Pending\"}}}",
                "{\"Attributes\": {\"a\": {\"Status\": \"Success\"}, \"b\": {\"Status\": \"Success\"}}}")).isEqualTo("success after 3");
        assertThat(outcome("AttributesDone", table(), "{\"Attributes\": {\"a\": {\"Status\": \"Failed\"}}}"))
                .isEqualTo("failure after 1 (values(Attributes)[].Status (pathAny) == Failed)");
    }

    @Test
    void numbersBooleansAndOrOfValues() throws Exception {
        assertThat(outcome("TableFilled", table(), "{\"Table\": {\"TableStatus\": \"ACTIVE\", \"ItemCount\": 3, \"SizeBytes\": 2}}",
                "{\"Table\": {\"TableStatus\": \"ACTIVE\", \"ItemCount\": 12, \"SizeBytes\": 2, \"Deleting\": true}}",
                "{\"Table\": {\"ItemCount\": 12, \"Deleting\": false}}")).isEqualTo("success after 3");
        assertThat(outcome("TableFilled", table(), "{\"Table\": {\"TableStatus\": \"ACTIVE\", \"ItemCount\": 5}}"))
                .as("an expected number").isEqualTo("success after 1");
        assertThat(outcome("TableFilled", table(), "{\"Table\": {\"TableStatus\": \"ACTIVE\", \"ItemCount\": 3, \"SizeBytes\": 4000000000}}"))
                .as("a long compared with an integer").isEqualTo("failure after 1 (Table.SizeBytes > Table.ItemCount == true)");
        String archived = "failure after 1 ((Images[].Name | [0]) || Table.TableStatus == ARCHIVED)";
        assertThat(outcome("TableFilled", table(), "{\"Images\": [{\"Name\": \"ARCHIVED\"}], \"Table\": {\"TableStatus\": \"CREATING\"}}"))
                .as("the first image's name").isEqualTo(archived);
        assertThat(outcome("TableFilled", table(), "{\"Images\": [{\"Name\": \"\"}], \"Table\": {\"TableStatus\": \"ARCHIVED\"}}"))
                .as("an empty name is false, so || gives the status").isEqualTo(archived);
        assertThat(outcome("TableFilled", table(), "{\"Table\": {\"TableStatus\": \"DELETING\"}}"))
                .isEqualTo("failure after 1 (Table.TableStatus != 'ACTIVE' && Table.TableStatus != 'CREATING' == true)");
    }

    @Test
    void statusAndErrorMatchers() throws Exception {
        assertThat(outcome("Reachable", table(), "404:" + NOT_FOUND, "{}")).isEqualTo("success after 2");
        assertThat(outcome("Reachable", table(), "400:{\"__type\":\"ValidationException\"}"))
                .isEqualTo("failure after 1 (any error) on PagingException");
        assertThat(outcome("TableNotExists", table(), "{\"Table\": {}}", "400:" + NOT_FOUND)).isEqualTo("success after 2 on ResourceNotFoundException");
        assertThat(outcome("TableExists", table(), "400:" + NOT_FOUND, "{\"Table\": {\"TableStatus\": \"CREATING\"}}",
                "{\"Table\": {\"TableStatus\": \"ACTIVE\"}}")).isEqualTo("success after 3");
        assertThat(outcome("TableExists", table(), "{}", "{}", "{}", "{}")).isEqualTo("timeout after 4");
        assertThat(outcome("TableExists", table(), "400:{\"__type\":\"AccessDeniedException\"}")).isEqualTo("failure after 1 on PagingException");
    }

    @Test
    void theTypedMethodsAndTheMatchedException() throws Exception {
        enqueue("400:" + NOT_FOUND);
        WaiterResponse<?> gone = client.waiter(fast).waitUntilTableNotExists(r -> r.tableName("T"));
        assertThat(gone.matched().exception()).get().isInstanceOf(ResourceNotFoundException.class);
        enqueue("400:" + NOT_FOUND);
        assertThat(async.waiter(fast).waitUntilTableNotExists(r -> r.tableName("T")).get(10, TimeUnit.SECONDS).matched().response()).isEmpty();
    }
}
