package dev.ddbstreams.benchmarks.unmarshal;

import java.io.IOException;

/** Turns one fixture's response body into objects, with no HTTP involved. */
public interface Decoder {

    /** Reads {@code body} completely, from an input stream as a client gets it from its HTTP layer. */
    Object decode(byte[] body) throws IOException;

    /** How many records, shards or streams {@code decoded} holds (tokens, for the token walk). */
    int items(Object decoded);
}
