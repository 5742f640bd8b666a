package dev.ddbstreams.runtime.http;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Reads one operation's successful response; generated per operation.
 *
 * @param <T> the operation's output type
 */
@FunctionalInterface
public interface ResponseUnmarshaller<T> {

    /**
     * Reads the response object. The parser stands before the first token, so the first call is
     * {@code parser.nextToken()}. An empty response body is presented as {@code {}}.
     */
    T read(JsonParser parser) throws IOException;
}
