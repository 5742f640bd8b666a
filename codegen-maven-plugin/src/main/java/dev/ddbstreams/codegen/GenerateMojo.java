package dev.ddbstreams.codegen;

import dev.ddbstreams.codegen.model.ModelException;
import dev.ddbstreams.codegen.read.ModelSources;
import dev.ddbstreams.codegen.write.GeneratedFileWriter.WriteResult;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates a Java client (immutable shapes, enums, unions, exceptions) from an AWS service model in the C2J
 * format, and adds the generated sources to the compile source roots.
 *
 * <p>Unchanged inputs leave every generated file untouched, so a second build recompiles nothing; files of
 * shapes that left the model are deleted.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

    /**
     * The service model, a C2J {@code service-2.json} as botocore or the AWS SDK for Java v2 publish it, or one
     * written in that format.
     */
    @Parameter(property = "ddbstreams.codegen.modelFile", required = true)
    private File modelFile;

    /**
     * The paginators model ({@code paginators-1.json}). Defaults to the file of that name beside
     * {@code modelFile}, when there is one.
     */
    @Parameter(property = "ddbstreams.codegen.paginatorsFile")
    private File paginatorsFile;

    /**
     * The waiters model ({@code waiters-2.json}, version 2). Defaults to the file of that name beside
     * {@code modelFile}, when there is one.
     */
    @Parameter(property = "ddbstreams.codegen.waitersFile")
    private File waitersFile;

    /**
     * The Java package of the generated client, e.g. {@code com.example.streams}. Shapes go to
     * {@code <basePackage>.model}, code only the client uses to {@code <basePackage>.internal}.
     */
    @Parameter(property = "ddbstreams.codegen.basePackage", required = true)
    private String basePackage;

    /** Where the generated sources are written; added to the project's compile source roots. */
    @Parameter(property = "ddbstreams.codegen.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/ddbstreams")
    private File outputDirectory;

    /**
     * Structures to generate as unions (exactly one member set) although the model file does not mark them
     * {@code "union": true}. botocore's DynamoDB and DynamoDB Streams models need {@code AttributeValue} here.
     */
    @Parameter
    private List<String> unionShapes;

    /** Skips generation (and does not add the source root). */
    @Parameter(property = "ddbstreams.codegen.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping code generation (skip = true)");
            return;
        }
        ModelSources sources = sources();
        try {
            WriteResult result = CodeGenerator.generate(sources, basePackage, outputDirectory.toPath());
            getLog().info(String.format("Generated %s into %s: %d written, %d unchanged, %d removed",
                    modelFile, outputDirectory, result.written().size(), result.unchanged().size(), result.deleted().size()));
        } catch (ModelException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (InvalidSettingException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write generated sources to " + outputDirectory + ": " + e.getMessage(), e);
        }
        project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
    }

    private ModelSources sources() {
        ModelSources defaults = ModelSources.besides(modelFile.toPath());
        ModelSources sources = new ModelSources(
                modelFile.toPath(),
                paginatorsFile != null ? paginatorsFile.toPath() : defaults.paginators(),
                waitersFile != null ? waitersFile.toPath() : defaults.waiters(),
                defaults.unionShapes());
        return unionShapes == null ? sources : sources.withUnionShapes(Set.copyOf(unionShapes));
    }
}
