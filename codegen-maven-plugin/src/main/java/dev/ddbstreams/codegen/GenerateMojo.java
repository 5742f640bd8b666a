package dev.ddbstreams.codegen;

import dev.ddbstreams.codegen.model.ModelException;
import dev.ddbstreams.codegen.model.ServiceModel;
import dev.ddbstreams.codegen.read.ModelFormat;
import dev.ddbstreams.codegen.read.OperationFilter;
import dev.ddbstreams.codegen.read.ModelSources;
import dev.ddbstreams.codegen.write.GeneratedFileWriter.WriteResult;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates a Java client for an AWS JSON-protocol service from its model: immutable shapes with builders, enums
 * that keep values they do not know, sealed unions, one exception per modeled error, JSON codecs and a client
 * interface with its builder. The generated code needs {@code dev.ddbstreams:client-runtime} (same version as the
 * plugin) on the compile classpath; the output directory is added to the project's compile source roots.
 *
 * <p>The model may be a C2J {@code service-2.json} (as botocore and the AWS SDK for Java v2 publish it), a Smithy
 * JSON AST (as aws/api-models-aws publishes it) or a Smithy IDL file; C2J paginators and waiters files are read from
 * beside a C2J model, and may be added to a Smithy model. A file that is unchanged leaves every generated file untouched, so a second
 * build recompiles nothing; files of shapes that left the model are deleted. A broken model fails the build with
 * every problem found, each with its file, line and column.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

    /**
     * The service model to generate a client for: a C2J {@code service-2.json} exactly as botocore or the AWS SDK
     * for Java v2 publish it (or written in that format), a Smithy JSON AST ({@code *.json}) or a Smithy IDL file
     * ({@code *.smithy}). See {@code modelFormat} for how the format is told. A Smithy model must define exactly one
     * service. Example: <code>${project.basedir}/src/main/model/dynamodbstreams/service-2.json</code>.
     */
    @Parameter(property = "ddbstreams.codegen.modelFile", required = true)
    private File modelFile;

    /**
     * How {@code modelFile} is written: {@code c2j}, {@code smithy}, or {@code auto} to decide from the file. With
     * {@code auto}, a {@code *.smithy} file and a JSON file with a top-level {@code "smithy"} key are Smithy models;
     * any other file is read as C2J. Case does not matter.
     */
    @Parameter(property = "ddbstreams.codegen.modelFormat", defaultValue = "auto")
    private String modelFormat;

    /**
     * The C2J paginators file ({@code paginators-1.json}, as botocore and the AWS SDK for Java v2 publish it).
     * Defaults to {@code paginators-1.json} beside a C2J {@code modelFile}, when there is one. A Smithy model states
     * its paginators with {@code @paginated}; a file set here adds to them (an operation's paginator may be stated
     * only once), which is how AWS's Smithy model of DynamoDB Streams gets the paginators the AWS SDK for Java v2
     * publishes.
     */
    @Parameter(property = "ddbstreams.codegen.paginatorsFile")
    private File paginatorsFile;

    /**
     * The C2J waiters file ({@code waiters-2.json}, version 2). Defaults to {@code waiters-2.json} beside a C2J
     * {@code modelFile}, when there is one. A Smithy model states its waiters with {@code @smithy.waiters#waitable};
     * a file set here adds to them (a waiter name may be stated only once).
     */
    @Parameter(property = "ddbstreams.codegen.waitersFile")
    private File waitersFile;

    /**
     * The Java package of the generated client, e.g. {@code com.example.streams}. The client interface and its
     * builder go into it, the shapes, enums, unions and exceptions into its subpackage {@code model}
     * ({@code com.example.streams.model}), and the JSON codecs, which only the generated client calls, into its
     * subpackage {@code internal}.
     */
    @Parameter(property = "ddbstreams.codegen.basePackage", required = true)
    private String basePackage;

    /**
     * Where the generated sources are written; the directory is added to the project's compile source roots. The
     * plugin owns the files it generated there (it deletes those that are no longer generated) and leaves other
     * files alone. Two executions in one project need two directories.
     */
    @Parameter(property = "ddbstreams.codegen.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/ddbstreams")
    private File outputDirectory;

    /**
     * Structures to generate as unions (a sealed interface with exactly one member set) although the model does
     * not mark them {@code "union": true}. botocore's DynamoDB and DynamoDB Streams files do not mark
     * {@code AttributeValue}, which the service treats as a union; declare it here to get the same API as from
     * our model or AWS's Smithy model. Each name must be a structure (or union) of the model, or the build fails.
     * On the command line: {@code -Dddbstreams.codegen.unionShapes=AttributeValue,Other}.
     */
    @Parameter(property = "ddbstreams.codegen.unionShapes")
    private List<String> unionShapes;

    /**
     * The operations to generate, by their names in the model (such as {@code GetRecords}); when set, the client
     * has only these, and the shapes, paginators and waiters they use. A name that is not an operation of the model
     * fails the build. On the command line: {@code -Dddbstreams.codegen.includeOperations=GetRecords,ListStreams}.
     */
    @Parameter(property = "ddbstreams.codegen.includeOperations")
    private List<String> includeOperations;

    /**
     * Operations to leave out, by their names in the model: the client has neither them nor the shapes, paginators
     * and waiters only they use. Applied after {@code includeOperations}. Operations the generator cannot generate
     * (event streams) are left out anyway, with a warning each; listing them here silences it. A name that is not an
     * operation of the model fails the build.
     */
    @Parameter(property = "ddbstreams.codegen.excludeOperations")
    private List<String> excludeOperations;

    /** Skips generation: nothing is read or written, and no source root is added. */
    @Parameter(property = "ddbstreams.codegen.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping code generation (skip = true)");
            return;
        }
        ModelFormat format;
        try {
            format = ModelFormat.named(modelFormat);
        } catch (InvalidSettingException e) {
            throw new MojoFailureException(e.getMessage());
        }
        Optional<String> clash = claims().claim(outputDirectory.toPath(), mojoExecution.getExecutionId());
        if (clash.isPresent()) {
            throw new MojoFailureException(clash.get());
        }
        ModelSources sources = sources(format);
        try {
            ServiceModel model = CodeGenerator.load(sources);
            model.warnings().forEach(warning -> getLog().warn(warning.toString()));
            WriteResult result = CodeGenerator.generate(model, basePackage, outputDirectory.toPath());
            getLog().info(String.format("Generated %s (%s) into %s: %d written, %d unchanged, %d removed",
                    modelFile, format.resolve(modelFile.toPath()).name().toLowerCase(Locale.ROOT), outputDirectory,
                    result.written().size(), result.unchanged().size(), result.deleted().size()));
        } catch (ModelException | InvalidSettingException e) {
            // The message names every problem with its file and line; Maven shows the cause only with -e.
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write generated sources to " + outputDirectory + ": " + e.getMessage(), e);
        }
        project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
    }

    private OutputDirectoryClaims claims() {
        @SuppressWarnings("unchecked")
        Map<String, String> claims = (Map<String, String>) project.getContextValue(OutputDirectoryClaims.CONTEXT_KEY);
        if (claims == null) {
            claims = new ConcurrentHashMap<>();
            project.setContextValue(OutputDirectoryClaims.CONTEXT_KEY, claims);
        }
        return new OutputDirectoryClaims(claims);
    }

    private ModelSources sources(ModelFormat format) {
        ModelSources defaults = ModelSources.besides(modelFile.toPath(), format);
        ModelSources sources = new ModelSources(
                modelFile.toPath(),
                paginatorsFile != null ? paginatorsFile.toPath() : defaults.paginators(),
                waitersFile != null ? waitersFile.toPath() : defaults.waiters(),
                defaults.unionShapes(),
                format,
                OperationFilter.of(includeOperations, excludeOperations));
        if (unionShapes == null) {
            return sources;
        }
        // Trimmed, so that -Dddbstreams.codegen.unionShapes="A, B" means A and B.
        return sources.withUnionShapes(unionShapes.stream().map(String::trim).filter(name -> !name.isEmpty()).collect(Collectors.toSet()));
    }
}
