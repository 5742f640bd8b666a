package dev.ddbstreams.runtime.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Our table carries every official case unchanged, and the resolver passes the official file itself. The official
 * file lives beside the repository ({@code ../shared/aws-models}), on developers' machines and in CI but not in
 * every clone: these tests assume it.
 */
class OfficialEndpointTestsTest {

    private static final String OFFICIAL = "shared/aws-models/dynamodbstreams/botocore-endpoint-tests-1.json";

    /** {@code ../shared/...} from the repository root, or from any folder above the working directory. */
    private static Optional<Path> officialFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(OFFICIAL);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static List<EndpointCase> official() throws IOException {
        Optional<Path> file = officialFile();
        assumeTrue(file.isPresent(), "../shared/aws-models is not beside this clone");
        try (InputStream in = Files.newInputStream(file.get())) {
            return EndpointCase.botocore(in);
        }
    }

    @Test
    void ourTableCarriesEveryOfficialCaseWithTheSameExpectation() throws IOException {
        List<EndpointCase> official = official();
        List<EndpointCase> ours = EndpointTableTest.cases().stream()
                .filter(c -> "official".equals(c.origin()))
                .toList();

        assertThat(official).hasSize(26);
        assertThat(ours).hasSameSizeAs(official);
        for (EndpointCase expected : official) {
            assertThat(ours).as("our table's copy of: %s", expected).anyMatch(expected::sameAs);
        }
    }

    @Test
    void theOfficialFileItselfPasses() throws IOException {
        AwsEndpointProvider streams = AwsEndpointProvider.forEndpointPrefix("streams.dynamodb");
        for (EndpointCase c : official()) {
            if (c.url() != null) {
                assertThat(streams.resolveEndpoint(c.toParams())).as(c.name()).hasToString(c.url());
            } else {
                assertThatThrownBy(() -> streams.resolveEndpoint(c.toParams())).as(c.name()).hasMessage(c.error());
            }
        }
    }
}
