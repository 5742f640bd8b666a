package dev.ddbstreams.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Rewrites JSON with the members of every object in another order and each number as it was spelled: the same
 * content as a service might lay it out, since JSON promises no member order and readers must not depend on one.
 */
final class JsonShuffle {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonShuffle() {}

    static byte[] shuffle(byte[] json, long seed) {
        try (JsonParser parser = JSON.createParser(json)) {
            parser.nextToken();
            return shuffle(parser, new Random(seed)).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shuffle(JsonParser parser, Random random) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            List<Map.Entry<String, String>> members = new ArrayList<>();
            String name;
            while ((name = parser.nextFieldName()) != null) {
                parser.nextToken();
                members.add(Map.entry(name, shuffle(parser, random)));
            }
            Collections.shuffle(members, random);
            StringWriter out = new StringWriter();
            try (JsonGenerator generator = JSON.createGenerator(out)) {
                generator.writeStartObject();
                for (Map.Entry<String, String> member : members) {
                    generator.writeFieldName(member.getKey());
                    generator.writeRawValue(member.getValue());
                }
                generator.writeEndObject();
            }
            return out.toString();
        }
        if (token == JsonToken.START_ARRAY) {
            StringWriter out = new StringWriter();
            try (JsonGenerator generator = JSON.createGenerator(out)) {
                generator.writeStartArray();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    generator.writeRawValue(shuffle(parser, random));
                }
                generator.writeEndArray();
            }
            return out.toString();
        }
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getText();
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.copyCurrentEvent(parser);
        }
        return out.toString();
    }
}
