package dev.ddbstreams.benchmarks.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ddbstreams.benchmarks.coldstart.ColdStartSummary;
import dev.ddbstreams.benchmarks.fixtures.Fixture;
import dev.ddbstreams.benchmarks.footprint.Footprint;
import dev.ddbstreams.benchmarks.jmh.JmhRow;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** results.json: the same numbers as results.md, for tools. */
public final class JsonReport {

    private JsonReport() {}

    public static void write(Results results, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
             JsonGenerator json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            MachineInfo machine = results.machine();
            json.writeObjectFieldStart("machine");
            json.writeNumberField("cpus", machine.cpus());
            json.writeStringField("cpuModel", machine.cpuModel());
            json.writeStringField("memory", machine.memory());
            json.writeStringField("os", machine.os());
            json.writeStringField("javaVersion", machine.javaVersion());
            json.writeEndObject();
            json.writeStringField("startedAt", results.startedAt());
            json.writeNumberField("durationSeconds", results.durationSeconds());
            json.writeBooleanField("quick", results.quick());
            json.writeStringField("loadBefore", results.loadBefore());
            json.writeStringField("loadAfterJmh", results.loadAfterJmh());
            json.writeStringField("loadAfter", results.loadAfter());
            json.writeStringField("jmhSettings", results.jmhSettings());

            json.writeArrayFieldStart("fixtures");
            for (Fixture fixture : results.fixtures()) {
                json.writeStartObject();
                json.writeStringField("name", fixture.name());
                json.writeStringField("operation", fixture.operation());
                json.writeNumberField("items", fixture.items());
                json.writeNumberField("bytes", fixture.body().length);
                json.writeEndObject();
            }
            json.writeEndArray();

            json.writeArrayFieldStart("targets");
            for (Targets.Outcome outcome : Targets.evaluate(results)) {
                json.writeStartObject();
                json.writeStringField("name", outcome.name());
                json.writeStringField("goal", outcome.goal());
                json.writeObjectFieldStart("ratios");
                for (Map.Entry<String, Double> ratio : outcome.ratios().entrySet()) {
                    json.writeNumberField(ratio.getKey(), ratio.getValue());
                }
                json.writeEndObject();
                json.writeBooleanField("met", outcome.met());
                json.writeEndObject();
            }
            json.writeEndArray();

            json.writeArrayFieldStart("jmh");
            for (JmhRow row : results.jmh()) {
                json.writeStartObject();
                json.writeStringField("benchmark", row.benchmark());
                json.writeStringField("subject", row.subject());
                json.writeStringField("fixture", row.fixture());
                json.writeNumberField("opsPerSecond", row.opsPerSecond());
                json.writeNumberField("opsError", row.opsError());
                json.writeNumberField("bytesPerOp", row.bytesPerOp());
                json.writeNumberField("callerThreadCpuMicrosPerOp", row.callerCpuMicros());
                json.writeNumberField("clientJvmCpuMicrosPerOp", row.clientCpuMicros());
                json.writeNumberField("serverCpuMicrosPerOp", row.serverCpuMicros());
                json.writeEndObject();
            }
            json.writeEndArray();

            json.writeNumberField("coldStartRounds", results.coldStartRounds());
            json.writeArrayFieldStart("coldStart");
            for (ColdStartSummary summary : results.coldStart()) {
                json.writeStartObject();
                json.writeStringField("variant", summary.variant());
                json.writeNumberField("runs", summary.runs());
                json.writeNumberField("medianFirstRecordMs", summary.firstRecordMs());
                json.writeNumberField("minFirstRecordMs", summary.minFirstRecordMs());
                json.writeNumberField("maxFirstRecordMs", summary.maxFirstRecordMs());
                json.writeNumberField("medianWallMs", summary.wallMs());
                json.writeNumberField("medianPeakRssMb", summary.peakRssMb());
                json.writeNumberField("medianClassesLoaded", summary.classes());
                json.writeEndObject();
            }
            json.writeEndArray();

            json.writeArrayFieldStart("footprint");
            for (Footprint footprint : results.footprints()) {
                json.writeStartObject();
                json.writeStringField("client", footprint.id());
                json.writeNumberField("jars", footprint.count());
                json.writeNumberField("bytes", footprint.bytes());
                json.writeObjectFieldStart("jarBytes");
                for (Footprint.Jar jar : footprint.jars()) {
                    json.writeNumberField(jar.name(), jar.bytes());
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
