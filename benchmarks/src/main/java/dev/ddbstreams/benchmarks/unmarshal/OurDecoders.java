package dev.ddbstreams.benchmarks.unmarshal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.ddbstreams.streams.internal.DescribeStreamOutputJson;
import dev.ddbstreams.streams.internal.GetRecordsOutputJson;
import dev.ddbstreams.streams.internal.ListStreamsOutputJson;
import dev.ddbstreams.streams.model.DescribeStreamResponse;
import dev.ddbstreams.streams.model.GetRecordsResponse;
import dev.ddbstreams.streams.model.ListStreamsResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Our generated codecs, called as the runtime calls them: a parser over the body stream, positioned by nextToken. */
final class OurDecoders {

    // Configured as AwsJsonProtocolInvoker's factory.
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

    private OurDecoders() {}

    static Decoder forOperation(String operation) {
        return switch (operation) {
            case "GetRecords" -> new Decoder() {
                @Override
                public Object decode(byte[] body) throws IOException {
                    try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(body))) {
                        parser.nextToken();
                        return GetRecordsOutputJson.read(parser);
                    }
                }

                @Override
                public int items(Object decoded) {
                    return ((GetRecordsResponse) decoded).records().size();
                }
            };
            case "DescribeStream" -> new Decoder() {
                @Override
                public Object decode(byte[] body) throws IOException {
                    try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(body))) {
                        parser.nextToken();
                        return DescribeStreamOutputJson.read(parser);
                    }
                }

                @Override
                public int items(Object decoded) {
                    return ((DescribeStreamResponse) decoded).streamDescription().shards().size();
                }
            };
            case "ListStreams" -> new Decoder() {
                @Override
                public Object decode(byte[] body) throws IOException {
                    try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(body))) {
                        parser.nextToken();
                        return ListStreamsOutputJson.read(parser);
                    }
                }

                @Override
                public int items(Object decoded) {
                    return ((ListStreamsResponse) decoded).streams().size();
                }
            };
            default -> throw new IllegalArgumentException("No decoder for " + operation);
        };
    }
}
