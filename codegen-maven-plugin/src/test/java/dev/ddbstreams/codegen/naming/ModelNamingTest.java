package dev.ddbstreams.codegen.naming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.codegen.CodeGenerator;
import dev.ddbstreams.codegen.ModelFiles;
import dev.ddbstreams.codegen.model.EnumShape;
import dev.ddbstreams.codegen.model.ModelException;
import dev.ddbstreams.codegen.model.Operation;
import dev.ddbstreams.codegen.model.ServiceModel;
import dev.ddbstreams.codegen.model.Shape;
import dev.ddbstreams.codegen.model.StructureShape;
import dev.ddbstreams.codegen.model.StructureShape.Role;
import dev.ddbstreams.codegen.model.UnionShape;
import dev.ddbstreams.codegen.read.ModelSources;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names that depend on the whole model are decided once, distinctly and stably, instead of refusing AWS's models. */
class ModelNamingTest {

    @TempDir
    Path dir;

    private ServiceModel load(String service) throws ModelException {
        return CodeGenerator.load(ModelSources.besides(ModelFiles.write(dir, "service-2.json", service)));
    }

    private static String javaName(ServiceModel model, String shape) {
        return model.shape(shape).javaName();
    }

    @Test
    void anOperationTakingAndReturningOneShapeGetsARequestAndAResponseClass() throws Exception {
        // cognito-identity: UpdateIdentityPool takes and returns IdentityPool, which CreateIdentityPool returns too.
        ServiceModel model = load(ModelFiles.service("""
                "CreateIdentityPool": {"name": "CreateIdentityPool", "input": {"shape": "CreateIdentityPoolInput"}, "output": {"shape": "IdentityPool"}},
                "UpdateIdentityPool": {"name": "UpdateIdentityPool", "input": {"shape": "IdentityPool"}, "output": {"shape": "IdentityPool"}}
                """, """
                "CreateIdentityPoolInput": {"type": "structure", "members": {"Name": {"shape": "Str"}}},
                "IdentityPool": {"type": "structure", "required": ["Id"], "members": {"Id": {"shape": "Str"}, "Name": {"shape": "Str"}}},
                "Str": {"type": "string"}
                """));
        Operation update = model.operation("UpdateIdentityPool").orElseThrow();
        StructureShape request = (StructureShape) model.shape(update.inputShape());
        StructureShape response = (StructureShape) model.shape(update.outputShape());
        assertThat(request.javaName()).isEqualTo("UpdateIdentityPoolRequest");
        assertThat(request.role()).isEqualTo(Role.REQUEST);
        assertThat(response.javaName()).isEqualTo("UpdateIdentityPoolResponse");
        assertThat(response.role()).isEqualTo(Role.RESPONSE);
        assertThat(request.members()).isEqualTo(response.members()).extracting(m -> m.wireName()).containsExactly("Id", "Name");
        assertThat(request.location()).isEqualTo(response.location());
        assertThat(javaName(model, model.operation("CreateIdentityPool").orElseThrow().outputShape())).isEqualTo("CreateIdentityPoolResponse");
        // Nothing else refers to IdentityPool, so no class of that name is left over.
        assertThat(model.shapes().values()).extracting(Shape::name).doesNotContain("IdentityPool");
        assertThat(model.shapesOf(StructureShape.class)).extracting(StructureShape::javaName).containsExactlyInAnyOrder(
                "CreateIdentityPoolRequest", "CreateIdentityPoolResponse", "UpdateIdentityPoolRequest", "UpdateIdentityPoolResponse");
    }

    @Test
    void operationsSharingAShapeGetOneEachAndTheShapeStaysWhereMembersUseIt() throws Exception {
        // DynamoDB: Enable/DisableKinesisStreamingDestination share their input and their output.
        ServiceModel model = load(ModelFiles.service("""
                "EnableDestination": {"name": "EnableDestination", "input": {"shape": "DestinationInput"}, "output": {"shape": "DestinationOutput"}},
                "DisableDestination": {"name": "DisableDestination", "input": {"shape": "DestinationInput"}, "output": {"shape": "DestinationOutput"}},
                "DescribeDestinations": {"name": "DescribeDestinations", "output": {"shape": "DescribeDestinationsOutput"}}
                """, """
                "DestinationInput": {"type": "structure", "members": {"Arn": {"shape": "Str"}}},
                "DestinationOutput": {"type": "structure", "members": {"Arn": {"shape": "Str"}}},
                "DescribeDestinationsOutput": {"type": "structure", "members": {"Last": {"shape": "DestinationOutput"}}},
                "Str": {"type": "string"}
                """));
        Map<String, String> classes = new TreeMap<>();
        model.shapesOf(StructureShape.class).forEach(s -> classes.put(s.name(), s.javaName() + "/" + s.role()));
        assertThat(classes).containsExactly(
                Map.entry("DescribeDestinationsOutput", "DescribeDestinationsResponse/RESPONSE"),
                Map.entry("DestinationOutput", "DestinationOutput/PLAIN"),
                Map.entry("DisableDestinationRequest", "DisableDestinationRequest/REQUEST"),
                Map.entry("DisableDestinationResponse", "DisableDestinationResponse/RESPONSE"),
                Map.entry("EnableDestinationRequest", "EnableDestinationRequest/REQUEST"),
                Map.entry("EnableDestinationResponse", "EnableDestinationResponse/RESPONSE"));
        assertThat(model.operation("EnableDestination").orElseThrow().inputShape()).isEqualTo("EnableDestinationRequest");
        assertThat(model.operation("DisableDestination").orElseThrow().outputShape()).isEqualTo("DisableDestinationResponse");
    }

    /** AWS Health's situation: shapes whose names differ only in case. */
    private static final String CASES = ModelFiles.service("""
            "DescribeEventTypes": {"name": "DescribeEventTypes", "input": {"shape": "DescribeEventTypesRequest"}, "output": {"shape": "DescribeEventTypesResponse"}}
            """, """
            "DescribeEventTypesRequest": {"type": "structure", "members": {
              "Types": {"shape": "eventTypeList"}, "Category": {"shape": "eventTypeCategory"}, "Categories": {"shape": "EventTypeCategory"}}},
            "DescribeEventTypesResponse": {"type": "structure", "members": {"EventTypes": {"shape": "EventTypeList"}}},
            "EventTypeList": {"type": "list", "member": {"shape": "EventType"}},
            "eventTypeList": {"type": "list", "member": {"shape": "eventType"}},
            "EventType": {"type": "structure", "members": {"Code": {"shape": "eventType"}}},
            "eventType": {"type": "string"},
            "eventTypeCategory": {"type": "string", "enum": ["issue", "scheduledChange"]},
            "EventTypeCategory": {"type": "structure", "members": {"Name": {"shape": "eventTypeCategory"}}},
            "eventtypecategory": {"type": "structure", "union": true, "members": {"Name": {"shape": "eventType"}}}
            """);

    @Test
    void shapesDifferingOnlyInCaseGetDistinctStableNames() throws Exception {
        ServiceModel model = load(CASES);
        assertThat(javaName(model, "EventTypeCategory")).as("the name as the model writes it wins").isEqualTo("EventTypeCategory");
        assertThat(javaName(model, "eventTypeCategory")).isEqualTo("EventTypeCategory2");
        assertThat(javaName(model, "eventtypecategory")).isEqualTo("Eventtypecategory3");
        assertThat(model.codecNames()).containsEntry("EventTypeList", "EventTypeListJson").containsEntry("eventTypeList", "EventTypeList2Json")
                .containsEntry("EventTypeCategory", "EventTypeCategoryJson").containsEntry("eventtypecategory", "Eventtypecategory2Json");
        // Distinct on a case-insensitive file system, too.
        assertThat(lowerCase(model.codecNames().values())).hasSize(model.codecNames().size());

        // The same names whatever the order the model lists its shapes in.
        String reordered = CASES.replace("\"EventTypeList\": {\"type\": \"list\", \"member\": {\"shape\": \"EventType\"}},", "")
                .replace("\"eventType\": {\"type\": \"string\"},", "\"eventType\": {\"type\": \"string\"},\n"
                        + "\"EventTypeList\": {\"type\": \"list\", \"member\": {\"shape\": \"EventType\"}},");
        assertThat(reordered).isNotEqualTo(CASES);
        ServiceModel again = load(reordered);
        assertThat(again.codecNames()).isEqualTo(model.codecNames());
        assertThat(classNames(again)).isEqualTo(classNames(model));
    }

    private static Map<String, String> classNames(ServiceModel model) {
        Map<String, String> names = new TreeMap<>();
        model.shapes().forEach((name, shape) -> {
            if (shape.javaName() != null) {
                names.put(name, shape.javaName());
            }
        });
        return names;
    }

    private static Set<String> lowerCase(java.util.Collection<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aShapeNamedLikeTheBaseExceptionIsRenamedAsTheSdkV2RenamesIt() throws Exception {
        // marketplacecommerceanalytics: an error shape named MarketplaceCommerceAnalyticsException.
        ServiceModel model = load(ModelFiles.service("""
                "Generate": {"name": "Generate", "errors": [{"shape": "WidgetsException"}, {"shape": "Widgets"}]}
                """, """
                "WidgetsException": {"type": "structure", "exception": true, "members": {"Message": {"shape": "Str"}}},
                "Widgets": {"type": "structure", "exception": true, "members": {}},
                "Str": {"type": "string"}
                """));
        assertThat(javaName(model, "WidgetsException")).isEqualTo("WidgetsServiceException");
        assertThat(javaName(model, "Widgets")).isEqualTo("Widgets2Exception");
    }

    @Test
    void errorsWhoseClassNamesMeetAreNumberedBeforeException() throws Exception {
        // CloudWatch: ResourceNotFound and ResourceNotFoundException are both errors.
        ServiceModel model = load(ModelFiles.service("""
                "Get": {"name": "Get", "errors": [{"shape": "ResourceNotFound"}, {"shape": "ResourceNotFoundException"}]}
                """, """
                "ResourceNotFound": {"type": "structure", "exception": true, "error": {"code": "ResourceNotFound"}, "members": {}},
                "ResourceNotFoundException": {"type": "structure", "exception": true, "members": {}}
                """));
        assertThat(javaName(model, "ResourceNotFoundException")).isEqualTo("ResourceNotFoundException");
        assertThat(javaName(model, "ResourceNotFound")).isEqualTo("ResourceNotFound2Exception");
    }

    @Test
    void requestsAndResponsesKeepTheirNamesWhenAnotherShapeWantsThem() throws Exception {
        ServiceModel model = load(ModelFiles.service("""
                "Get": {"name": "Get", "input": {"shape": "GetInput"}, "output": {"shape": "GetOutput"}}
                """, """
                "GetInput": {"type": "structure", "members": {"Old": {"shape": "GetRequest"}}},
                "GetOutput": {"type": "structure", "members": {}},
                "GetRequest": {"type": "structure", "members": {}}
                """));
        assertThat(javaName(model, "GetInput")).isEqualTo("GetRequest");
        assertThat(javaName(model, "GetRequest")).isEqualTo("GetRequest2");
    }

    @Test
    void aClassIsNotNamedLikeAClassNestedInIt() throws Exception {
        ServiceModel model = load(ModelFiles.service("", """
                "Builder": {"type": "structure", "members": {"Type": {"shape": "Type"}}},
                "Type": {"type": "structure", "union": true, "members": {"S": {"shape": "Str"}}},
                "Unknown": {"type": "structure", "union": true, "members": {"S": {"shape": "Str"}}},
                "Part": {"type": "structure", "union": true, "members": {"Part": {"shape": "Str"}, "Parts": {"shape": "Str"}}},
                "Str": {"type": "string"}
                """));
        assertThat(javaName(model, "Builder")).isEqualTo("Builder2");
        assertThat(javaName(model, "Type")).isEqualTo("Type2");
        assertThat(javaName(model, "Unknown")).isEqualTo("Unknown2");
        // A member named like its union gets another record name instead, so the union keeps its own.
        assertThat(javaName(model, "Part")).isEqualTo("Part");
        assertThat(((UnionShape) model.shape("Part")).members()).extracting(m -> m.javaName()).containsExactly("partValue", "parts");
    }
}
