package dev.ddbstreams.codegen.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import dev.ddbstreams.codegen.model.ModelException;
import dev.ddbstreams.codegen.model.ModelProblem;
import dev.ddbstreams.codegen.model.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses a JSON file into a {@link JsonValue} tree; syntax errors and duplicate keys name file, line and column. */
final class LocatedJsonParser {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private LocatedJsonParser() {}

    static JsonValue parse(Path file) throws ModelException {
        try (InputStream in = Files.newInputStream(file);
                JsonParser parser = FACTORY.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ModelException(new ModelProblem(SourceLocation.of(file), "the file is empty; expected a JSON object"));
            }
            JsonValue value = readValue(parser, file);
            if (parser.nextToken() != null) {
                throw new ModelException(new ModelProblem(at(file, parser.currentTokenLocation()),
                        "unexpected content after the end of the top-level JSON value"));
            }
            return value;
        } catch (NoSuchFileException e) {
            throw new ModelException(new ModelProblem(SourceLocation.of(file), "the file does not exist"));
        } catch (StreamReadException e) {
            throw new ModelException(new ModelProblem(at(file, e.getLocation()), "invalid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ModelException(new ModelProblem(SourceLocation.of(file), "cannot read the file: " + e.getMessage()));
        }
    }

    private static JsonValue readValue(JsonParser parser, Path file) throws IOException {
        SourceLocation location = at(file, parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, JsonValue> members = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    members.put(name, readValue(parser, file));
                }
                return new JsonValue.JsonObject(members, location);
            }
            case START_ARRAY: {
                List<JsonValue> elements = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    elements.add(readValue(parser, file));
                }
                return new JsonValue.JsonArray(elements, location);
            }
            case VALUE_STRING:
                return new JsonValue.JsonString(parser.getText(), location);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new JsonValue.JsonNumber(parser.getNumberValue(), location);
            case VALUE_TRUE:
                return new JsonValue.JsonBoolean(true, location);
            case VALUE_FALSE:
                return new JsonValue.JsonBoolean(false, location);
            case VALUE_NULL:
                return new JsonValue.JsonNull(location);
            default:
                throw new JsonParseException(parser, "unexpected token " + token);
        }
    }

    private static SourceLocation at(Path file, JsonLocation location) {
        if (location == null) {
            return SourceLocation.of(file);
        }
        return new SourceLocation(file, Math.max(0, location.getLineNr()), Math.max(0, location.getColumnNr()));
    }
}
