package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Proves the test's own SigV4 implementation on AWS's published example before trusting it to check ours. */
class IndependentSigV4Test {

    @Test
    void reproducesTheGetVanillaExampleOfTheAwsSigV4TestSuite() {
        String authorization = IndependentSigV4.authorization(
                "GET", "/",
                Map.of("host", "example.amazonaws.com", "x-amz-date", "20150830T123600Z"),
                new byte[0],
                "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1", "service",
                "20150830T123600Z");

        assertThat(authorization).isEqualTo("AWS4-HMAC-SHA256 "
                + "Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=host;x-amz-date, "
                + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }
}
