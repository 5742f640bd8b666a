package dev.ddbstreams.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small C2J models written into a temporary folder, so each test shows the model it is about. */
public final class ModelFiles {

    private ModelFiles() {}

    /** A service file with the given operations and shapes (JSON object bodies, without braces). */
    public static String service(String operations, String shapes) {
        return """
                {
                  "version": "2.0",
                  "metadata": {
                    "apiVersion": "2020-01-01",
                    "endpointPrefix": "widgets",
                    "jsonVersion": "1.0",
                    "protocol": "json",
                    "serviceFullName": "Example Widgets",
                    "serviceId": "Widgets",
                    "signatureVersion": "v4",
                    "targetPrefix": "Widgets_20200101"
                  },
                  "operations": {%s},
                  "shapes": {%s}
                }
                """.formatted(operations, shapes);
    }

    /** A minimal valid service: one operation with a string member in and out. */
    public static String minimalService() {
        return service("""
                "GetWidget": {"name": "GetWidget", "input": {"shape": "GetWidgetInput"}, "output": {"shape": "GetWidgetOutput"}}
                """, """
                "GetWidgetInput": {"type": "structure", "members": {"Id": {"shape": "String"}}},
                "GetWidgetOutput": {"type": "structure", "members": {"Name": {"shape": "String"}}},
                "String": {"type": "string"}
                """);
    }

    public static Path write(Path dir, String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
