package dev.ddbstreams.runtime.http;

import com.fasterxml.jackson.core.JsonToken;
import dev.ddbstreams.runtime.json.JsonReading;
import java.util.LinkedHashMap;
import java.util.Map;

/** Marshallers and unmarshallers such as the generator writes, for a shape of string members. */
final class TestJson {

    private TestJson() {}

    /** Reads an object of string members, like a generated unmarshaller. */
    static final ResponseUnmarshaller<Map<String, String>> STRING_MEMBERS = parser -> {
        parser.nextToken();
        JsonReading.expectStartObject(parser, "TestOutput");
        Map<String, String> members = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            members.put(name, JsonReading.readString(parser, "TestOutput." + name));
        }
        return members;
    };

    /** Writes {@code {"StreamArn":"arn","Limit":5}}. */
    static RequestMarshaller streamArnAndLimit(String streamArn, int limit) {
        return generator -> {
            generator.writeStartObject();
            generator.writeStringField("StreamArn", streamArn);
            generator.writeNumberField("Limit", limit);
            generator.writeEndObject();
        };
    }

    /** Writes {@code {}}. */
    static final RequestMarshaller EMPTY_OBJECT = generator -> {
        generator.writeStartObject();
        generator.writeEndObject();
    };
}
