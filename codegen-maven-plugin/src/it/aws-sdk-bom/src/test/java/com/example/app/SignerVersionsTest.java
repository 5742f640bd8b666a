package com.example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.echo.EchoClient;
import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.exception.SdkClientException;
import java.io.InputStream;
import java.util.Properties;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** What an application gets from the AWS SDK version its BOM names: a working client, or one clear error. */
class SignerVersionsTest {

    private static final String SDK = System.getProperty("aws.sdk.version");

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void theAwsBomImportedFirstDecidesTheSignerVersion() throws Exception {
        assertEquals(SDK, versionOf("http-auth-aws"));
        assertEquals(SDK, versionOf("http-client-spi"));
    }

    @Test
    void aSupportedSdkSignsCallsAndAnOlderOneIsRefusedAtBuild() throws Exception {
        if (SDK.equals("2.25.0")) {
            SdkClientException refused = assertThrows(SdkClientException.class, this::client);
            String message = refused.getMessage();
            assertTrue(message.contains("software.amazon.awssdk:http-client-spi 2.25.0 ("), message);
            assertTrue(message.contains("http-client-spi-2.25.0.jar"), message);
            assertTrue(message.contains("at version 2.25.69 or newer"), message);
            assertTrue(message.contains("Fix: raise that BOM (or these jars) to 2.25.69 or newer"), message);
            System.out.println("Refused as expected: " + message);
            return;
        }
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/x-amz-json-1.0")
                .body("{\"Text\": \"hello\"}").build());
        try (EchoClient client = client()) {
            assertEquals("hello", client.echo(r -> r.text("hello")).text());
        }
        RecordedRequest request = server.takeRequest();
        String authorization = request.getHeaders().get("Authorization");
        assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"), authorization);
        assertTrue(authorization.contains("/us-east-1/echo/aws4_request"), authorization);
    }

    private EchoClient client() {
        return EchoClient.builder()
                .region("us-east-1")
                .endpointOverride(server.url("/").uri())
                .credentialsProvider(StaticCredentialsProvider.create("AKIDEXAMPLE", "secret"))
                .build();
    }

    private static String versionOf(String artifactId) throws Exception {
        String path = "META-INF/maven/software.amazon.awssdk/" + artifactId + "/pom.properties";
        try (InputStream in = SignerVersionsTest.class.getClassLoader().getResourceAsStream(path)) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }
}
