package dev.ddbstreams.runtime.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ddbstreams.runtime.exception.SdkClientException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Runs a {@link RequestWriter} into a byte array. The body is buffered rather than streamed because SigV4
 * signs its SHA-256 and OkHttp may need to send it again on a fresh connection.
 */
final class RequestBodyWriter {

    private final JsonFactory jsonFactory;

    RequestBodyWriter(JsonFactory jsonFactory) {
        this.jsonFactory = jsonFactory;
    }

    <Q> byte[] write(String operationName, RequestWriter<? super Q> writer, Q request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = jsonFactory.createGenerator(out)) {
            writer.write(generator, request);
            // Jackson would quietly close a half-written object on close(); a marshaller that stops short is a bug
            // to report here, not a confusing SerializationException from the service.
            if (!generator.getOutputContext().inRoot() || generator.getOutputContext().getEntryCount() != 1) {
                throw new SdkClientException("The request marshaller of " + operationName
                        + " did not write a complete JSON object");
            }
        } catch (IOException e) {
            throw new SdkClientException("Unable to write the request body of " + operationName + ": "
                    + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    byte[] write(String operationName, RequestMarshaller marshaller) {
        return write(operationName, (generator, ignored) -> marshaller.write(generator), null);
    }
}
