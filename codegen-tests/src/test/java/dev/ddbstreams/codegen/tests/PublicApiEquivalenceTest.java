package dev.ddbstreams.codegen.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ddbstreams.codegen.CodeGenerator;
import dev.ddbstreams.codegen.read.ModelSources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One service, one API, whichever format its model is written in. The public API (types, constructors, methods,
 * fields, with generic signatures; see {@link PublicApi}) generated from a model in C2J, in the Smithy JSON AST and
 * in the Smithy IDL is compared, and so is the API from a C2J file that does not mark its union but has it declared
 * with {@code unionShapes}, which is how botocore publishes DynamoDB Streams' {@code AttributeValue}.
 *
 * <p>The catalog models under {@code formats/catalog} are our own and always run. AWS's published DynamoDB Streams
 * service files are compared with ours when {@code ../shared/aws-models} is beside the clone, each with the same
 * paginators and waiters files beside it (see below).
 */
class PublicApiEquivalenceTest {

    private static final String PACKAGE = "com.example.api";

    @TempDir
    Path work;

    private int compilations;

    private SortedSet<String> api(ModelSources sources) throws Exception {
        return PublicApi.of(CodeGenerator.render(CodeGenerator.load(sources), PACKAGE), work.resolve("build-" + compilations++));
    }

    private static Path catalog(String file) {
        return RepoPaths.root().resolve("codegen-tests/src/test/resources/formats/catalog").resolve(file);
    }

    /** The catalog's C2J file as botocore would publish it: the union not marked. */
    private Path catalogWithoutUnionMark() throws IOException {
        String marked = Files.readString(catalog("service-2.json"), StandardCharsets.UTF_8);
        String unmarked = marked.replace("\"union\": true,", "");
        assertThat(unmarked).isNotEqualTo(marked);
        Path dir = Files.createDirectories(work.resolve("unmarked"));
        Files.copy(catalog("paginators-1.json"), dir.resolve("paginators-1.json"));
        Files.copy(catalog("waiters-2.json"), dir.resolve("waiters-2.json"));
        return Files.writeString(dir.resolve("service-2.json"), unmarked, StandardCharsets.UTF_8);
    }

    @Test
    void theCatalogHasOneApiInEveryFormat() throws Exception {
        SortedSet<String> c2j = api(ModelSources.besides(catalog("service-2.json")));
        assertThat(c2j).as("the API is not trivially empty")
                .contains("public abstract com.example.api.model.GetItemResponse com.example.api.CatalogClient.getItem(com.example.api.model.GetItemRequest)")
                .anyMatch(line -> line.startsWith("type public abstract sealed interface com.example.api.model.Value"))
                .contains("public static final java.lang.String com.example.api.model.ItemNotFoundException.ERROR_CODE = ItemNotFound");

        assertThat(api(ModelSources.besides(catalog("catalog.json")))).as("Smithy JSON AST").containsExactlyElementsOf(c2j);
        assertThat(api(ModelSources.besides(catalog("catalog.smithy")))).as("Smithy IDL with prelude types and inline inputs")
                .containsExactlyElementsOf(c2j);
        assertThat(api(ModelSources.besides(catalogWithoutUnionMark()).withUnionShapes(Set.of("Value"))))
                .as("C2J without the union mark, with the union declared").containsExactlyElementsOf(c2j);
    }

    @Test
    void theSameModelInC2jAndInTheSmithyJsonAstGeneratesTheSameFilesToTheByte() throws Exception {
        Map<String, String> c2j = CodeGenerator.render(CodeGenerator.load(ModelSources.besides(catalog("service-2.json"))), PACKAGE);
        Map<String, String> smithy = CodeGenerator.render(CodeGenerator.load(ModelSources.besides(catalog("catalog.json"))), PACKAGE);
        assertThat(smithy.keySet()).containsExactlyElementsOf(c2j.keySet());
        c2j.forEach((path, source) -> assertThat(smithy.get(path)).as(path).isEqualTo(source));
    }

    @Test
    void withoutTheDeclarationTheUnionIsAPlainStructureSoTheComparisonCanTellApisApart() throws Exception {
        SortedSet<String> declared = api(ModelSources.besides(catalog("service-2.json")));
        SortedSet<String> undeclared = api(ModelSources.besides(catalogWithoutUnionMark()));
        assertThat(undeclared).isNotEqualTo(declared);
        assertThat(undeclared).contains("type public final class com.example.api.model.Value");
        SortedSet<String> onlyDeclared = new TreeSet<>(declared);
        onlyDeclared.removeAll(undeclared);
        assertThat(onlyDeclared).allMatch(line -> line.contains("com.example.api.model.Value"), "mentions Value");
    }

    /*
     * Paginators and waiters come from companion files (or Smithy traits), not from the service file. For DynamoDB
     * Streams, AWS publishes paginators only in the AWS SDK for Java v2's paginators-1.json (botocore's is empty,
     * the Smithy model has no @paginated), and no waiters at all: StreamEnabled is ours. So each AWS service file is
     * compared with the Java v2 SDK's paginators and our waiters beside it, which are the companions of our model.
     */

    private static ModelSources withOurCompanions(Path service, String... unionShapes) {
        Path paginators = RepoPaths.sharedModel("javav2-paginators-1.json").orElseThrow();
        Path waiters = RepoPaths.streamsModel().resolveSibling("waiters-2.json");
        return new ModelSources(service, paginators, waiters, new TreeSet<>(Set.of(unionShapes)));
    }

    private static void assumeShared(String... files) {
        for (String file : files) {
            assumeTrue(RepoPaths.sharedModel(file).isPresent(), "../shared/aws-models is not beside this clone");
        }
    }

    @Test
    void ourCompanionFilesAreTheJavaV2SdksPaginatorsAndOurWaiter() throws Exception {
        assumeShared("javav2-paginators-1.json");
        assertThat(CodeGenerator.load(withOurCompanions(RepoPaths.streamsModel())).paginators())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("location")
                .containsExactlyElementsOf(CodeGenerator.load(ModelSources.besides(RepoPaths.streamsModel())).paginators());
    }

    @Test
    void botocoresFileWithAttributeValueDeclaredHasExactlyOurApi() throws Exception {
        assumeShared("botocore-service-2.json", "botocore-paginators-1.json", "javav2-paginators-1.json");
        SortedSet<String> ours = api(ModelSources.besides(RepoPaths.streamsModel()));
        SortedSet<String> theirs = api(withOurCompanions(RepoPaths.sharedModel("botocore-service-2.json").orElseThrow(), "AttributeValue"));
        assertThat(theirs).containsExactlyElementsOf(ours);

        // With botocore's own paginators-1.json, which is empty, exactly the paginator API is missing.
        SortedSet<String> botocoreAsPublished = api(new ModelSources(RepoPaths.sharedModel("botocore-service-2.json").orElseThrow(),
                RepoPaths.sharedModel("botocore-paginators-1.json").orElseThrow(), RepoPaths.streamsModel().resolveSibling("waiters-2.json"),
                new TreeSet<>(Set.of("AttributeValue"))));
        SortedSet<String> missing = new TreeSet<>(ours);
        missing.removeAll(botocoreAsPublished);
        assertThat(missing).isNotEmpty().allMatch(line -> line.contains("Iterable") || line.contains("aginat"), "is about paginators");
        assertThat(ours).containsAll(botocoreAsPublished);
    }

    @Test
    void awsSmithyModelHasOurApiApartFromTheNewerShardFilter() throws Exception {
        assumeShared("smithy-dynamodb-streams-2012-08-10.json", "javav2-paginators-1.json");
        Path smithy = RepoPaths.sharedModel("smithy-dynamodb-streams-2012-08-10.json").orElseThrow();
        SortedSet<String> ours = api(ModelSources.besides(RepoPaths.streamsModel()));
        SortedSet<String> theirs = api(withOurCompanions(smithy));
        assertThat(theirs).as("this Smithy model predates ShardFilter").noneMatch(line -> line.contains("ShardFilter"));
        assertThat(theirs).containsExactlyElementsOf(PublicApi.without(ours, "ShardFilter", "ShardFilterType"));
        // What the client puts on the wire (target prefix, signing name, endpoint) comes from the service facts.
        assertThat(CodeGenerator.load(ModelSources.besides(smithy)).info())
                .usingRecursiveComparison().ignoringFields("documentation")
                .isEqualTo(CodeGenerator.load(ModelSources.besides(RepoPaths.streamsModel())).info());
    }

    @Test
    void theJavaV2SdksFileWithAttributeValueDeclaredHasOurApiApartFromTheNewerShardFilter() throws Exception {
        assumeShared("javav2-fork-service-2.json", "javav2-paginators-1.json");
        SortedSet<String> ours = api(ModelSources.besides(RepoPaths.streamsModel()));
        SortedSet<String> theirs = api(withOurCompanions(RepoPaths.sharedModel("javav2-fork-service-2.json").orElseThrow(), "AttributeValue"));
        assertThat(theirs).noneMatch(line -> line.contains("ShardFilter"));
        assertThat(theirs).containsExactlyElementsOf(PublicApi.without(ours, "ShardFilter", "ShardFilterType"));
    }
}
