package dev.ddbstreams.codegen.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ddbstreams.codegen.InvalidSettingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats a service model can be written in, and how the generator tells them apart. */
public enum ModelFormat {
    /** Decide from the file: {@link #SMITHY} for a {@code .smithy} file or JSON with a top-level "smithy" key, otherwise {@link #C2J}. */
    AUTO,
    /** The AWS C2J {@code service-2.json} that botocore and the AWS SDK for Java v2 publish. */
    C2J,
    /** A Smithy model: the JSON AST ({@code .json}) that aws/api-models-aws publishes, or the Smithy IDL ({@code .smithy}). */
    SMITHY;

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * The format named by a user setting such as the plugin's {@code modelFormat}: case does not matter.
     *
     * @throws IllegalArgumentException naming the allowed values when {@code name} is none of them
     */
    public static ModelFormat named(String name) {
        String wanted = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        for (ModelFormat format : values()) {
            if (format.name().equals(wanted)) {
                return format;
            }
        }
        throw new InvalidSettingException("modelFormat \"" + name + "\" is not one of "
                + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    /** This format, or for {@link #AUTO} the one {@code file} is written in. */
    public ModelFormat resolve(Path file) {
        return this == AUTO ? detect(file) : this;
    }

    /**
     * The format a file is written in. Only the top level of a JSON file is looked at, so this is cheap; a file
     * that cannot be read or parsed counts as C2J, and the C2J reader then reports what is wrong with it, with
     * its location.
     */
    static ModelFormat detect(Path file) {
        if (file.getFileName() != null && file.getFileName().toString().endsWith(".smithy")) {
            return SMITHY;
        }
        try (InputStream in = Files.newInputStream(file);
                JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return C2J;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                if (parser.currentName().equals("smithy")) {
                    return SMITHY;
                }
                parser.nextToken();
                parser.skipChildren();
            }
            return C2J;
        } catch (IOException e) {
            return C2J;
        }
    }
}
