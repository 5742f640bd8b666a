package dev.ddbstreams.streams.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.streams.model.AttributeValue;
import dev.ddbstreams.streams.model.OperationType;
import dev.ddbstreams.streams.model.Record;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeJsonTest {

    @Test
    void aRecordIsWrittenInTheServicesOwnJsonOnOneLine() {
        Record record = Record.builder()
                .eventID("e1")
                .eventName(OperationType.MODIFY)
                .dynamodb(d -> d.approximateCreationDateTime(Instant.ofEpochSecond(1714564800))
                        .keys(Map.of("Id", AttributeValue.fromN("7")))
                        .newImage(Map.of("Id", AttributeValue.fromN("7"), "Status", AttributeValue.fromS("shipped")))
                        .sequenceNumber("100000000000000000001"))
                .build();

        String json = ChangeJson.toJson(record);

        assertThat(json).doesNotContain("\n").startsWith("{\"eventID\":\"e1\",\"eventName\":\"MODIFY\",\"dynamodb\":{")
                .contains("\"ApproximateCreationDateTime\":1714564800")
                .contains("\"Keys\":{\"Id\":{\"N\":\"7\"}}")
                .contains("\"Status\":{\"S\":\"shipped\"}")
                .contains("\"SequenceNumber\":\"100000000000000000001\"");
    }
}
