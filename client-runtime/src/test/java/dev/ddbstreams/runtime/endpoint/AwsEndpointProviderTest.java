package dev.ddbstreams.runtime.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.exception.SdkClientException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The resolver beyond DynamoDB Streams' table: other services, partitions without a variant, bad input. */
class AwsEndpointProviderTest {

    @Test
    void anotherServiceGetsTheStandardPatternEverywhere() {
        AwsEndpointProvider kinesis = AwsEndpointProvider.forEndpointPrefix("kinesis");

        assertThat(kinesis.resolveEndpoint(p -> p.region("eu-west-1")))
                .hasToString("https://kinesis.eu-west-1.amazonaws.com");
        assertThat(kinesis.resolveEndpoint(p -> p.region("us-gov-west-1").useFips(true)))
                .hasToString("https://kinesis-fips.us-gov-west-1.amazonaws.com");
        assertThat(kinesis.resolveEndpoint(p -> p.region("us-east-1").useDualStack(true)))
                .hasToString("https://kinesis.us-east-1.api.aws");
        assertThat(kinesis.resolveEndpoint(p -> p.region("cn-north-1").useFips(true).useDualStack(true)))
                .hasToString("https://kinesis-fips.cn-north-1.api.amazonwebservices.com.cn");
    }

    @Test
    void partitionsAreFoundByListThenPatternThenDefault() {
        Partitions partitions = Partitions.AWS;

        assertThat(partitions.of("aws-global").name()).isEqualTo("aws");
        assertThat(partitions.of("aws-iso-b-global").name()).isEqualTo("aws-iso-b");
        assertThat(partitions.of("us-gov-central-9").name()).isEqualTo("aws-us-gov");
        assertThat(partitions.of("us-isof-north-3").name()).isEqualTo("aws-iso-f");
        assertThat(partitions.of("eusc-de-west-2").name()).isEqualTo("aws-eusc");
        assertThat(partitions.of("eu-isoe-north-2").name()).isEqualTo("aws-iso-e");
        assertThat(partitions.of("local").name()).isEqualTo("aws");
    }

    @Test
    void partitionsWithoutAVariantGiveTheRuleSetsErrors() {
        Partition plain = new Partition("plain", Pattern.compile("^pl-\\w+-\\d+$"), Set.of(), "plain.example",
                "dual.plain.example", false, false);
        AwsEndpointProvider provider = new AwsEndpointProvider("svc", new Partitions(List.of(plain)), List.of());

        assertThat(provider.resolveEndpoint(p -> p.region("pl-east-1")))
                .hasToString("https://svc.pl-east-1.plain.example");
        assertThatThrownBy(() -> provider.resolveEndpoint(p -> p.region("pl-east-1").useFips(true)))
                .hasMessage("FIPS is enabled but this partition does not support FIPS");
        assertThatThrownBy(() -> provider.resolveEndpoint(p -> p.region("pl-east-1").useDualStack(true)))
                .hasMessage("DualStack is enabled but this partition does not support DualStack");
        assertThatThrownBy(() -> provider.resolveEndpoint(p -> p.region("pl-east-1").useFips(true).useDualStack(true)))
                .hasMessage("FIPS and DualStack are enabled, but this partition does not support one or both");
    }

    @Test
    void regionThatIsNotAHostLabelIsRejected() {
        AwsEndpointProvider streams = AwsEndpointProvider.forEndpointPrefix("streams.dynamodb");

        for (String region : new String[] {"evil.com/", "us-east-1.attacker.example", "", "-us-east-1", "a b"}) {
            assertThatThrownBy(() -> streams.resolveEndpoint(p -> p.region(region)))
                    .isInstanceOf(SdkClientException.class)
                    .hasMessageContaining("is not a valid host label");
        }
    }

    @Test
    void customEndpointMustBeAnAbsoluteUrl() {
        AwsEndpointProvider streams = AwsEndpointProvider.forEndpointPrefix("streams.dynamodb");

        assertThatThrownBy(() -> streams.resolveEndpoint(p -> p.endpoint("localhost:8000")))
                .hasMessageContaining("must be an absolute URL");
        assertThatThrownBy(() -> streams.resolveEndpoint(p -> p.endpoint("http://bad host/")))
                .hasMessageContaining("not a valid URL");
    }

    @Test
    void endpointPrefixMustBeADnsName() {
        assertThatThrownBy(() -> AwsEndpointProvider.forEndpointPrefix("Streams DynamoDB"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(AwsEndpointProvider.forEndpointPrefix("streams.dynamodb").endpointPrefix())
                .isEqualTo("streams.dynamodb");
    }

    @Test
    void paramsHaveValueEqualityAndReadableToString() {
        EndpointParams params = EndpointParams.builder().region("us-east-1").useFips(true).build();

        assertThat(params).isEqualTo(EndpointParams.builder().region("us-east-1").useFips(true).build())
                .hasSameHashCodeAs(EndpointParams.builder().region("us-east-1").useFips(true).build())
                .isNotEqualTo(EndpointParams.builder().region("us-east-1").build());
        assertThat(params).hasToString("EndpointParams(Region=us-east-1, UseFIPS=true, UseDualStack=false, "
                + "Endpoint=null)");
    }
}
