package dev.ddbstreams.codegen;

import com.palantir.javapoet.JavaFile;
import dev.ddbstreams.codegen.emit.Emitters;
import dev.ddbstreams.codegen.model.ModelException;
import dev.ddbstreams.codegen.model.ServiceModel;
import dev.ddbstreams.codegen.read.ModelReader;
import dev.ddbstreams.codegen.read.ModelSources;
import dev.ddbstreams.codegen.validate.ModelValidator;
import dev.ddbstreams.codegen.write.GeneratedFileWriter;
import dev.ddbstreams.codegen.write.GeneratedFileWriter.WriteResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * The whole generator as plain Java: read the model, validate it, emit the files, write them. The Maven mojo is
 * a thin adapter over this, and tests call it directly.
 */
public final class CodeGenerator {

    private static final Pattern PACKAGE_SEGMENT = Pattern.compile("\\.");

    private CodeGenerator() {}

    /**
     * Reads and validates a model without generating anything. What the generator leaves out of the client (an
     * event-stream operation, say) is in the model's {@link ServiceModel#warnings() warnings}, for the caller to
     * show.
     */
    public static ServiceModel load(ModelSources sources) throws ModelException {
        ServiceModel model = ModelReader.read(sources);
        ModelValidator.validate(model);
        return model;
    }

    /** The generated sources of a model, by path relative to a source root; nothing is written. */
    public static Map<String, String> render(ServiceModel model, String basePackage) {
        checkPackage(basePackage);
        Map<String, String> files = new LinkedHashMap<>();
        for (JavaFile file : Emitters.emitAll(model, basePackage)) {
            String path = file.packageName().replace('.', '/') + "/" + file.typeSpec().name() + ".java";
            files.put(path, file.toString());
        }
        return files;
    }

    /** Generates the sources of a model into {@code outputDirectory}, touching only what changed. */
    public static WriteResult generate(ModelSources sources, String basePackage, Path outputDirectory)
            throws ModelException, IOException {
        return generate(load(sources), basePackage, outputDirectory);
    }

    /** Generates the sources of a model {@link #load loaded} before into {@code outputDirectory}, touching only what changed. */
    public static WriteResult generate(ServiceModel model, String basePackage, Path outputDirectory) throws IOException {
        return new GeneratedFileWriter(outputDirectory).write(render(model, basePackage));
    }

    private static void checkPackage(String basePackage) {
        if (basePackage == null || basePackage.isBlank()) {
            throw new InvalidSettingException("basePackage is not set; give the Java package for the generated client, e.g. com.example.streams");
        }
        for (String segment : PACKAGE_SEGMENT.split(basePackage, -1)) {
            if (!SourceVersion.isIdentifier(segment) || SourceVersion.isKeyword(segment)) {
                throw new InvalidSettingException("basePackage \"" + basePackage + "\" is not a Java package name (\"" + segment + "\" cannot be part of one)");
            }
        }
    }
}
