package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Presigned requests carry a SigV4 signature in their query that an independent computation agrees with. */
class AwsJsonPresignerTest {

    private static final Instant NOW = Instant.parse("2015-08-30T12:36:00Z");
    private static final URI ENDPOINT = URI.create("https://streams.dynamodb.us-west-2.amazonaws.com");

    private static AwsJsonPresigner presigner(StaticCredentialsProvider credentials) {
        return new AwsJsonPresigner(ClientSettings.builder()
                .region("us-west-2")
                .credentialsProvider(credentials)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build(), TestService.METADATA);
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    @Test
    void theQuerySignatureVerifiesIndependently() {
        PresignedRequest presigned = presigner(StaticCredentialsProvider.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"))
                .presign("DescribeStream", generator -> { generator.writeStartObject(); generator.writeStringField("StreamArn", "arn:aws:dynamodb:x"); generator.writeEndObject(); }, AwsJsonPresigner.DEFAULT_EXPIRY);

        assertThat(presigned.method()).isEqualTo("POST");
        assertThat(presigned.url().getScheme() + "://" + presigned.url().getHost() + presigned.url().getPath())
                .isEqualTo(ENDPOINT + "/");
        assertThat(new String(presigned.body(), StandardCharsets.UTF_8)).isEqualTo("{\"StreamArn\":\"arn:aws:dynamodb:x\"}");
        assertThat(presigned.expiration()).isEqualTo(NOW.plus(Duration.ofHours(1)));

        Map<String, String> query = query(presigned.url());
        assertThat(query).containsEntry("X-Amz-Algorithm", "AWS4-HMAC-SHA256")
                .containsEntry("X-Amz-Credential", "AKIDEXAMPLE/20150830/us-west-2/dynamodb/aws4_request")
                .containsEntry("X-Amz-Date", "20150830T123600Z")
                .containsEntry("X-Amz-Expires", "3600");
        assertThat(query.get("X-Amz-SignedHeaders")).isEqualTo("content-type;host;x-amz-target");

        Map<String, String> signedHeaders = Map.of(
                "content-type", "application/x-amz-json-1.0",
                "host", "streams.dynamodb.us-west-2.amazonaws.com",
                "x-amz-target", "DynamoDBStreams_20120810.DescribeStream");
        Map<String, String> unsigned = new LinkedHashMap<>(query);
        String signature = unsigned.remove("X-Amz-Signature");
        assertThat(signature).isEqualTo(IndependentSigV4.presignedSignature("POST", "/", unsigned, signedHeaders, presigned.body(),
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-west-2", "dynamodb", "20150830T123600Z"));
        assertThat(presigned.headers()).containsKeys("Content-Type", "X-Amz-Target", "Host");
    }

    @Test
    void aSessionTokenTravelsInTheQuery() {
        PresignedRequest presigned = presigner(StaticCredentialsProvider.create("AKID", "secret", "the-token"))
                .presign("ListStreams", TestJson.EMPTY_OBJECT, Duration.ofMinutes(5));
        assertThat(query(presigned.url())).containsEntry("X-Amz-Security-Token", "the-token").containsEntry("X-Amz-Expires", "300");
    }

    @Test
    void expiryIsBoundedBySevenDays() {
        AwsJsonPresigner presigner = presigner(StaticCredentialsProvider.create("AKID", "secret"));
        assertThat(query(presigner.presign("ListStreams", TestJson.EMPTY_OBJECT, Duration.ofDays(7)).url())).containsEntry("X-Amz-Expires", "604800");
        assertThatThrownBy(() -> presigner.presign("ListStreams", TestJson.EMPTY_OBJECT, Duration.ofDays(7).plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 7 days");
        assertThatThrownBy(() -> presigner.presign("ListStreams", TestJson.EMPTY_OBJECT, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textNeverShowsTheSignatureOrTheCredential() {
        PresignedRequest presigned = presigner(StaticCredentialsProvider.create("AKIDSECRETLOOKING", "secret", "tok"))
                .presign("ListStreams", TestJson.EMPTY_OBJECT, Duration.ofMinutes(5));
        assertThat(presigned.toString()).doesNotContain("AKIDSECRETLOOKING").doesNotContain("Signature").doesNotContain("tok");
    }
}
