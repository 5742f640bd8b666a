package dev.ddbstreams.codegen.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ddbstreams.codegen.CodeGenerator;
import dev.ddbstreams.codegen.model.ModelWarning;
import dev.ddbstreams.codegen.model.ServiceModel;
import dev.ddbstreams.codegen.read.ModelSources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every model of the corpus in {@code ../shared/aws-models/corpus/}: sixteen real AWS JSON-protocol models exactly as
 * botocore publishes them, chosen because together they use every feature of the protocols (see its SOURCES.md).
 * Each generates with its paginators and waiters, and the code compiles with {@code -Xlint:all -Werror}; what the
 * generator leaves out it says, one warning per operation. The corpus is reference data beside the repository, so
 * each case is skipped where it is absent; the behaviours it exercises have small models of their own in the
 * plugin's tests and the golden models ({@code golden/quirks}, {@code golden/widgets}).
 *
 * <p>{@code -Dcorpus.companions=false} leaves the paginators and waiters files out, to check the rest alone.
 *
 * <p>{@code -Dcorpus.awsjs=<folder>} also tries every JSON-protocol model of a folder laid out as the {@code apis/} of
 * the AWS SDK for JavaScript v2 (npm {@code aws-sdk}; 139 models in 2.1693.0), each turned back into botocore's form
 * by {@link AwsJsModels}. Without it that sweep is skipped: it compiles a hundred clients, too slow for every build
 * (docs/plugin.md says how to run it).
 *
 * <p>{@code -Dcorpus.botocore=<folder>} likewise tries every model of botocore's {@code data/} folder that speaks the
 * AWS JSON protocol (154 in botocore 1.43.107), read by {@link BotocoreModels}; skipped without it, for the same reason.
 */
class CorpusModelsCompileTest {

    /** The operations each model has that the generator leaves out (event streams); every other model has none. */
    private static final Map<String, List<String>> LEFT_OUT = Map.of(
            "kinesis", List.of("SubscribeToShard"),
            "logs", List.of("GetLogObject", "StartLiveTail"));

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "cloudwatch", "cognito-identity", "dynamodb", "ecr", "freetier", "kinesis", "kms", "logs", "redshift-serverless",
        "secretsmanager", "servicediscovery", "sqs", "sso-admin", "stepfunctions", "textract", "timestream-write"})
    void generatesAndCompilesWithoutWarnings(String service) throws Exception {
        Optional<Path> model = RepoPaths.corpusModel(service);
        assumeTrue(model.isPresent(), "../shared/aws-models/corpus is not beside this clone");
        assertGeneratesAndCompiles(ModelSources.besides(model.get()), service, LEFT_OUT.getOrDefault(service, List.of()));
    }

    static List<String> awsJsModels() throws IOException {
        return AwsJsModels.jsonProtocolModels(sweptFolder("corpus.awsjs", "aws-sdk-js's apis folder"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awsJsModels")
    void awsJsModelGeneratesAndCompilesWithoutWarnings(String uid) throws Exception {
        ModelSources sources = AwsJsModels.asBotocore(sweptFolder("corpus.awsjs", "aws-sdk-js's apis folder"), uid, work);
        assertGeneratesAndCompiles(sources, uid, BotocoreModels.eventStreamOperations(sources.service()));
    }

    static List<String> botocoreModels() throws IOException {
        return BotocoreModels.jsonProtocolModels(sweptFolder("corpus.botocore", "botocore's data folder"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("botocoreModels")
    void botocoreModelGeneratesAndCompilesWithoutWarnings(String id) throws Exception {
        ModelSources sources = BotocoreModels.sources(sweptFolder("corpus.botocore", "botocore's data folder"), id, work);
        assertGeneratesAndCompiles(sources, id, BotocoreModels.eventStreamOperations(sources.service()));
    }

    /** The folder a sweep reads, from {@code -D<property>}; without it the sweep is skipped. */
    private static Path sweptFolder(String property, String what) {
        String folder = System.getProperty(property, "");
        assumeTrue(!folder.isBlank(), "-D" + property + "=<" + what + "> is not given");
        return Path.of(folder);
    }

    private void assertGeneratesAndCompiles(ModelSources sources, String service, List<String> leftOut) throws Exception {
        if (!Boolean.parseBoolean(System.getProperty("corpus.companions", "true"))) {
            sources = sources.withoutCompanionFiles();
        }

        ServiceModel loaded = CodeGenerator.load(sources);
        Map<String, String> files = CodeGenerator.render(loaded, "com.example.corpus." + service.replaceAll("[^A-Za-z0-9]", "_"));

        assertThat(loaded.warnings()).extracting(ModelWarning::message)
                .allMatch(message -> message.contains("it uses the event stream"))
                .extracting(message -> message.replaceFirst("^operation \"([^\"]+)\".*", "$1"))
                .as("operations left out").containsExactlyElementsOf(leftOut);
        assertThat(InMemoryJavac.compile(files, work)).as("javac -Xlint:all -Werror").isEmpty();
    }
}
