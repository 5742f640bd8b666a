package dev.ddbstreams.codegen.read;

import dev.ddbstreams.codegen.model.Operation;
import dev.ddbstreams.codegen.model.Paginator;
import dev.ddbstreams.codegen.naming.JavaNames;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.smithy.model.knowledge.TopDownIndex;
import software.amazon.smithy.model.shapes.OperationShape;
import software.amazon.smithy.model.shapes.ShapeId;
import software.amazon.smithy.model.node.BooleanNode;
import software.amazon.smithy.model.node.Node;
import software.amazon.smithy.model.node.ObjectNode;
import software.amazon.smithy.model.node.StringNode;
import software.amazon.smithy.model.traits.AuthTrait;
import software.amazon.smithy.model.traits.DeprecatedTrait;
import software.amazon.smithy.model.traits.EndpointTrait;
import software.amazon.smithy.model.traits.OptionalAuthTrait;
import software.amazon.smithy.model.traits.PaginatedTrait;
import software.amazon.smithy.model.traits.RequestCompressionTrait;
import software.amazon.smithy.model.traits.Trait;

/**
 * The operations of a Smithy service (those bound to it directly and through its resources), and their
 * {@code @paginated} traits as the paginators a C2J {@code paginators-1.json} would state. An operation's errors
 * are its own followed by the service's, which Smithy says any operation may return. The traits that change how an
 * operation is sent become its {@link Operation.Routing}, as their C2J counterparts do: {@code @endpoint(hostPrefix:)},
 * {@code @requestCompression}, {@code @optionalAuth} and {@code @auth([])} (unsigned),
 * {@code @aws.api#clientDiscoveredEndpoint} and the operation the service's {@code @aws.api#clientEndpointDiscovery}
 * names.
 */
final class SmithyOperations {

    private static final ShapeId UNIT = ShapeId.from("smithy.api#Unit");
    static final ShapeId CLIENT_ENDPOINT_DISCOVERY = ShapeId.from("aws.api#clientEndpointDiscovery");
    static final ShapeId CLIENT_DISCOVERED_ENDPOINT = ShapeId.from("aws.api#clientDiscoveredEndpoint");

    private final SmithyContext context;

    SmithyOperations(SmithyContext context) {
        this.context = context;
    }

    /** The Smithy operations of the service, by name. */
    List<OperationShape> shapes() {
        return TopDownIndex.of(context.model()).getContainedOperations(context.service()).stream()
                .sorted(Comparator.comparing(op -> context.name(op.getId())))
                .toList();
    }

    Operation read(OperationShape op) {
        String name = context.name(op.getId());
        // Its own errors first, as C2J lists them, then the service's.
        List<String> errors = Stream.concat(op.getErrors().stream(), context.service().getErrors().stream())
                .map(context::name)
                .distinct()
                .toList();
        return new Operation(name, JavaNames.methodName(name), structure(op.getInputShape()), structure(op.getOutputShape()), errors,
                op.hasTrait(DeprecatedTrait.class), SmithyContext.documentation(op), context.location(op), routing(op));
    }

    private Operation.Routing routing(OperationShape op) {
        String hostPrefix = op.getTrait(EndpointTrait.class).map(trait -> trait.getHostPrefix().toString()).orElse(null);
        boolean gzip = op.getTrait(RequestCompressionTrait.class).map(trait -> trait.getEncodings().contains("gzip")).orElse(false);
        // @auth([]) on the operation, or else on the service, lists no scheme: nothing to sign with.
        Optional<AuthTrait> auth = op.getTrait(AuthTrait.class).or(() -> context.service().getTrait(AuthTrait.class));
        boolean unsigned = op.hasTrait(OptionalAuthTrait.class) || auth.map(trait -> trait.getValueSet().isEmpty()).orElse(false);
        Operation.Discovery discovery = op.findTrait(CLIENT_DISCOVERED_ENDPOINT)
                .map(trait -> objectValue(trait).getBooleanMember("required").map(BooleanNode::getValue).orElse(false)
                        ? Operation.Discovery.REQUIRED : Operation.Discovery.OPTIONAL)
                .orElse(Operation.Discovery.NONE);
        boolean discoveryOperation = context.service().findTrait(CLIENT_ENDPOINT_DISCOVERY)
                .flatMap(trait -> objectValue(trait).getStringMember("operation"))
                .map(StringNode::getValue)
                // Absolute in the JSON AST; as written (relative) in the IDL, where the trait is not known to the loader.
                .map(target -> ShapeId.fromOptionalNamespace(context.service().getId().getNamespace(), target).equals(op.getId()))
                .orElse(false);
        return new Operation.Routing(hostPrefix, gzip, unsigned, discovery, discoveryOperation);
    }

    private static ObjectNode objectValue(Trait trait) {
        return trait.toNode().asObjectNode().orElse(Node.objectNode());
    }

    /**
     * The operation's paginator: its {@code @paginated} trait completed by the service's, whose values are the
     * defaults of every operation's. Empty when the operation is not paginated.
     */
    Optional<Paginator> paginator(OperationShape op) {
        Optional<PaginatedTrait> own = op.getTrait(PaginatedTrait.class);
        if (own.isEmpty()) {
            return Optional.empty();
        }
        PaginatedTrait trait = context.service().getTrait(PaginatedTrait.class).map(own.get()::merge).orElse(own.get());
        String name = context.name(op.getId());
        String what = "operation \"" + name + "\" @paginated";
        if (trait.getInputToken().isEmpty() || trait.getOutputToken().isEmpty()) {
            context.problem(own.get(), what + " needs an inputToken and an outputToken (on the operation or on the service)");
            return Optional.empty();
        }
        // Smithy's paths are member names joined by dots, which read the same as JMESPath.
        return Optional.of(new Paginator(name, List.of(trait.getInputToken().get()), List.of(trait.getOutputToken().get()),
                trait.getItems().map(List::of).orElse(List.of()), null, List.of(), trait.getPageSize().orElse(null),
                context.location(own.get())));
    }

    private String structure(ShapeId id) {
        return id.equals(UNIT) ? null : context.name(id);
    }
}
