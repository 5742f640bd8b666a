package dev.ddbstreams.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as plain Java values, for comparing what two writers produced by content rather than by bytes: objects
 * become maps (so member order does not matter), arrays lists, numbers {@link BigDecimal}s without trailing zeros
 * (so {@code 1.50} and {@code 1.5} are the same number), {@code null} the {@link #NULL} marker. Tests that rewrite
 * a JSON file (the sweep over aws-sdk-js's models) read it as such a tree and {@link #write} it back.
 */
public final class JsonTree {

    /** JSON {@code null}, which a map cannot hold as a value we could tell from an absent key. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final JsonFactory JSON = new JsonFactory();

    private JsonTree() {}

    /** The one JSON value in {@code json}; anything after it is an error. */
    public static Object parse(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            parser.nextToken();
            Object value = read(parser);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after the JSON value");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tree as pretty-printed JSON, in the maps' own order; numbers are written plainly ({@code 20}, not {@code 2E+1}). */
    public static byte[] write(Object tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.useDefaultPrettyPrinter();
            write(tree, generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(Object value, JsonGenerator generator) throws IOException {
        if (value instanceof Map<?, ?> object) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> member : object.entrySet()) {
                generator.writeFieldName((String) member.getKey());
                write(member.getValue(), generator);
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> array) {
            generator.writeStartArray();
            for (Object element : array) {
                write(element, generator);
            }
            generator.writeEndArray();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof BigDecimal number) {
            generator.writeNumber(number.toPlainString());
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value == NULL) {
            generator.writeNull();
        } else {
            throw new IllegalArgumentException("not a JSON tree value: " + value);
        }
    }

    private static Object read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> object = new LinkedHashMap<>();
                String name;
                while ((name = parser.nextFieldName()) != null) {
                    parser.nextToken();
                    if (object.put(name, read(parser)) != null) {
                        throw new IllegalArgumentException("duplicate key " + name);
                    }
                }
                return object;
            }
            case START_ARRAY: {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser));
                }
                return array;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new BigDecimal(parser.getText()).stripTrailingZeros();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return NULL;
            default:
                throw new IllegalArgumentException("unexpected " + token);
        }
    }
}
