package dev.ddbstreams.codegen.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.codegen.read.ModelSources;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The botocore sweep's choice of models, on a {@code data/} folder of our own: it runs on every build, while the
 * sweep itself needs botocore and runs only when asked.
 */
class BotocoreModelsTest {

    @TempDir
    Path data;

    @TempDir
    Path work;

    @Test
    void takesEveryVersionThatSpeaksJsonAndNoOther() throws IOException {
        gzipped("alpha/2020-01-01", "{\"protocol\": \"json\"}", "{}");
        gzipped("alpha/2024-06-30", "{\"protocol\": \"smithy-rpc-v2-cbor\", \"protocols\": [\"smithy-rpc-v2-cbor\", \"json\"]}", "{}");
        gzipped("beta/2019-05-05", "{\"protocol\": \"rest-json\"}", "{}");
        gzipped("gamma/2018-02-02", "{\"protocol\": \"query\", \"protocols\": [\"query\"]}", "{}");
        write(data.resolve("delta/2021-03-03/service-2.json"), model("{\"protocol\": \"json\"}", "{}"));
        Files.createDirectories(data.resolve("epsilon/2022-04-04"));

        assertThat(BotocoreModels.jsonProtocolModels(data)).containsExactly("alpha/2020-01-01", "alpha/2024-06-30", "delta/2021-03-03");
    }

    @Test
    void unpacksAGzippedServiceFileAndKeepsItsCompanionsWhereTheyAre() throws IOException {
        String model = model("{\"protocol\": \"json\"}", "{}");
        gzipped("alpha/2020-01-01", "{\"protocol\": \"json\"}", "{}");
        write(data.resolve("alpha/2020-01-01/paginators-1.json"), "{\"pagination\": {}}");

        ModelSources sources = BotocoreModels.sources(data, "alpha/2020-01-01", work);

        assertThat(sources.service()).startsWith(work);
        assertThat(Files.readString(sources.service())).isEqualTo(model);
        assertThat(sources.paginators()).isEqualTo(data.resolve("alpha/2020-01-01/paginators-1.json"));
        assertThat(sources.waiters()).isNull();
    }

    @Test
    void namesTheOperationsWhoseInputOrOutputIsAnEventStream() throws IOException {
        Path service = work.resolve("service-2.json");
        write(service, model("{\"protocol\": \"json\"}", """
                {
                  "Watch": {"name": "Watch", "input": {"shape": "WatchInput"}, "output": {"shape": "WatchOutput"}},
                  "Send": {"name": "Send", "input": {"shape": "SendInput"}},
                  "Get": {"name": "Get", "input": {"shape": "WatchInput"}}
                }""").replace("\"shapes\": {}", """
                "shapes": {
                  "WatchInput": {"type": "structure", "members": {"Id": {"shape": "Text"}}},
                  "WatchOutput": {"type": "structure", "members": {"Events": {"shape": "Events"}}},
                  "SendInput": {"type": "structure", "members": {"Events": {"shape": "Events"}}},
                  "Events": {"type": "structure", "eventstream": true, "members": {}},
                  "Text": {"type": "string"}
                }"""));

        assertThat(BotocoreModels.eventStreamOperations(service)).containsExactly("Send", "Watch");
    }

    private static String model(String metadata, String operations) {
        return "{\"metadata\": " + metadata + ", \"operations\": " + operations + ", \"shapes\": {}}";
    }

    private void gzipped(String version, String metadata, String operations) throws IOException {
        Path file = data.resolve(version).resolve("service-2.json.gz");
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(model(metadata, operations).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
