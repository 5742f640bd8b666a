package dev.ddbstreams.benchmarks.unmarshal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * The floor under any JSON unmarshaller: jackson-core tokenizing the body and nothing else. Strings are not even
 * decoded (jackson-core does that lazily), so no reader that builds objects can get below it.
 */
final class TokenWalk implements Decoder {

    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public Object decode(byte[] body) throws IOException {
        int tokens = 0;
        try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(body))) {
            while (parser.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    @Override
    public int items(Object decoded) {
        return (Integer) decoded;
    }
}
