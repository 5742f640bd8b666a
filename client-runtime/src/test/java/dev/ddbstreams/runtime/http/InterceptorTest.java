package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.core.Bytes;
import dev.ddbstreams.runtime.interceptor.Context;
import dev.ddbstreams.runtime.interceptor.ExecutionAttribute;
import dev.ddbstreams.runtime.interceptor.ExecutionAttributes;
import dev.ddbstreams.runtime.interceptor.ExecutionInterceptor;
import dev.ddbstreams.runtime.override.RequestOverrideConfiguration;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.runtime.testing.TestEnvironment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every hook of {@link ExecutionInterceptor}, in order, on the wire: what each sees and what it may change. */
class InterceptorTest {

    private static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Instant NOW = Instant.parse("2015-08-30T12:36:00Z");

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private AwsJsonProtocolInvoker invoker;

    @AfterEach
    void close() {
        if (invoker != null) {
            invoker.close();
        }
    }

    private AwsJsonProtocolInvoker invoker(ExecutionInterceptor... interceptors) {
        ClientSettings.Builder settings = ClientSettings.builder()
                .region("us-east-1")
                .endpointOverride(server.url("/").uri())
                .credentialsProvider(StaticCredentialsProvider.create(ACCESS_KEY_ID, SECRET_KEY))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .systemEnvironment(TestEnvironment.empty())
                .overrideConfiguration(dev.ddbstreams.runtime.override.ClientOverrideConfiguration.builder()
                        .executionInterceptors(List.of(interceptors))
                        .retryPolicy(RetryPolicy.builder().sleeper(d -> { }).build())
                        .build());
        invoker = new AwsJsonProtocolInvoker(settings.build(), TestService.METADATA, TestService.ERROR_MAPPER);
        return invoker;
    }

    private void ok(String body) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("x-amzn-RequestId", "req-1").body(body).build());
    }

    @Test
    void everyHookRunsOnceInOrderWithWhatTheCallHasByThen() {
        ok("{\"StreamArn\":\"answer\"}");
        Recorder recorder = new Recorder("a");

        Map<String, String> response = invoker(recorder).invoke(TestRequest.DESCRIBE_STREAM, TestRequest.of("arn-1"));

        assertThat(response).containsEntry("StreamArn", "answer");
        assertThat(recorder.events).containsExactly(
                "a.beforeExecution DescribeStream arn-1",
                "a.modifyRequest arn-1",
                "a.modifyHttpRequest unsigned=true",
                "a.beforeTransmission attempt=1 signed=true",
                "a.afterTransmission 200 req-1",
                "a.modifyResponse {StreamArn=answer}",
                "a.afterExecution {StreamArn=answer}");
    }

    @Test
    void clientInterceptorsRunBeforeTheRequestsInTheOrderAdded() {
        ok("{}");
        Recorder first = new Recorder("client1");
        Recorder second = new Recorder("client2");
        Recorder third = new Recorder("request");
        List<String> shared = Collections.synchronizedList(new ArrayList<>());
        first.events = shared;
        second.events = shared;
        third.events = shared;

        invoker(first, second).invoke(TestRequest.DESCRIBE_STREAM, TestRequest.of("arn")
                .with(RequestOverrideConfiguration.builder().addExecutionInterceptor(third).build()));

        assertThat(shared.stream().filter(e -> e.contains("beforeExecution")).map(e -> e.split("\\.")[0]))
                .containsExactly("client1", "client2", "request");
        assertThat(shared.stream().filter(e -> e.contains("afterExecution")).map(e -> e.split("\\.")[0]))
                .containsExactly("client1", "client2", "request");
    }

    @Test
    void modifyRequestChangesWhatIsSent() throws Exception {
        ok("{}");
        ExecutionInterceptor rename = new ExecutionInterceptor() {
            @Override
            public Object modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
                return TestRequest.of(((TestRequest) context.request()).streamArn() + "-modified");
            }
        };

        invoker(rename).invoke(TestRequest.DESCRIBE_STREAM, TestRequest.of("arn"));

        assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"StreamArn\":\"arn-modified\"}");
    }

    @Test
    void aRequestOfAnotherClassIsRefusedNamingTheInterceptor() {
        ExecutionInterceptor wrong = new ExecutionInterceptor() {
            @Override
            public Object modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
                return "not a request";
            }

            @Override
            public String toString() {
                return "WrongInterceptor";
            }
        };

        assertThatThrownBy(() -> invoker(wrong).invoke(TestRequest.DESCRIBE_STREAM, TestRequest.of("arn")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WrongInterceptor.modifyRequest returned a java.lang.String")
                .hasMessageContaining(TestRequest.class.getName());
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void modifyHttpRequestIsSignedSoTheServerSeesAValidSignature() throws Exception {
        ok("{}");
        ExecutionInterceptor tracing = new ExecutionInterceptor() {
            @Override
            public HttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
                return context.httpRequest().toBuilder()
                        .putHeader("X-Trace-Id", "trace-42")
                        .putRawQueryParameter("tag", "a b/c")
                        .body(Bytes.fromUtf8String("{\"StreamArn\":\"rewritten\"}"))
                        .build();
            }
        };

        invoker(tracing).invoke(TestRequest.DESCRIBE_STREAM, TestRequest.of("arn"));

        RecordedRequest request = server.takeRequest();
        Headers received = request.getHeaders();
        assertThat(received.get("X-Trace-Id")).isEqualTo("trace-42");
        assertThat(request.getUrl().queryParameter("tag")).isEqualTo("a b/c");
        assertThat(request.getBody().utf8()).isEqualTo("{\"StreamArn\":\"rewritten\"}");
        assertThat(received.get("Authorization")).contains("x-trace-id");
        Map<String, String> signed = new LinkedHashMap<>();
        for (String name : new String[] {"content-type", "host", "x-amz-content-sha256", "x-amz-date", "x-amz-target",
                "x-trace-id"}) {
            signed.put(name, received.get(name));
        }
        assertThat(received.get("Authorization")).isEqualTo(IndependentSigV4.authorization("POST", "/",
                Map.of("tag", "a b/c"), signed, request.getBody().toByteArray(), ACCESS_KEY_ID, SECRET_KEY,
                "us-east-1", "dynamodb", "20150830T123600Z"));
    }

    @Test
    void modifyResponseChangesWhatTheCallerGets() {
        ok("{\"StreamArn\":\"x\"}");
        ExecutionInterceptor replace = new ExecutionInterceptor() {
            @Override
            public Object modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
                return new LinkedHashMap<>(Map.of("StreamArn", "replaced"));
            }
        };

        assertThat(invoker(replace).invoke(TestRequest.DESCRIBE_STREAM, TestRequest.of("arn")))
                .containsEntry("StreamArn", "replaced");
    }

    @Test
    void anInterceptorThatThrowsFailsTheCallWithThatExceptionUnwrappedAndUnretried() {
        IllegalStateException boom = new IllegalStateException("audit log unavailable");
        Recorder recorder = new Recorder("r");
        ExecutionInterceptor failing = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                throw boom;
            }
        };

        assertThatThrownBy(() -> invoker(recorder, failing).invoke(TestRequest.DESCRIBE_STREAM, TestRequest.of("arn")))
                .isSameAs(boom);
        assertThat(server.getRequestCount()).isZero();
        assertThat(recorder.events).last().isEqualTo("r.onExecutionFailure audit log unavailable http=true");
    }

    @Test
    void onExecutionFailureSeesTheServiceErrorAndTheLastResponse() {
        server.enqueue(new MockResponse.Builder().code(400).addHeader("x-amzn-RequestId", "req-9")
                .body("{\"__type\":\"ResourceNotFoundException\",\"message\":\"gone\"}").build());
        List<Context.FailedExecution> failures = new ArrayList<>();
        ExecutionInterceptor watcher = new ExecutionInterceptor() {
            @Override
            public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
                failures.add(context);
                throw new IllegalStateException("a broken failure hook");
            }
        };

        assertThatThrownBy(() -> invoker(watcher).invoke(TestRequest.DESCRIBE_STREAM, TestRequest.of("arn")))
                .isInstanceOf(TestService.ResourceNotFoundException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
                        .contains("a broken failure hook"));
        assertThat(failures).singleElement().satisfies(context -> {
            assertThat(context.exception()).isInstanceOf(TestService.ResourceNotFoundException.class);
            assertThat(context.httpResponse()).get().extracting(HttpResponse::statusCode).isEqualTo(400);
            assertThat(context.response()).isEmpty();
        });
    }

    @Test
    void beforeTransmissionRunsForEveryAttemptWithAFreshSignature() {
        server.enqueue(new MockResponse.Builder().code(500).body("{\"__type\":\"InternalServerError\"}").build());
        ok("{}");
        List<Integer> attempts = new ArrayList<>();
        ExecutionInterceptor counting = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                attempts.add(context.attemptNumber());
                assertThat(context.httpRequest().firstHeader("Authorization")).isPresent();
            }
        };

        invoker(counting).invoke(TestRequest.DESCRIBE_STREAM, TestRequest.of("arn"));

        assertThat(attempts).containsExactly(1, 2);
    }

    @Test
    void attributesCarryStateFromHookToHookOfOneCall() {
        ok("{}");
        ExecutionAttribute<Long> started = new ExecutionAttribute<>("started");
        List<Long> seen = new ArrayList<>();
        ExecutionInterceptor timing = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                attributes.putAttribute(started, 42L);
            }

            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                seen.add(attributes.getAttribute(started).orElseThrow());
            }
        };

        invoker(timing).invoke(TestRequest.DESCRIBE_STREAM, TestRequest.of("arn"));

        assertThat(seen).containsExactly(42L);
    }

    @Test
    void asynchronousCallsRunTheSameHooksAndCompleteOffTheHttpClientsThreads() throws Exception {
        ok("{\"StreamArn\":\"async\"}");
        Recorder recorder = new Recorder("a");
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        ExecutionInterceptor threadWatcher = new ExecutionInterceptor() {
            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                threads.add(Thread.currentThread().getName());
            }
        };

        CompletableFuture<String> arn = invoker(recorder, threadWatcher)
                .invokeAsync(TestRequest.DESCRIBE_STREAM, TestRequest.of("arn-1"))
                .thenApply(response -> {
                    threads.add(Thread.currentThread().getName());
                    return response.get("StreamArn");
                });

        assertThat(arn.get(10, TimeUnit.SECONDS)).isEqualTo("async");
        assertThat(recorder.events).hasSize(7).last().isEqualTo("a.afterExecution {StreamArn=async}");
        assertThat(threads).isNotEmpty().allSatisfy(name -> assertThat(name).doesNotContain("OkHttp"));
    }

    @Test
    void anAsynchronousCallFailsWithTheInterceptorsException() {
        IllegalArgumentException boom = new IllegalArgumentException("no");
        ExecutionInterceptor failing = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                throw boom;
            }
        };

        assertThatThrownBy(() -> invoker(failing).invokeAsync(TestRequest.DESCRIBE_STREAM, TestRequest.of("arn")).join())
                .isInstanceOf(CompletionException.class)
                .cause().isSameAs(boom);
    }

    /** Records every hook as a line. */
    private static final class Recorder implements ExecutionInterceptor {
        private final String name;
        List<String> events = Collections.synchronizedList(new ArrayList<>());

        Recorder(String name) {
            this.name = name;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            events.add(name + ".beforeExecution " + context.operationName() + " " + ((TestRequest) context.request()).streamArn());
        }

        @Override
        public Object modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            events.add(name + ".modifyRequest " + ((TestRequest) context.request()).streamArn());
            return context.request();
        }

        @Override
        public HttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            events.add(name + ".modifyHttpRequest unsigned=" + context.httpRequest().firstHeader("Authorization").isEmpty());
            return context.httpRequest();
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            events.add(name + ".beforeTransmission attempt=" + context.attemptNumber() + " signed="
                    + context.httpRequest().firstHeader("Authorization").isPresent());
        }

        @Override
        public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
            events.add(name + ".afterTransmission " + context.httpResponse().statusCode() + " "
                    + context.httpResponse().firstHeader("x-amzn-requestid").orElse("none"));
        }

        @Override
        public Object modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
            events.add(name + ".modifyResponse " + context.response());
            return context.response();
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            events.add(name + ".afterExecution " + context.response());
        }

        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            events.add(name + ".onExecutionFailure " + context.exception().getMessage() + " http="
                    + context.httpRequest().isPresent());
        }
    }
}
