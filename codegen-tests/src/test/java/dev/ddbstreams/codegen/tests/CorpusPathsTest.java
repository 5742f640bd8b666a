package dev.ddbstreams.codegen.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ddbstreams.codegen.model.ModelException;
import dev.ddbstreams.codegen.model.ServiceModel;
import dev.ddbstreams.codegen.read.ModelReader;
import dev.ddbstreams.codegen.read.ModelSources;
import dev.ddbstreams.codegen.validate.ModelValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every paginator and waiter of the real AWS models in {@code ../shared/aws-models/corpus/} is accepted by the path
 * checks: its JMESPath parses, names members that exist and has types the generator compiles (the emitter compiles
 * whatever the checks accept; the golden "paging" model shows it, compiled and run). What else a model may need
 * (protocols, names) and compiling the whole client are the corpus compile test's business; this one looks only at
 * paging and waiting, so a model whose validation fails for other reasons still has its paths checked. Skipped where the
 * corpus is absent; the golden "paging" model and the plugin's own tests check the same forms in every clone.
 */
class CorpusPathsTest {

    static List<Path> corpusModels() throws IOException {
        Path corpus = RepoPaths.root().resolveSibling("shared").resolve("aws-models/corpus");
        // An empty source is an error for JUnit, not a skip: where the corpus is absent the test is skipped here.
        assumeTrue(Files.isDirectory(corpus), "../shared/aws-models/corpus is not beside this clone");
        try (Stream<Path> dirs = Files.list(corpus)) {
            return dirs.map(dir -> dir.resolve("service-2.json")).filter(Files::isRegularFile)
                    .filter(model -> Files.exists(model.resolveSibling("paginators-1.json")) || Files.exists(model.resolveSibling("waiters-2.json")))
                    .sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusModels")
    void everyPaginatorAndWaiterCompiles(Path serviceModel) throws Exception {
        ServiceModel model;
        try {
            model = ModelReader.read(ModelSources.besides(serviceModel));
        } catch (ModelException e) {
            assumeTrue(false, "the model cannot be read yet, for reasons outside paging: " + e.getMessage());
            return;
        }
        List<String> pathProblems = List.of();
        try {
            ModelValidator.validate(model);
        } catch (ModelException e) {
            pathProblems = Arrays.stream(e.getMessage().split("\n"))
                    .filter(line -> line.contains(": paginator \"") || line.contains(": waiter \""))
                    .toList();
        }
        assertThat(pathProblems).as("paginators and waiters of " + serviceModel).isEmpty();

        int expressions = model.paginators().stream().mapToInt(p -> p.outputTokens().size() + p.resultKeys().size()).sum()
                + model.waiters().stream().mapToInt(w -> w.acceptors().size()).sum();
        assumeTrue(expressions > 0, "the model's paginators and waiters files are empty");
    }
}
