package dev.ddbstreams.codegen.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.codegen.CodeGenerator;
import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.Operation;
import dev.ddbstreams.codegen.model.Operation.Discovery;
import dev.ddbstreams.codegen.model.Operation.Routing;
import dev.ddbstreams.codegen.model.ServiceModel;
import dev.ddbstreams.codegen.model.StructureShape;
import dev.ddbstreams.codegen.read.ModelSources;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The operation traits that change how a request is sent read the same from C2J ({@code golden/routing/service-2.json})
 * and from Smithy ({@code routes.smithy} beside it): host prefixes, request compression, unsigned operations, endpoint
 * discovery and its identifiers, the discovery operation, and query compatibility.
 */
class RoutingTraitsReadAlikeTest {

    private static final Map<String, Routing> EXPECTED = Map.of(
            "DescribeEndpoints", new Routing(null, false, false, Discovery.NONE, true),
            "GetId", new Routing(null, false, true, Discovery.NONE, false),
            "GetToken", new Routing(null, false, true, Discovery.NONE, false),
            "DiscoverInstances", new Routing("data-{NamespaceName}.", false, false, Discovery.NONE, false),
            "Ping", new Routing("ping.", false, false, Discovery.NONE, false),
            "PutMetrics", new Routing(null, true, false, Discovery.NONE, false),
            "GetItem", new Routing(null, false, false, Discovery.OPTIONAL, false),
            "WriteRecords", new Routing(null, false, false, Discovery.REQUIRED, false));

    private static ServiceModel load(String file) throws Exception {
        Path model = RepoPaths.goldenRoot().resolve("routing").resolve(file);
        return CodeGenerator.load(ModelSources.besides(model));
    }

    private static Map<String, Routing> routing(ServiceModel model) {
        Map<String, Routing> routing = new TreeMap<>();
        for (Operation op : model.operations()) {
            routing.put(op.name(), op.routing());
        }
        return routing;
    }

    private static boolean tableNameIdentifiesTheEndpoint(ServiceModel model) {
        Operation write = model.operation("WriteRecords").orElseThrow();
        return ((StructureShape) model.shape(write.inputShape())).members().stream()
                .filter(Member::endpointDiscoveryId).map(Member::wireName).toList().equals(java.util.List.of("TableName"));
    }

    @Test
    void c2jSaysWhatEachOperationNeeds() throws Exception {
        ServiceModel c2j = load("service-2.json");

        assertThat(routing(c2j)).isEqualTo(new TreeMap<>(EXPECTED));
        assertThat(tableNameIdentifiesTheEndpoint(c2j)).isTrue();
        assertThat(c2j.info().awsQueryCompatible()).isTrue();
    }

    @Test
    void smithySaysTheSame() throws Exception {
        ServiceModel smithy = load("routes.smithy");

        assertThat(routing(smithy)).isEqualTo(new TreeMap<>(EXPECTED));
        assertThat(tableNameIdentifiesTheEndpoint(smithy)).isTrue();
        assertThat(smithy.info().awsQueryCompatible()).isTrue();
    }
}
