package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.exception.AwsErrorDetails;
import dev.ddbstreams.runtime.exception.AwsServiceException;
import dev.ddbstreams.runtime.exception.MalformedResponseException;
import dev.ddbstreams.runtime.http.TestService.StreamsException;
import dev.ddbstreams.runtime.json.JsonReading;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.runtime.testing.TestEnvironment;
import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The error code in every form the AWS JSON protocols use (the cases of Smithy's awsJson1_0 error tests), the query
 * code of a query-compatible service ({@code x-amzn-query-error}), and modeled members read from the error body.
 */
class ErrorCodesAndMembersTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private AwsJsonProtocolInvoker invoker;

    /** An error with a modeled member, {@code Reason}, as a generated exception with its reader would be. */
    static final class FooError extends StreamsException {
        private static final long serialVersionUID = 1L;
        private final transient String reason;

        FooError(AwsErrorDetails details) {
            this(details, null);
        }

        FooError(AwsErrorDetails details, String reason) {
            super(details);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }

        static FooError read(AwsErrorDetails details, JsonParser parser) throws IOException {
            JsonReading.expectStartObject(parser, "FooError");
            String reason = null;
            String field;
            while ((field = parser.nextFieldName()) != null) {
                JsonToken token = parser.nextToken();
                if (field.equals("Reason") && token != JsonToken.VALUE_NULL) {
                    reason = JsonReading.readString(parser, "FooError.Reason");
                } else {
                    JsonReading.skipUnknownMember(parser, "FooError", field);
                }
            }
            return new FooError(details, reason);
        }
    }

    static final class CustomCodeError extends StreamsException {
        private static final long serialVersionUID = 1L;

        CustomCodeError(AwsErrorDetails details) {
            super(details);
        }
    }

    private static ErrorMapper.Builder mapper() {
        return ErrorMapper.builder(StreamsException::new)
                .register("FooError", FooError::new, FooError::read)
                .register("CustomCodeError", CustomCodeError::new)
                .alias("Customized", "CustomCodeError");
    }

    private AwsServiceException callFailing(ErrorMapper errors, MockResponse response) {
        invoker = new AwsJsonProtocolInvoker(ClientSettings.builder()
                .region("us-east-1")
                .endpointOverride(server.url("/").uri())
                .credentialsProvider(StaticCredentialsProvider.create("AKIDEXAMPLE", "secret"))
                .retryPolicy(RetryPolicy.none())
                .systemEnvironment(TestEnvironment.empty())
                .build(), TestService.METADATA, errors);
        server.enqueue(response);
        return catchThrowableOfType(AwsServiceException.class,
                () -> invoker.invoke("DescribeStream", TestJson.EMPTY_OBJECT, TestJson.STRING_MEMBERS));
    }

    @AfterEach
    void closeInvoker() {
        if (invoker != null) {
            invoker.close();
        }
    }

    private static MockResponse.Builder error(int status, String body) {
        return new MockResponse.Builder().code(status)
                .addHeader("Content-Type", "application/x-amz-json-1.0")
                .addHeader("x-amzn-RequestId", "REQ-1")
                .body(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "FooError",
            "FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
            "aws.protocoltests.json10#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/"})
    void theCodeComesFromTheErrorTypeHeaderInEveryForm(String header) {
        AwsServiceException e = callFailing(mapper().build(), error(500, "").addHeader("X-Amzn-Errortype", header).build());
        assertThat(e).isExactlyInstanceOf(FooError.class);
        assertThat(e.errorCode()).isEqualTo("FooError");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"code\": \"FooError\"}",
            "{\"code\": \"aws.protocoltests.json10#FooError\"}",
            "{\"code\": \"aws.protocoltests.json10#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/\"}",
            "{\"__type\": \"FooError\"}",
            "{\"__type\": \"aws.protocoltests.json10#FooError\"}",
            "{\"__type\": \"aws.different.namespace#FooError\"}",
            "{\"__type\": \"aws.protocoltests.json10#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/\"}",
            "{\"__type\": \"aws.protocoltests.json10#FooError\", \"ErrorDetails\": [{\"__type\": \"com.amazon.internal#ErrorDetails\", \"reason\": \"Some reason\"}]}"})
    void theCodeComesFromTheBodysCodeOrTypeInEveryForm(String body) {
        AwsServiceException e = callFailing(mapper().build(), error(500, body).build());
        assertThat(e).isExactlyInstanceOf(FooError.class);
        assertThat(e.errorCode()).isEqualTo("FooError");
        assertThat(e.statusCode()).isEqualTo(500);
        assertThat(e.requestId()).isEqualTo("REQ-1");
    }

    @Test
    void theHeaderComesFirstThenCodeThenType() {
        assertThat(callFailing(mapper().build(), error(400, "{\"code\": \"Other\", \"__type\": \"Other\"}")
                .addHeader("X-Amzn-Errortype", "FooError").build())).isExactlyInstanceOf(FooError.class);
        assertThat(callFailing(mapper().build(), error(400, "{\"__type\": \"Other\", \"code\": \"FooError\"}").build()))
                .isExactlyInstanceOf(FooError.class);
        assertThat(callFailing(mapper().build(), error(400, "{\"__type\": \"FooError\"}").addHeader("X-Amzn-Errortype", " ").build()))
                .as("a blank header names nothing").isExactlyInstanceOf(FooError.class);
    }

    @Test
    void modeledMembersAreReadFromTheBody() {
        FooError e = (FooError) callFailing(mapper().build(), error(400,
                "{\"__type\": \"FooError\", \"message\": \"it failed\", \"Reason\": \"full\", \"Unknown\": [1]}").build());
        assertThat(e.reason()).isEqualTo("full");
        assertThat(e.errorMessage()).isEqualTo("it failed");
        assertThat(e.getSuppressed()).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonLeavesTheMembersAbsent() {
        FooError e = (FooError) callFailing(mapper().build(), error(502, "<html>Bad Gateway</html>")
                .addHeader("x-amzn-ErrorType", "FooError").build());
        assertThat(e.reason()).isNull();
        assertThat(e.errorMessage()).contains("Bad Gateway");
    }

    @Test
    void membersThatCannotBeReadAreLeftOutWithTheReasonAttached() {
        FooError e = (FooError) callFailing(mapper().build(), error(400,
                "{\"__type\": \"FooError\", \"message\": \"it failed\", \"Reason\": {\"not\": \"a string\"}}").build());
        assertThat(e.reason()).isNull();
        assertThat(e.errorCode()).isEqualTo("FooError");
        assertThat(e.errorMessage()).isEqualTo("it failed");
        assertThat(e.getSuppressed()).singleElement()
                .isInstanceOf(MalformedResponseException.class)
                .satisfies(suppressed -> assertThat(suppressed.getMessage())
                        .contains("The members of the error FooError could not be read")
                        .contains("FooError.Reason: expected a string but found an object"));
    }

    @Test
    void aQueryCompatibleServiceReportsTheQueryCodeOfTheErrorTheJsonCodeNames() {
        // Smithy's QueryCompatibleAwsJson10CustomCodeError.
        AwsServiceException e = callFailing(mapper().awsQueryCompatible().build(), error(400,
                "{\"__type\": \"aws.protocoltests.json10#CustomCodeError\", \"Message\": \"Hi\"}")
                .addHeader("x-amzn-query-error", "Customized;Sender").build());
        assertThat(e).isExactlyInstanceOf(CustomCodeError.class);
        assertThat(e.errorCode()).isEqualTo("Customized");
        assertThat(e.errorMessage()).isEqualTo("Hi");

        // The query code alone finds the error too; the JSON code wins when both name one.
        assertThat(callFailing(mapper().awsQueryCompatible().build(), error(400, "{\"message\": \"Hi\"}")
                .addHeader("x-amzn-query-error", "Customized;Sender").build())).isExactlyInstanceOf(CustomCodeError.class);
        AwsServiceException foo = callFailing(mapper().awsQueryCompatible().build(), error(400, "{\"__type\": \"FooError\"}")
                .addHeader("x-amzn-query-error", "Customized;Sender").build());
        assertThat(foo).isExactlyInstanceOf(FooError.class);
        assertThat(foo.errorCode()).isEqualTo("Customized");
    }

    @Test
    void withoutTheHeaderAQueryCompatibleServiceReportsTheJsonCode() {
        // Smithy's QueryCompatibleAwsJson10CborNoCustomCodeError.
        AwsServiceException e = callFailing(mapper().awsQueryCompatible().build(), error(400,
                "{\"__type\": \"aws.protocoltests.json10#CustomCodeError\", \"Message\": \"Hi\"}").build());
        assertThat(e).isExactlyInstanceOf(CustomCodeError.class);
        assertThat(e.errorCode()).isEqualTo("CustomCodeError");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Customized", ";Sender", " ;Sender", ""})
    void aQueryErrorHeaderWithoutACodeIsIgnored(String header) {
        AwsServiceException e = callFailing(mapper().awsQueryCompatible().build(), error(400, "{\"__type\": \"FooError\"}")
                .addHeader("x-amzn-query-error", header).build());
        assertThat(e.errorCode()).isEqualTo("FooError");
    }

    @Test
    void aServiceThatIsNotQueryCompatibleIgnoresTheHeader() {
        AwsServiceException e = callFailing(mapper().build(), error(400, "{\"__type\": \"FooError\"}")
                .addHeader("x-amzn-query-error", "Customized;Sender").build());
        assertThat(e).isExactlyInstanceOf(FooError.class);
        assertThat(e.errorCode()).isEqualTo("FooError");
    }

    @Test
    void anAliasMustNameARegisteredCodeAndIsNeverRegisteredTwice() {
        assertThatThrownBy(() -> ErrorMapper.builder(StreamsException::new).alias("A", "Missing").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("error code A is an alias of Missing, which is not registered");
        assertThatThrownBy(() -> mapper().alias("Customized", "FooError"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("error code aliased twice: Customized");
    }

    @Test
    void aRegisteredCodeWinsOverAnAliasOfTheSameSpelling() {
        ErrorMapper errors = ErrorMapper.builder(StreamsException::new)
                .register("FooError", FooError::new)
                .register("CustomCodeError", CustomCodeError::new)
                .alias("FooError", "CustomCodeError")
                .build();
        assertThat(errors.map(new AwsErrorDetails("FooError", "m", "r", 400, "S"))).isExactlyInstanceOf(FooError.class);
    }
}
