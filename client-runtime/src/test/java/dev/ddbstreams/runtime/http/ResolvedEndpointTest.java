package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ResolvedEndpointTest {

    private static ResolvedEndpoint resolve(ClientSettings.Builder settings) {
        return ResolvedEndpoint.resolve(settings.build(), TestService.METADATA);
    }

    @Test
    void regionalEndpoint() {
        ResolvedEndpoint endpoint = resolve(ClientSettings.builder().region("eu-west-1"));

        assertThat(endpoint.url().toString()).isEqualTo("https://streams.dynamodb.eu-west-1.amazonaws.com/");
        assertThat(endpoint.signingRegion()).isEqualTo("eu-west-1");
    }

    @Test
    void chinaRegionsUseTheChinaDomain() {
        assertThat(resolve(ClientSettings.builder().region("cn-north-1")).url().toString())
                .isEqualTo("https://streams.dynamodb.cn-north-1.amazonaws.com.cn/");
    }

    @Test
    void overrideIsUsedAsGivenAndSignedForTheRegion() {
        ResolvedEndpoint endpoint = resolve(ClientSettings.builder()
                .region("ap-southeast-2")
                .endpointOverride(URI.create("http://127.0.0.1:8000/prefix/")));

        assertThat(endpoint.url().toString()).isEqualTo("http://127.0.0.1:8000/prefix/");
        assertThat(endpoint.signingRegion()).isEqualTo("ap-southeast-2");
    }
}
