package dev.ddbstreams.runtime.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes an operation's modeled request as the whole JSON body object; generated code passes the request's
 * {@code XxxJson.write} method.
 *
 * @param <Q> the request type
 */
@FunctionalInterface
public interface RequestWriter<Q> {

    /** Writes {@code request} (null for an operation without input) to {@code generator} as one JSON object. */
    void write(JsonGenerator generator, Q request) throws IOException;
}
