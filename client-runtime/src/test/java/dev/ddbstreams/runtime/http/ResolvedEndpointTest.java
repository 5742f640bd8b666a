package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.testing.TestEnvironment;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The client's settings reach the endpoint provider, for the service's endpoint prefix. */
class ResolvedEndpointTest {

    private static ClientSettings.Builder settings() {
        return ClientSettings.builder().systemEnvironment(TestEnvironment.empty());
    }

    private static ResolvedEndpoint resolve(ClientSettings.Builder settings) {
        return ResolvedEndpoint.resolve(settings.build(), TestService.METADATA);
    }

    @Test
    void regionalEndpoint() {
        ResolvedEndpoint endpoint = resolve(settings().region("eu-west-1"));

        assertThat(endpoint.url().toString()).isEqualTo("https://streams.dynamodb.eu-west-1.amazonaws.com/");
        assertThat(endpoint.signingRegion()).isEqualTo("eu-west-1");
    }

    @Test
    void chinaRegionsUseTheChinaDomain() {
        assertThat(resolve(settings().region("cn-north-1")).url().toString())
                .isEqualTo("https://streams.dynamodb.cn-north-1.amazonaws.com.cn/");
    }

    @Test
    void isoPartitionsHaveTheirOwnDomains() {
        assertThat(resolve(settings().region("us-isob-east-1")).url().toString())
                .isEqualTo("https://streams.dynamodb.us-isob-east-1.sc2s.sgov.gov/");
    }

    @Test
    void fipsAndDualStackSettingsChooseTheVariant() {
        assertThat(resolve(settings().region("us-east-1").fipsEnabled(true)).url().toString())
                .isEqualTo("https://streams.dynamodb-fips.us-east-1.amazonaws.com/");
        assertThat(resolve(settings().region("us-east-1").dualStackEnabled(true)).url().toString())
                .isEqualTo("https://streams-dynamodb.us-east-1.api.aws/");
        ResolvedEndpoint govFips = resolve(settings().region("us-gov-west-1").fipsEnabled(true));
        assertThat(govFips.url().toString()).isEqualTo("https://streams.dynamodb.us-gov-west-1.amazonaws.com/");
        assertThat(govFips.signingRegion()).isEqualTo("us-gov-west-1");
    }

    @Test
    void fipsFromTheEnvironmentReachesTheEndpoint() {
        assertThat(ResolvedEndpoint.resolve(ClientSettings.builder()
                .systemEnvironment(TestEnvironment.home(java.nio.file.Path.of("/nonexistent"))
                        .variable("AWS_REGION", "ca-central-1").variable("AWS_USE_FIPS_ENDPOINT", "true").build())
                .build(), TestService.METADATA).url().toString())
                .isEqualTo("https://streams.dynamodb-fips.ca-central-1.amazonaws.com/");
    }

    @Test
    void overrideIsUsedAsGivenAndSignedForTheRegion() {
        ResolvedEndpoint endpoint = resolve(settings()
                .region("ap-southeast-2")
                .endpointOverride(URI.create("http://127.0.0.1:8000/prefix/")));

        assertThat(endpoint.url().toString()).isEqualTo("http://127.0.0.1:8000/prefix/");
        assertThat(endpoint.signingRegion()).isEqualTo("ap-southeast-2");
    }

    @Test
    void overrideWithFipsIsTheRuleSetsErrorWithTheSettings() {
        assertThatThrownBy(() -> resolve(settings().region("us-east-1").fipsEnabled(true)
                .endpointOverride(URI.create("http://localhost:8000"))))
                .isInstanceOf(SdkClientException.class)
                .hasMessage("Unable to resolve the endpoint of DynamoDB Streams: Invalid Configuration: FIPS and "
                        + "custom endpoint are not supported (region=us-east-1, fipsEnabled=true, "
                        + "dualStackEnabled=false, endpointOverride=http://localhost:8000)");
    }
}
