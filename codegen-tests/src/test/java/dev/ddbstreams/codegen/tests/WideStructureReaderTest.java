package dev.ddbstreams.codegen.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.ddbstreams.codegen.CodeGenerator;
import dev.ddbstreams.codegen.read.ModelSources;
import dev.ddbstreams.runtime.exception.MalformedResponseException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers keep the members they have met as the bits of a {@code long}; a structure with more than 64 members
 * needs the {@code boolean[]} form instead. This generates, compiles and runs the reader of a 71-member
 * structure, which no AWS model in the tests has, and checks that both forms refuse a repeated member.
 */
class WideStructureReaderTest {

    private static final int MEMBERS = 70;
    private static final JsonFactory JSON = new JsonFactory();

    @TempDir
    static Path work;

    private static Method read;

    @BeforeAll
    static void generateCompileAndLoad() throws Exception {
        Path model = work.resolve("service-2.json");
        Files.writeString(model, wideModel(), StandardCharsets.UTF_8);
        Map<String, String> files = CodeGenerator.render(CodeGenerator.load(ModelSources.besides(model)), "com.example.wide");
        assertThat(files.get("com/example/wide/internal/WideOutputJson.java")).contains("boolean[] seen = new boolean[" + (MEMBERS + 1) + "]");
        assertThat(files.get("com/example/wide/internal/NarrowJson.java")).contains("long seen = 0L");
        assertThat(InMemoryJavac.compile(files, work)).isEmpty();
        URLClassLoader loader = new URLClassLoader(new URL[] {work.resolve("classes").toUri().toURL()},
                WideStructureReaderTest.class.getClassLoader());
        read = loader.loadClass("com.example.wide.internal.WideOutputJson").getMethod("read", JsonParser.class);
    }

    private static String wideModel() {
        StringJoiner members = new StringJoiner(",");
        for (int i = 0; i < MEMBERS; i++) {
            members.add(String.format("\"M%02d\":{\"shape\":\"String\"}", i));
        }
        members.add("\"Narrow\":{\"shape\":\"Narrow\"}");
        return """
                {"version":"2.0",
                 "metadata":{"apiVersion":"2020-01-01","endpointPrefix":"wide","jsonVersion":"1.0","protocol":"json",
                   "serviceFullName":"Wide","serviceId":"Wide","signatureVersion":"v4","signingName":"wide",
                   "targetPrefix":"Wide_20200101"},
                 "operations":{"GetWide":{"name":"GetWide","http":{"method":"POST","requestUri":"/"},
                   "input":{"shape":"WideInput"},"output":{"shape":"WideOutput"}}},
                 "shapes":{
                   "String":{"type":"string"},
                   "WideInput":{"type":"structure","members":{}},
                   "Narrow":{"type":"structure","members":{"A":{"shape":"String"},"B":{"shape":"String"}}},
                   "WideOutput":{"type":"structure","members":{%s}}}}
                """.formatted(members);
    }

    private static Object readOutput(String json) throws Exception {
        try (JsonParser parser = JSON.createParser(json)) {
            parser.nextToken();
            return read.invoke(null, parser);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void everyMemberIsReadOnce() throws Exception {
        StringJoiner json = new StringJoiner(",", "{", "}");
        for (int i = MEMBERS - 1; i >= 0; i--) {
            json.add(String.format("\"M%02d\":\"v%d\"", i, i));
        }
        Object output = readOutput(json.toString());
        assertThat(output.getClass().getMethod("m69").invoke(output)).isEqualTo("v69");
        assertThat(output.getClass().getMethod("m00").invoke(output)).isEqualTo("v0");
    }

    @Test
    void aMemberPastTheSixtyFourthNamedTwiceIsRefused() {
        assertThatThrownBy(() -> readOutput("{\"M66\":\"a\",\"M01\":\"b\",\"M66\":null}"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("WideOutput.M66: the member appears more than once");
    }

    @Test
    void aMemberOfANarrowStructureNamedTwiceIsRefused() {
        assertThatThrownBy(() -> readOutput("{\"Narrow\":{\"B\":\"x\",\"A\":\"y\",\"B\":\"z\"}}"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("Narrow.B: the member appears more than once")
                .hasMessageContaining("at /Narrow/B");
    }

    @Test
    void anUnknownMemberNamedTwiceIsRefusedButOnceIsSkipped() throws Exception {
        assertThat(readOutput("{\"Later\":{\"x\":[1]},\"M00\":\"a\"}")).isNotNull();
        assertThatThrownBy(() -> readOutput("{\"Later\":1,\"M00\":\"a\",\"Later\":2}"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("WideOutput.Later: the member appears more than once");
    }
}
