package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.testing.TestEnvironment;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Asynchronous results complete where the future completion executor runs them, never on OkHttp's threads. */
class FutureCompletionExecutorTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private AwsJsonProtocolInvoker invoker(Executor executor) {
        return new AwsJsonProtocolInvoker(ClientSettings.builder()
                .region("us-east-1")
                .endpointOverride(server.url("/").uri())
                .credentialsProvider(StaticCredentialsProvider.create("AKID", "secret"))
                .systemEnvironment(TestEnvironment.empty())
                .futureCompletionExecutor(executor)
                .build(), TestService.METADATA, TestService.ERROR_MAPPER);
    }

    private String threadOfDependentStage(AwsJsonProtocolInvoker invoker) throws Exception {
        // The answer is held back so the stage below is chained before the future completes.
        server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(200, TimeUnit.MILLISECONDS).build());
        CompletableFuture<String> thread = invoker.invokeAsync(TestRequest.DESCRIBE_STREAM, TestRequest.of("arn"))
                .thenApply(response -> Thread.currentThread().getName());
        return thread.get(10, TimeUnit.SECONDS);
    }

    @Test
    void byDefaultDependentStagesRunOnTheSharedResponseThreads() throws Exception {
        try (AwsJsonProtocolInvoker invoker = invoker(null)) {
            assertThat(threadOfDependentStage(invoker)).startsWith("ddbstreams-async-response-");
        }
    }

    @Test
    void aConfiguredExecutorRunsThem() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "app-completions"));
        try (AwsJsonProtocolInvoker invoker = invoker(executor)) {
            assertThat(threadOfDependentStage(invoker)).isEqualTo("app-completions");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aDirectExecutorCompletesOnTheHttpClientsThreadAsAskedFor() throws Exception {
        try (AwsJsonProtocolInvoker invoker = invoker(Runnable::run)) {
            assertThat(threadOfDependentStage(invoker)).contains("OkHttp");
        }
    }

    @Test
    void anExecutorThatRefusesHandsTheCompletionToTheSharedThreads() throws Exception {
        Executor refusing = task -> {
            throw new RejectedExecutionException("full");
        };
        try (AwsJsonProtocolInvoker invoker = invoker(refusing)) {
            assertThat(threadOfDependentStage(invoker)).startsWith("ddbstreams-async-response-");
        }
    }
}
