package dev.ddbstreams.codegen.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ddbstreams.codegen.CodeGenerator;
import dev.ddbstreams.codegen.read.ModelSources;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Generated code compiles with {@code -Xlint:all -Werror}, for our model, a hostile model and AWS's own files. */
class GeneratedCodeCompilesTest {

    @TempDir
    Path work;

    private void assertCompiles(ModelSources sources, String basePackage) throws Exception {
        Map<String, String> files = CodeGenerator.render(CodeGenerator.load(sources), basePackage);
        assertThat(InMemoryJavac.compile(files, work)).isEmpty();
    }

    @Test
    void ourDynamoDbStreamsModel() throws Exception {
        assertCompiles(ModelSources.besides(RepoPaths.streamsModel()), "com.example.streams");
    }

    /** Every golden model: widgets has keywords, injection attempts and every shape kind; the others one feature each. */
    @ParameterizedTest(name = "golden/{0}")
    @MethodSource("dev.ddbstreams.codegen.tests.GoldenFilesTest#goldenModels")
    void everyGoldenModel(String name) throws Exception {
        assertCompiles(ModelSources.besides(RepoPaths.goldenModel(name)), "com.example." + name);
    }

    @Test
    void botocoresFileUnchangedWithAttributeValueDeclaredAUnion() throws Exception {
        Optional<Path> botocore = RepoPaths.sharedModel("botocore-service-2.json");
        assumeTrue(botocore.isPresent(), "../shared/aws-models is not beside this clone");
        assertCompiles(new ModelSources(botocore.get(), null, null, new java.util.TreeSet<>(Set.of("AttributeValue"))), "com.example.botocore");
    }

    @Test
    void botocoresFileUnchangedAsIs() throws Exception {
        Optional<Path> botocore = RepoPaths.sharedModel("botocore-service-2.json");
        assumeTrue(botocore.isPresent(), "../shared/aws-models is not beside this clone");
        assertCompiles(ModelSources.besides(botocore.get()), "com.example.botocore");
    }

    @Test
    void theJavaV2SdksFileWithItsPaginators() throws Exception {
        Optional<Path> model = RepoPaths.sharedModel("javav2-fork-service-2.json");
        Optional<Path> paginators = RepoPaths.sharedModel("javav2-paginators-1.json");
        assumeTrue(model.isPresent() && paginators.isPresent(), "../shared/aws-models is not beside this clone");
        assertCompiles(new ModelSources(model.get(), paginators.get(), null, new java.util.TreeSet<>(Set.of("AttributeValue"))), "com.example.javav2");
    }
}
