package dev.ddbstreams.codegen.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ddbstreams.codegen.CodeGenerator;
import dev.ddbstreams.codegen.ModelFiles;
import dev.ddbstreams.codegen.model.ModelException;
import dev.ddbstreams.codegen.model.ServiceModel;
import dev.ddbstreams.codegen.read.ModelSources;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelValidatorTest {

    @TempDir
    Path dir;

    private String problemsOf(String service) {
        try {
            CodeGenerator.load(ModelSources.besides(ModelFiles.write(dir, "service-2.json", service)));
        } catch (ModelException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the model to be refused");
    }

    @Test
    void aValidModelPasses() {
        assertThatCode(() -> CodeGenerator.load(ModelSources.besides(ModelFiles.write(dir, "service-2.json", ModelFiles.minimalService()))))
                .doesNotThrowAnyException();
    }

    @Test
    void undefinedShapesAreNamedWithTheMemberAndASuggestion() {
        String message = problemsOf(ModelFiles.service("""
                "Op": {"name": "Op", "input": {"shape": "OpInput"}, "output": {"shape": "Missing"}}
                """, """
                "OpInput": {"type": "structure", "members": {"Record": {"shape": "StreamRecod"}}},
                "StreamRecord": {"type": "structure", "members": {}}
                """));
        assertThat(message)
                .contains("shape \"OpInput\" member \"Record\" refers to shape \"StreamRecod\", which is not defined; did you mean \"StreamRecord\"?")
                .contains("operation \"Op\" refers to shape \"Missing\", which is not defined")
                .contains("service-2.json:");
    }

    @Test
    void wrongKindsOfShapesAreRefused() {
        String message = problemsOf(ModelFiles.service("""
                "Op": {"name": "Op", "input": {"shape": "Str"}, "errors": [{"shape": "Plain"}]}
                """, """
                "Str": {"type": "string"},
                "Plain": {"type": "structure", "members": {}},
                "IntKeys": {"type": "map", "key": {"shape": "Int"}, "value": {"shape": "Str"}},
                "Int": {"type": "integer"}
                """));
        assertThat(message)
                .contains("operation \"Op\" uses shape \"Str\" as input or output, but it is a string")
                .contains("operation \"Op\" lists \"Plain\" as an error, but it is a structure without \"exception\": true")
                .contains("shape \"IntKeys\" has key shape \"Int\", which is a integer; JSON object keys must be strings");
    }

    @Test
    void namesThatCollideInsideOneClassAreRefused() {
        String message = problemsOf(ModelFiles.service("", """
                "Thing": {"type": "structure", "members": {
                    "StreamArn": {"shape": "Str"}, "streamArn": {"shape": "Str"},
                    "Tags": {"shape": "Tags"}, "HasTags": {"shape": "Bool"},
                    "Color": {"shape": "Color"}, "ColorAsString": {"shape": "Str"}}},
                "Color": {"type": "string", "enum": ["dark-blue", "DARK_BLUE", "***", "by-value"]},
                "Tags": {"type": "list", "member": {"shape": "Str"}},
                "Bool": {"type": "boolean"},
                "Str": {"type": "string"}
                """));
        assertThat(message)
                .contains("member \"streamArn\" and member \"StreamArn\" both become \"streamArn\" in Java")
                .contains("shape \"Thing\" member \"HasTags\" gives the accessor hasTags(), which member \"Tags\" already has for itself")
                .contains("shape \"Thing\" member \"ColorAsString\" gives the accessor colorAsString(), which member \"Color\" already has for itself")
                .contains("enum value \"DARK_BLUE\" and value \"dark-blue\" both become the constant DARK_BLUE")
                .contains("enum value \"***\" has no letter or digit")
                .contains("enum value \"by-value\" would be the constant BY_VALUE, which is the enum's own lookup table");
    }

    @Test
    void operationsThatBecomeOneMethodAreRefused() {
        String message = problemsOf(ModelFiles.service("""
                "GetThing": {"name": "GetThing"},
                "getThing": {"name": "getThing"},
                "GETThing": {"name": "GETThing"}
                """, ""));
        assertThat(message).contains("operation \"getThing\" and operation \"GETThing\" both become the method getThing")
                .contains("operation \"GetThing\" and operation \"GETThing\" both become the method getThing");
    }

    @Test
    void anErrorHeldAsAValueIsRefused() {
        String message = problemsOf(ModelFiles.service("", """
                "Batch": {"type": "structure", "members": {"Failure": {"shape": "Gone"}}},
                "Gone": {"type": "structure", "exception": true, "members": {}}
                """));
        assertThat(message).contains("shape \"Batch\" member \"Failure\" refers to the error \"Gone\"; an error is raised as an exception, not held as a value");
    }

    @Test
    void namesThatCannotBeIdentifiersAreRefusedButKeywordsAreEscaped() {
        String message = problemsOf(ModelFiles.service("", """
                "Bad-Name": {"type": "structure", "members": {"default": {"shape": "Str"}, "my field": {"shape": "Str"}}},
                "Str": {"type": "string"}
                """));
        assertThat(message)
                .contains("shape \"Bad-Name\" gives the Java class name \"Bad-Name\", which is not a Java identifier")
                .contains("shape \"Bad-Name\" member \"my field\" gives the Java name \"my field\", which is not a Java identifier")
                .doesNotContain("member \"default\"");
    }

    @Test
    void paginatorsAndWaitersMustReferToWhatExists() {
        ModelFiles.write(dir, "paginators-1.json", """
                {"pagination": {
                  "GetWidget": {"input_token": "Id", "output_token": "Nmae", "result_key": "Name.Deeper", "limit_key": "Id"},
                  "Nothing": {"input_token": "A", "output_token": "B"}}}
                """);
        ModelFiles.write(dir, "waiters-2.json", """
                {"version": 2, "waiters": {
                  "W": {"operation": "GetWidget", "delay": 1, "maxAttempts": 2, "acceptors": [
                    {"matcher": "path", "argument": "length(Name) > `0`", "expected": true, "state": "success"},
                    {"matcher": "path", "argument": "Name > `1`", "expected": true, "state": "success"},
                    {"matcher": "path", "argument": "sort(Name)", "expected": "x", "state": "success"},
                    {"matcher": "path", "argument": "Name[?", "expected": "x", "state": "success"},
                    {"matcher": "path", "argument": "Name.Deeper", "expected": "x", "state": "success"}]}}}
                """);
        String message = problemsOf(ModelFiles.minimalService());
        assertThat(message)
                .contains("paginator \"GetWidget\" output_token \"Nmae\": shape \"GetWidgetOutput\" has no member \"Nmae\"; did you mean \"Name\"?")
                .contains("paginator \"GetWidget\" result_key \"Name.Deeper\": \"Deeper\" is looked up in a string, which is not a structure")
                .contains("paginator \"GetWidget\" limit_key \"Id\" is a string, not a number")
                .contains("paginator \"Nothing\" names operation \"Nothing\", which is not defined")
                .contains("waiter \"W\" path \"Name > `1`\": \">\" compares a string with a number (integer); JMESPath orders numbers only")
                .contains("waiter \"W\" path \"sort(Name)\": the function sort() is not supported (supported: contains, ends_with, keys, length, starts_with, values)")
                .contains("waiter \"W\" path \"Name[?\": at column 7: the expression ends too early")
                .contains("waiter \"W\" path \"Name.Deeper\": \"Deeper\" is looked up in a string, which is not a structure")
                .doesNotContain("length(Name)");
    }

    @Test
    void waitersNeedAnOperationWithInputAndOutput() {
        ModelFiles.write(dir, "waiters-2.json", """
                {"version": 2, "waiters": {"Up": {"operation": "Ping", "delay": 1, "maxAttempts": 2,
                  "acceptors": [{"matcher": "status", "expected": 200, "state": "success"}]}}}
                """);
        String message = problemsOf(ModelFiles.service("""
                "Ping": {"name": "Ping", "output": {"shape": "PingOutput"}}
                """, """
                "PingOutput": {"type": "structure", "members": {}}
                """));
        assertThat(message).contains("waiter \"Up\" polls operation \"Ping\", which has no input; waiters are supported on operations with both");
    }

    @Test
    void errorsMaySharePerQueryCodesWhatTheirNamesTellApart() {
        // CloudWatch gives the query code ResourceNotFound to DashboardNotFoundError and to ResourceNotFound: the JSON
        // protocol names errors by shape, so the client tells them apart (ErrorMapperCode leaves the alias out).
        assertThatCode(() -> CodeGenerator.load(ModelSources.besides(ModelFiles.write(dir, "service-2.json", ModelFiles.service("", """
                "Gone": {"type": "structure", "exception": true, "error": {"code": "Missing"}, "members": {}},
                "Missing": {"type": "structure", "exception": true, "members": {}}
                """))))).doesNotThrowAnyException();
    }

    @Test
    void anIdempotencyTokenMustBeAString() {
        String message = problemsOf(ModelFiles.service("""
                "Op": {"name": "Op", "input": {"shape": "OpInput"}}
                """, """
                "OpInput": {"type": "structure", "members": {"Token": {"shape": "Count", "idempotencyToken": true}}},
                "Count": {"type": "integer"}
                """));
        assertThat(message).contains("shape \"OpInput\" member \"Token\" is an idempotency token, which must be a string");
    }
}
