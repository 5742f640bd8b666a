package dev.ddbstreams.codegen.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.codegen.CodeGenerator;
import dev.ddbstreams.codegen.ModelFiles;
import dev.ddbstreams.codegen.model.ModelException;
import dev.ddbstreams.codegen.model.Operation;
import dev.ddbstreams.codegen.read.ModelSources;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routing traits that the client could not act on are refused with the operation and what is wrong. */
class RoutingChecksTest {

    private static final String SHAPES = """
            "In": {"type": "structure", "members": {"Name": {"shape": "String"}, "Count": {"shape": "Long", "endpointdiscoveryid": true}}},
            "String": {"type": "string"},
            "Long": {"type": "long"}
            """;

    @TempDir
    Path dir;

    private String problemsOf(String operations, String shapes) {
        try {
            CodeGenerator.load(ModelSources.besides(ModelFiles.write(dir, "service-2.json", ModelFiles.service(operations, shapes))));
        } catch (ModelException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the model to be refused");
    }

    @Test
    void hostPrefixLabelsMustBeStringMembersOfTheInput() {
        String message = problemsOf("""
                "A": {"name": "A", "input": {"shape": "In"}, "endpoint": {"hostPrefix": "data-{Missing}."}},
                "B": {"name": "B", "input": {"shape": "In"}, "endpoint": {"hostPrefix": "x/{Name}."}}
                """, SHAPES.replace(", \"endpointdiscoveryid\": true", ""));

        assertThat(message)
                .contains("operation \"A\" endpoint hostPrefix \"data-{Missing}.\" names the label {Missing}, but the operation's "
                        + "input has no member of that name")
                .contains("operation \"B\" endpoint hostPrefix \"x/{Name}.\" is not a host prefix");
    }

    @Test
    void requiredDiscoveryNeedsTheDiscoveryOperationAndStringIdentifiers() {
        String message = problemsOf("""
                "Write": {"name": "Write", "input": {"shape": "In"}, "endpointdiscovery": {"required": true}}
                """, SHAPES);

        assertThat(message)
                .contains("operation \"Write\" requires endpoint discovery, but the model has no endpoint-discovery operation")
                .contains("member \"Count\" identifies the discovered endpoint, but is not a string");
    }

    @Test
    void theDiscoveryOperationMustAnswerWithEndpoints() {
        String message = problemsOf("""
                "DescribeEndpoints": {"name": "DescribeEndpoints", "output": {"shape": "Out"}, "endpointoperation": true}
                """, """
                "Out": {"type": "structure", "members": {"Addresses": {"shape": "String"}}},
                "String": {"type": "string"}
                """);

        assertThat(message).contains("the endpoint-discovery operation \"DescribeEndpoints\" cannot be read; its output must have a "
                + "list member Endpoints");
    }

    @Test
    void optionalDiscoveryWithoutTheDiscoveryOperationIsGeneratedWithoutIt() throws Exception {
        var model = CodeGenerator.load(ModelSources.besides(ModelFiles.write(dir, "service-2.json", ModelFiles.service("""
                "Get": {"name": "Get", "input": {"shape": "In"}, "endpointdiscovery": {}}
                """, SHAPES.replace(", \"endpointdiscoveryid\": true", "")))));

        assertThat(model.operation("Get").orElseThrow().routing().discovery()).isEqualTo(Operation.Discovery.OPTIONAL);
        assertThat(String.join("\n", CodeGenerator.render(model, "com.example.w").values())).doesNotContain("withEndpointDiscovery");
    }
}
