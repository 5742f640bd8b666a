package dev.ddbstreams.codegen.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.codegen.ModelFiles;
import dev.ddbstreams.codegen.model.EnumShape;
import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.ModelException;
import dev.ddbstreams.codegen.model.ScalarShape;
import dev.ddbstreams.codegen.model.ScalarType;
import dev.ddbstreams.codegen.model.ServiceModel;
import dev.ddbstreams.codegen.model.StructureShape;
import dev.ddbstreams.codegen.model.TimestampFormat;
import dev.ddbstreams.codegen.model.UnionShape;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class C2jReaderTest {

    @TempDir
    Path dir;

    private ServiceModel read(String service) throws ModelException {
        return C2jReader.read(ModelSources.besides(ModelFiles.write(dir, "service-2.json", service)));
    }

    private String problemsOf(String service) {
        Path file = ModelFiles.write(dir, "service-2.json", service);
        try {
            C2jReader.read(ModelSources.besides(file));
        } catch (ModelException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the model to be refused");
    }

    @Test
    void namesRequestsAndResponsesAfterTheOperationAsSdkV2Does() throws Exception {
        ServiceModel model = read(ModelFiles.minimalService());
        assertThat(((StructureShape) model.shape("GetWidgetInput")).javaName()).isEqualTo("GetWidgetRequest");
        assertThat(((StructureShape) model.shape("GetWidgetInput")).role()).isEqualTo(StructureShape.Role.REQUEST);
        assertThat(((StructureShape) model.shape("GetWidgetOutput")).javaName()).isEqualTo("GetWidgetResponse");
        assertThat(model.info().clientBaseName()).isEqualTo("Widgets");
        assertThat(model.info().targetPrefix()).isEqualTo("Widgets_20200101");
        assertThat(model.operations().get(0).methodName()).isEqualTo("getWidget");
    }

    @Test
    void readsEnumsUnionsErrorsAndRequiredMembers() throws Exception {
        ServiceModel model = read(ModelFiles.service("""
                "Op": {"name": "Op", "input": {"shape": "OpInput"}, "errors": [{"shape": "Gone"}]}
                """, """
                "OpInput": {"type": "structure", "required": ["Color"], "members": {"Color": {"shape": "Color"}, "Value": {"shape": "Value"}}},
                "Color": {"type": "string", "enum": ["RED", "dark-blue"]},
                "Value": {"type": "structure", "union": true, "members": {"S": {"shape": "Str"}, "NULL": {"shape": "Bool"}}},
                "Str": {"type": "string"},
                "Bool": {"type": "boolean"},
                "Gone": {"type": "structure", "exception": true, "error": {"code": "GoneError", "httpStatusCode": 410}, "members": {"message": {"shape": "Str"}}}
                """));
        StructureShape input = (StructureShape) model.shape("OpInput");
        assertThat(input.members().get(0).required()).isTrue();
        assertThat(input.members().get(1).required()).isFalse();
        assertThat(((EnumShape) model.shape("Color")).values())
                .extracting(EnumShape.EnumValue::constantName)
                .containsExactly("RED", "DARK_BLUE");
        UnionShape union = (UnionShape) model.shape("Value");
        assertThat(union.members()).extracting(m -> m.javaName()).containsExactly("s", "nul");
        StructureShape gone = (StructureShape) model.shape("Gone");
        assertThat(gone.javaName()).isEqualTo("GoneException");
        assertThat(gone.error().errorCode()).isEqualTo("GoneError");
        assertThat(gone.error().httpStatus()).isEqualTo(410);
    }

    @Test
    void declaredUnionsTurnPlainStructuresIntoUnions() throws Exception {
        Path file = ModelFiles.write(dir, "service-2.json", ModelFiles.service("""
                "Op": {"name": "Op", "input": {"shape": "OpInput"}}
                """, """
                "OpInput": {"type": "structure", "members": {"V": {"shape": "Value"}}},
                "Value": {"type": "structure", "members": {"S": {"shape": "Str"}}},
                "Str": {"type": "string"}
                """));
        ServiceModel model = C2jReader.read(ModelSources.besides(file).withUnionShapes(Set.of("Value")));
        assertThat(model.shape("Value")).isInstanceOf(UnionShape.class);
        assertThatThrownBy(() -> C2jReader.read(ModelSources.besides(file).withUnionShapes(Set.of("Valeu"))))
                .hasMessageContaining("shape \"Valeu\" is declared a union, but the model has no shape of that name");
    }

    @Test
    void findsPaginatorsAndWaitersBesideTheModel() throws Exception {
        ModelFiles.write(dir, "paginators-1.json", """
                {"pagination": {"GetWidget": {"input_token": "Id", "output_token": "Name", "result_key": "Name"}}}
                """);
        ModelFiles.write(dir, "waiters-2.json", """
                {"version": 2, "waiters": {"Named": {"operation": "GetWidget", "delay": 2, "maxAttempts": 5,
                  "acceptors": [{"matcher": "path", "argument": "Name", "expected": "x", "state": "success"}]}}}
                """);
        ServiceModel model = read(ModelFiles.minimalService());
        assertThat(model.paginators()).singleElement().satisfies(p -> {
            assertThat(p.inputTokens()).containsExactly("Id");
            assertThat(p.outputTokens()).containsExactly("Name");
            assertThat(p.resultKeys()).containsExactly("Name");
        });
        assertThat(model.waiters()).singleElement().satisfies(w -> {
            assertThat(w.delaySeconds()).isEqualTo(2);
            assertThat(w.acceptors()).singleElement().satisfies(a -> assertThat(a.expected()).isEqualTo("x"));
        });
    }

    @Test
    void takesJsonFromAnywhereInTheListOfProtocols() throws Exception {
        // CloudWatch lists the protocols it speaks in order of preference; "protocol" names the first.
        ServiceModel model = read(ModelFiles.minimalService().replace("\"protocol\": \"json\"",
                "\"protocol\": \"smithy-rpc-v2-cbor\", \"protocols\": [\"smithy-rpc-v2-cbor\", \"json\", \"query\"]"));
        assertThat(model.info().protocol()).isEqualTo("json");
        assertThat(model.info().jsonVersion()).isEqualTo("1.0");
        assertThat(read(ModelFiles.minimalService().replace("\"jsonVersion\": \"1.0\"", "\"jsonVersion\": \"1.1\"")
                .replace("\"protocol\": \"json\"", "\"protocol\": \"query\", \"protocols\": [\"query\", \"json\"]")).info().jsonVersion())
                .isEqualTo("1.1");
    }

    @Test
    void refusesShapesWrittenInlineOnceSayingWhichFileToUseInstead() {
        String minifiedInput = problemsOf(ModelFiles.minimalService().replace("\"input\": {\"shape\": \"GetWidgetInput\"}",
                "\"input\": {\"type\": \"structure\", \"members\": {\"Id\": {}}}"));
        assertThat(minifiedInput)
                .containsPattern("service-2.json:\\d+:\\d+: operation \"GetWidget\" input is a shape written inline, without a \"shape\" name: "
                        + "this is not a C2J service-2.json but a minified model")
                .contains("use the service's service-2.json from botocore")
                .contains("The model has a problem");
        assertThat(problemsOf(ModelFiles.service("", """
                "Holder": {"type": "structure", "members": {"Count": {"type": "integer"}, "Name": {}}}
                """))).contains("shape \"Holder\" member \"Count\" is a shape written inline");
        assertThat(problemsOf(ModelFiles.service("", """
                "Names": {"type": "list", "member": {}}
                """))).contains("shape \"Names\" member is a shape written inline");
    }

    @Test
    void refusesAModelWithoutJsonAmongItsProtocolsNamingThem() {
        assertThat(problemsOf(ModelFiles.minimalService().replace("\"protocol\": \"json\"",
                "\"protocol\": \"smithy-rpc-v2-cbor\", \"protocols\": [\"smithy-rpc-v2-cbor\", \"query\"]")))
                .containsPattern("service-2.json:\\d+:\\d+: metadata \"protocols\" is \\[\"smithy-rpc-v2-cbor\", \"query\"]; "
                        + "this generator emits clients for the AWS JSON protocol \\(\"json\"\\) only")
                .contains("The model has a problem");
        assertThat(problemsOf(ModelFiles.minimalService().replace("\"protocol\": \"json\"", "\"protocol\": \"rest-xml\"")))
                .containsPattern("service-2.json:\\d+:\\d+: metadata \"protocol\" is \"rest-xml\"; "
                        + "this generator emits clients for the AWS JSON protocol \\(\"json\"\\) only");
    }

    @Test
    void syntaxErrorsNameFileLineAndColumn() {
        String message = problemsOf("{\n  \"metadata\": {\n    \"protocol\": \"json\",\n  }\n}\n");
        assertThat(message).contains("service-2.json:4:3").contains("invalid JSON");
    }

    @Test
    void duplicateKeysAreRefusedWithTheirLocation() {
        String message = problemsOf(ModelFiles.service("", """
                "A": {"type": "string"},
                "A": {"type": "integer"}
                """));
        assertThat(message).contains("service-2.json:").contains("Duplicate field 'A'");
    }

    @Test
    void mistypedFieldsNameTheShapeAndMember() {
        String message = problemsOf(ModelFiles.service("", """
                "A": {"type": "structure", "members": {"X": {"shape": 5}}},
                "B": {"type": "list"},
                "C": {"type": "document"},
                "D": {"type": "structure", "required": ["Y"], "members": {}}
                """));
        assertThat(message)
                .contains("shape \"A\" member \"X\" \"shape\" must be a string, but is a number")
                .contains("shape \"B\" is a list but has no \"member\"")
                .contains("shape \"C\" has type \"document\", which this generator does not support")
                .contains("shape \"D\" lists \"Y\" as required, but has no member of that name")
                .contains("The model has 4 problems");
    }

    @Test
    void aFileThatIsNotAModelSaysSo() {
        assertThat(problemsOf("[1, 2]")).contains("a C2J model must be a JSON object, but this is an array");
        assertThat(problemsOf("{\"shapes\": {}}")).contains("the model has no \"metadata\" object");
        assertThat(problemsOf("")).contains("the file is empty");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> C2jReader.read(new ModelSources(dir.resolve("nope.json"), null, null, new java.util.TreeSet<>())))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("nope.json: the file does not exist");
    }

    @Test
    void aPaginatorEntryWithOnlyAResultKeyIsNoPaginatorButOneTokenAloneIsAProblem() throws Exception {
        ModelFiles.write(dir, "paginators-1.json", "{\"pagination\": {\"GetWidget\": {\"result_key\": \"Name\"}}}");
        assertThat(read(ModelFiles.minimalService()).paginators()).isEmpty();

        ModelFiles.write(dir, "paginators-1.json", "{\"pagination\": {\"GetWidget\": {\"output_token\": \"Name\", \"result_key\": \"Name\"}}}");
        assertThat(problemsOf(ModelFiles.minimalService())).contains("paginators-1.json:1:").contains("paginator \"GetWidget\" has no \"input_token\"");
    }

    @Test
    void badPaginatorsAndWaitersAreLocated() {
        ModelFiles.write(dir, "paginators-1.json", "{\"pagination\": {\"GetWidget\": {\"input_token\": [\"A\", \"B\"], \"output_token\": \"Name\"}}}");
        ModelFiles.write(dir, "waiters-2.json", """
                {"version": 2, "waiters": {"W": {"operation": "GetWidget", "delay": 0, "maxAttempts": 5,
                  "acceptors": [{"matcher": "jmes", "argument": "Name", "expected": "x", "state": "success"}]}}}
                """);
        String message = problemsOf(ModelFiles.minimalService());
        assertThat(message)
                .contains("paginators-1.json:1:")
                .contains("has 2 input tokens [A, B] but 1 output tokens [Name]; they are paired in order")
                .contains("waiter \"W\" needs a positive \"delay\"")
                .contains("acceptor with matcher \"jmes\"");
        assertThat(List.of(message.split("\n"))).anyMatch(line -> line.contains("waiters-2.json:"));
    }

    /** The serialization traits of C2J: timestampFormat, document, idempotencyToken, jsonvalue, awsQueryCompatible. */
    @Test
    void readsTimestampFormatsDocumentsTokensJsonTextAndQueryCompatibility() throws Exception {
        String service = ModelFiles.service("""
                "Op": {"name": "Op", "input": {"shape": "OpInput"}, "errors": [{"shape": "Gone"}]}
                """, """
                "OpInput": {"type": "structure", "members": {
                  "Plain": {"shape": "Time"},
                  "Iso": {"shape": "IsoTime"},
                  "Http": {"shape": "IsoTime", "timestampFormat": "rfc822"},
                  "Policy": {"shape": "Policy"},
                  "Token": {"shape": "Str", "idempotencyToken": true},
                  "Results": {"shape": "Str", "jsonvalue": true}}},
                "Time": {"type": "timestamp"},
                "IsoTime": {"type": "timestamp", "timestampFormat": "iso8601"},
                "Policy": {"type": "structure", "members": {}, "document": true},
                "Str": {"type": "string"},
                "Gone": {"type": "structure", "exception": true, "error": {"code": "AWS.Gone"},
                         "members": {"message": {"shape": "Str"}, "RequestId": {"shape": "Str"}}}
                """).replace("\"metadata\": {", "\"metadata\": {\"awsQueryCompatible\": {},");
        ServiceModel model = read(service);
        List<Member> members = ((StructureShape) model.shape("OpInput")).members();
        assertThat(members).extracting(Member::timestampFormat)
                .containsExactly(null, null, TimestampFormat.HTTP_DATE, null, null, null);
        assertThat(((ScalarShape) model.shape("Time")).timestampFormat()).isNull();
        assertThat(((ScalarShape) model.shape("IsoTime")).timestampFormat()).isEqualTo(TimestampFormat.DATE_TIME);
        assertThat(((ScalarShape) model.shape("Policy")).type()).isEqualTo(ScalarType.DOCUMENT);
        assertThat(members).extracting(Member::idempotencyToken).containsExactly(false, false, false, false, true, false);
        assertThat(members).extracting(Member::jsonValue).containsExactly(false, false, false, false, false, true);
        assertThat(model.info().awsQueryCompatible()).isTrue();
        StructureShape gone = (StructureShape) model.shape("Gone");
        assertThat(gone.error().errorCode()).isEqualTo("AWS.Gone");
        assertThat(gone.members()).extracting(Member::javaName).as("an error member never overrides requestId()")
                .containsExactly("message", "requestIdValue");
    }

    @Test
    void refusesTimestampFormatsItCannotHonour() {
        String message = problemsOf(ModelFiles.service("", """
                "Times": {"type": "list", "member": {"shape": "Time", "timestampFormat": "iso8601"}},
                "Holder": {"type": "structure", "members": {"At": {"shape": "Time", "timestampFormat": "iso-8601"}}},
                "Time": {"type": "timestamp"}
                """));
        assertThat(message)
                .contains("shape \"Times\" member states a timestampFormat, which this generator supports on timestamp shapes and "
                        + "structure members only")
                .contains("shape \"Holder\" member \"At\" has timestampFormat \"iso-8601\", which is not one of iso8601, rfc822 "
                        + "and unixTimestamp");
    }
}
