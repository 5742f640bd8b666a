package dev.ddbstreams.runtime.exception;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class AwsServiceExceptionTest {

    private static final class TestException extends AwsServiceException {
        private static final long serialVersionUID = 1L;

        TestException(AwsErrorDetails details) {
            super(details);
        }
    }

    @Test
    void messageReadsLikeTheAwsSdks() {
        TestException e = new TestException(new AwsErrorDetails("ResourceNotFoundException",
                "Requested resource not found", "abc", 400, "DynamoDB Streams"));

        assertThat(e).hasMessage("Requested resource not found (Service: DynamoDB Streams, Status Code: 400, "
                + "Error Code: ResourceNotFoundException, Request ID: abc)");
        assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
        assertThat(e.errorMessage()).isEqualTo("Requested resource not found");
        assertThat(e.requestId()).isEqualTo("abc");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e).isInstanceOf(SdkException.class);
    }

    @Test
    void messageWithoutServiceMessageIsJustTheContext() {
        TestException e = new TestException(new AwsErrorDetails(null, null, null, 500, "DynamoDB Streams"));

        assertThat(e).hasMessage("(Service: DynamoDB Streams, Status Code: 500, Error Code: null, Request ID: null)");
    }

    @Test
    void survivesJavaSerialization() throws IOException, ClassNotFoundException {
        TestException original = new TestException(new AwsErrorDetails("Code", "msg", "req", 400, "svc"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            AwsServiceException copy = (AwsServiceException) in.readObject();
            assertThat(copy.awsErrorDetails()).isEqualTo(original.awsErrorDetails());
            assertThat(copy).hasMessage(original.getMessage());
        }
    }
}
