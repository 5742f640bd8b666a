package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.exception.AwsErrorDetails;
import dev.ddbstreams.runtime.http.TestService.ExpiredIteratorException;
import dev.ddbstreams.runtime.http.TestService.StreamsException;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

    private static AwsErrorDetails details(String code) {
        return new AwsErrorDetails(code, "msg", "req", 400, "DynamoDB Streams");
    }

    @Test
    void mapsRegisteredCodesAndFallsBackForOthers() {
        assertThat(TestService.ERROR_MAPPER.map(details("ExpiredIteratorException")))
                .isExactlyInstanceOf(ExpiredIteratorException.class);
        assertThat(TestService.ERROR_MAPPER.map(details("SomethingNew"))).isExactlyInstanceOf(StreamsException.class);
        assertThat(TestService.ERROR_MAPPER.map(details(null))).isExactlyInstanceOf(StreamsException.class);
    }

    @Test
    void codesAreCaseSensitive() {
        assertThat(TestService.ERROR_MAPPER.map(details("expirediteratorexception")))
                .isExactlyInstanceOf(StreamsException.class);
    }

    @Test
    void registeringACodeTwiceIsAnError() {
        ErrorMapper.Builder builder = ErrorMapper.builder(StreamsException::new)
                .register("ExpiredIteratorException", ExpiredIteratorException::new);

        assertThatThrownBy(() -> builder.register("ExpiredIteratorException", StreamsException::new))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ExpiredIteratorException");
    }

    @Test
    void errorCodeCleaningHandlesNamespacesAndSuffixes() {
        assertThat(ErrorResponseReader.errorCode("aws.dynamodb#ResourceNotFoundException"))
                .isEqualTo("ResourceNotFoundException");
        assertThat(ErrorResponseReader.errorCode("ResourceNotFoundException:http://internal.amazon.com/x"))
                .isEqualTo("ResourceNotFoundException");
        assertThat(ErrorResponseReader.errorCode("ns#Code:http://x")).isEqualTo("Code");
        assertThat(ErrorResponseReader.errorCode("")).isNull();
        assertThat(ErrorResponseReader.errorCode(null)).isNull();
    }
}
