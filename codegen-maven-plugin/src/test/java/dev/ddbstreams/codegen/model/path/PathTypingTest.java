package dev.ddbstreams.codegen.model.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.codegen.ModelFiles;
import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.ScalarType;
import dev.ddbstreams.codegen.model.ServiceModel;
import dev.ddbstreams.codegen.model.path.PathType.ListType;
import dev.ddbstreams.codegen.model.path.PathType.MapType;
import dev.ddbstreams.codegen.model.path.PathType.NumberType;
import dev.ddbstreams.codegen.model.path.PathType.StructureType;
import dev.ddbstreams.codegen.read.C2jReader;
import dev.ddbstreams.codegen.read.ModelSources;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The types the generator gives JMESPath expressions, and what it refuses, on a small hand-written model. */
class PathTypingTest {

    @TempDir
    Path dir;

    private PathTyping typing;
    private final PathType out = new StructureType("DescribeOutput");

    @BeforeEach
    void readModel() throws Exception {
        Path file = ModelFiles.write(dir, "service-2.json", ModelFiles.service("""
                "Describe": {"name": "Describe", "input": {"shape": "DescribeInput"}, "output": {"shape": "DescribeOutput"}}
                """, """
                "DescribeInput": {"type": "structure", "members": {}},
                "DescribeOutput": {"type": "structure", "members": {
                  "Reservations": {"shape": "Reservations"}, "Status": {"shape": "Status"}, "Count": {"shape": "Long"},
                  "Tags": {"shape": "Tags"}, "Created": {"shape": "Time"}}},
                "Reservations": {"type": "list", "member": {"shape": "Reservation"}},
                "Reservation": {"type": "structure", "members": {"Instances": {"shape": "Instances"}}},
                "Instances": {"type": "list", "member": {"shape": "Instance"}},
                "Instance": {"type": "structure", "members": {"State": {"shape": "Status"}, "Size": {"shape": "Integer"}}},
                "Tags": {"type": "map", "key": {"shape": "String"}, "value": {"shape": "String"}},
                "Status": {"type": "string", "enum": ["A", "B"]},
                "String": {"type": "string"}, "Integer": {"type": "integer"}, "Long": {"type": "long"}, "Time": {"type": "timestamp"}
                """));
        ServiceModel model = C2jReader.read(ModelSources.besides(file));
        typing = new PathTyping(model);
    }

    private PathType type(String expression) {
        return typing.type(PathExpression.parse(expression), out);
    }

    @Test
    void projectionsNestAndFlattenAsJmesPathSays() {
        PathType instance = new StructureType("Instance");
        assertThat(type("Reservations[].Instances")).isEqualTo(new ListType(new ListType(instance)));
        assertThat(type("Reservations[].Instances[]")).isEqualTo(new ListType(instance));
        assertThat(type("Reservations[].Instances[].State")).as("enums read as strings").isEqualTo(new ListType(PathType.STRING));
        assertThat(type("Reservations[0].Instances[-1].Size")).isEqualTo(new NumberType(ScalarType.INTEGER));
        assertThat(type("Tags.*")).isEqualTo(new ListType(PathType.STRING));
        assertThat(type("Tags.owner")).isEqualTo(PathType.STRING);
        assertThat(type("Reservations[].[length(Instances) > `1`][]")).isEqualTo(new ListType(PathType.BOOLEAN));
    }

    @Test
    void operatorsAndFunctions() {
        assertThat(type("Status || 'none'")).as("|| of one type keeps it").isEqualTo(PathType.STRING);
        assertThat(type("Status || Count")).as("of different types, it is a truth value").isEqualTo(PathType.BOOLEAN);
        assertThat(type("Count > `2` && !contains(keys(Tags), 'x')")).isEqualTo(PathType.BOOLEAN);
        assertThat(type("values(Tags)")).isEqualTo(new ListType(PathType.STRING));
        assertThat(type("Created")).isInstanceOf(PathType.OpaqueType.class);
        assertThat(type("Tags")).isEqualTo(new MapType(PathType.STRING));
        assertThat(typing.lastMember(PathExpression.parse("Reservations[].Instances[]"), out)).map(Member::wireName).contains("Instances");
    }

    @Test
    void whatWouldAlwaysBeNullOrCannotBeCompiledIsRefused() {
        assertThatThrownBy(() -> type("Reservations.Instances")).hasMessage(
                "\"Instances\" is looked up in a list of the structure Reservation, which is not a structure (use [] to look at each element)");
        assertThatThrownBy(() -> type("Status > 'A'")).hasMessageContaining("JMESPath orders numbers only");
        assertThatThrownBy(() -> type("Count[]")).hasMessage("[] flattens a number (long), which is not a list");
        assertThatThrownBy(() -> type("length(Count)")).hasMessageContaining("length() of a number (long) is not supported");
        assertThatThrownBy(() -> type("Stauts")).hasMessage("shape \"DescribeOutput\" has no member \"Stauts\"");
        assertThatThrownBy(() -> type("[Status, Count]")).hasMessageContaining("only lists of one type are supported");
        assertThatThrownBy(() -> type("abs(Count)")).hasMessageContaining("the function abs() is not supported");
        assertThatThrownBy(() -> type("contains(Status)")).hasMessage("contains() takes 2 arguments, not 1");
        assertThatThrownBy(() -> type("`[1]`")).hasMessage("list and object literals are not supported");
        assertThatThrownBy(() -> type("Created.x")).hasMessageContaining("is looked up in a value of Time");
    }
}
