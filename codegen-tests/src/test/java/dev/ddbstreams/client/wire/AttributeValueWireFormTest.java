package dev.ddbstreams.client.wire;

import static dev.ddbstreams.client.wire.StreamsWire.crc32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.ddbstreams.runtime.core.Bytes;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.model.AttributeValue;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Item images in GetRecords carry every DynamoDB attribute type in its JSON wire form; each must read into the
 * matching {@link AttributeValue} variant, and text must survive UTF-8 decoding however the body is chunked.
 */
class AttributeValueWireFormTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private DynamoDbStreamsClient client;

    @BeforeEach
    void createClient() {
        client = StreamsWire.client(server);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private Map<String, AttributeValue> newImageOf(MockResponse response) {
        server.enqueue(response);
        return client.getRecords(r -> r.shardIterator("iterator-1")).records().get(0).dynamodb().newImage();
    }

    @Test
    void everyAttributeTypeReadsIntoItsVariant() {
        Map<String, AttributeValue> image = newImageOf(StreamsWire.ok("{\"Records\":[{\"dynamodb\":{\"NewImage\":{"
                + "\"s\":{\"S\":\"DynamoDB Thread 3\"},"
                // Numbers are strings on the wire so that no digit is lost; the client must not touch them.
                + "\"n\":{\"N\":\"-12345678901234567890.123456789E+3\"},"
                + "\"b\":{\"B\":\"AAEC/w==\"},"
                + "\"ss\":{\"SS\":[\"a\",\"b\"]},"
                + "\"ns\":{\"NS\":[\"1\",\"2.5\"]},"
                + "\"bs\":{\"BS\":[\"AQ==\",\"AgM=\"]},"
                + "\"m\":{\"M\":{\"inner\":{\"L\":[{\"N\":\"1\"},{\"M\":{}}]}}},"
                + "\"l\":{\"L\":[]},"
                + "\"nul\":{\"NULL\":true},"
                + "\"bool\":{\"BOOL\":false}}}}]}"));

        assertThat(image).containsExactly(
                entry("s", AttributeValue.fromS("DynamoDB Thread 3")),
                entry("n", AttributeValue.fromN("-12345678901234567890.123456789E+3")),
                entry("b", AttributeValue.fromB(Bytes.fromByteArray(new byte[] {0, 1, 2, (byte) 0xFF}))),
                entry("ss", AttributeValue.fromSs(List.of("a", "b"))),
                entry("ns", AttributeValue.fromNs(List.of("1", "2.5"))),
                entry("bs", AttributeValue.fromBs(List.of(
                        Bytes.fromByteArray(new byte[] {1}), Bytes.fromByteArray(new byte[] {2, 3})))),
                entry("m", AttributeValue.fromM(Map.of("inner", AttributeValue.fromL(List.of(
                        AttributeValue.fromN("1"), AttributeValue.fromM(Map.of())))))),
                entry("l", AttributeValue.fromL(List.of())),
                entry("nul", AttributeValue.fromNul(true)),
                entry("bool", AttributeValue.fromBool(false)));
        assertThat(image.get("nul").type()).isEqualTo(AttributeValue.Type.NUL);
        // An empty list is still a list: present, not absent.
        assertThat(image.get("l").hasL()).isTrue();
    }

    @Test
    void textIsDecodedAsUtf8AcrossChunkBoundaries() {
        // Raw multi-byte characters and \\u escapes (one a surrogate pair), in a body sent in 3-byte chunks so that
        // characters are split between chunks. The CRC32 is over the UTF-8 bytes, as the service computes it.
        String body = "{\"Records\":[{\"dynamodb\":{\"NewImage\":{"
                + "\"Subject\":{\"S\":\"Grüße aus Köln – 東京 🎉\"},"
                + "\"Escaped\":{\"S\":\"caf\\u00e9 \\ud83c\\udf89 \\\"quoted\\\" tab\\tend\"},"
                + "\"Ünïcödé name\":{\"S\":\"key\"}}}}]}";
        Map<String, AttributeValue> image = newImageOf(new MockResponse.Builder().code(200)
                .addHeader("x-amz-crc32", crc32(body))
                .chunkedBody(body, 3)
                .build());

        assertThat(image.get("Subject").s()).isEqualTo("Grüße aus Köln – 東京 🎉");
        assertThat(image.get("Escaped").s()).isEqualTo("café 🎉 \"quoted\" tab\tend");
        assertThat(image).containsKey("Ünïcödé name");
    }
}
