package dev.ddbstreams.streams.reader;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ddbstreams.streams.internal.RecordJson;
import dev.ddbstreams.streams.model.Record;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Writes a change record as JSON, in the service's own format: what {@code GetRecords} returned for it, as the AWS
 * CLI prints it ({@code {"eventID":"...","eventName":"INSERT","dynamodb":{"Keys":{"Id":{"N":"1"}},...}}}), on one
 * line. Handy to log changes or pass them on to systems that speak DynamoDB's JSON.
 */
public final class ChangeJson {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private ChangeJson() {}

    /** The record as one line of JSON. */
    public static String toJson(Record record) {
        Objects.requireNonNull(record, "record");
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            RecordJson.write(generator, record);
        } catch (IOException e) {
            // A StringWriter does not fail; a failure here is a bug worth seeing.
            throw new UncheckedIOException("Could not write a record as JSON", e);
        }
        return out.toString();
    }
}
