package dev.ddbstreams.runtime.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes one operation's request body; generated per operation. */
@FunctionalInterface
public interface RequestMarshaller {

    /** Writes the whole body object, from its opening brace to its closing one. */
    void write(JsonGenerator generator) throws IOException;
}
