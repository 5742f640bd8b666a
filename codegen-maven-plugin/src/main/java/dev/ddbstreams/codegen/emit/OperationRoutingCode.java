package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.ddbstreams.codegen.model.HostPrefixTemplate;
import dev.ddbstreams.codegen.model.ListShape;
import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.Operation;
import dev.ddbstreams.codegen.model.StructureShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * The per-operation routing facts of the model as code on an operation's descriptor in the client's
 * {@code Operations} class: {@code .withHostPrefix(...)}, {@code .withRequestCompression()},
 * {@code .withoutSigning()}, {@code .withEndpointDiscovery(...)} and {@code .withResponseMetadata(...)}, each only
 * where the model says so, plus the service's {@code ENDPOINT_DISCOVERY} constant when it has a discovery operation.
 */
final class OperationRoutingCode {

    static final ClassName HOST_PREFIX = ClassName.get("dev.ddbstreams.runtime.http", "HostPrefix");
    static final ClassName DISCOVERY_OPERATION = ClassName.get("dev.ddbstreams.runtime.http", "EndpointDiscoveryOperation");
    static final ClassName DISCOVERED_ENDPOINT = ClassName.get("dev.ddbstreams.runtime.endpoint", "DiscoveredEndpoint");
    /** The constant of the service's discovery operation, beside the descriptors. */
    static final String DISCOVERY_CONSTANT = "ENDPOINT_DISCOVERY";

    private final GenerationContext context;
    private final Optional<Operation> discoveryOperation;

    OperationRoutingCode(GenerationContext context) {
        this.context = context;
        this.discoveryOperation = context.model().operations().stream().filter(op -> op.routing().discoveryOperation()).findFirst();
    }

    /** The discovery operation, whose descriptor must be declared before every other (they refer to it). */
    Optional<Operation> discoveryOperation() {
        return discoveryOperation;
    }

    /** The calls that follow {@code OperationDescriptor.of(...)} for {@code op}; empty when none applies. */
    CodeBlock calls(Operation op) {
        CodeBlock.Builder code = CodeBlock.builder();
        Operation.Routing routing = op.routing();
        if (routing.hostPrefix() != null) {
            code.add("\n.withHostPrefix($L)", hostPrefix(op, routing.hostPrefix()));
        }
        if (routing.requestCompression()) {
            code.add("\n.withRequestCompression()");
        }
        if (routing.unsigned()) {
            code.add("\n.withoutSigning()");
        }
        if (routing.discovery() != Operation.Discovery.NONE && discoveryOperation.isPresent()) {
            code.add("\n.withEndpointDiscovery($L, $L, $L)", routing.discovery() == Operation.Discovery.REQUIRED,
                    DISCOVERY_CONSTANT, identifiers(op));
        }
        if (op.outputShape() != null) {
            code.add("\n.withResponseMetadata((response, metadata) -> response.toBuilder().responseMetadata(metadata).build())");
        }
        return code.build();
    }

    private CodeBlock hostPrefix(Operation op, String template) {
        List<String> labels = HostPrefixTemplate.parse(template).orElseThrow().labels();
        if (op.inputShape() == null) {
            return CodeBlock.of("$T.<$T>of($S, $T.of())", HOST_PREFIX, Void.class, template, Map.class);
        }
        ClassName request = context.classOf(op.inputShape());
        if (labels.isEmpty()) {
            return CodeBlock.of("$T.<$T>of($S, $T.of())", HOST_PREFIX, request, template, Map.class);
        }
        StructureShape input = (StructureShape) context.model().shape(op.inputShape());
        List<CodeBlock> entries = new ArrayList<>();
        for (String label : labels) {
            entries.add(CodeBlock.of("$S, $T::$N", label, request, member(input, label).javaName()));
        }
        return CodeBlock.of("$T.<$T>of($S, $T.of($L))", HOST_PREFIX, request, template, Map.class, CodeBlock.join(entries, ", "));
    }

    private CodeBlock identifiers(Operation op) {
        List<CodeBlock> pairs = new ArrayList<>();
        if (op.inputShape() != null) {
            for (Member member : ((StructureShape) context.model().shape(op.inputShape())).members()) {
                if (member.endpointDiscoveryId()) {
                    pairs.add(CodeBlock.of("$S, request.$N()", member.wireName(), member.javaName()));
                }
            }
        }
        return pairs.isEmpty() ? CodeBlock.of("request -> $T.of()", Map.class)
                : CodeBlock.of("request -> $T.identifiers($L)", DISCOVERY_OPERATION, CodeBlock.join(pairs, ", "));
    }

    /** The service's {@code ENDPOINT_DISCOVERY} constant: its discovery operation, how to ask it and read its answer. */
    Optional<FieldSpec> discoveryConstant(TypeName requestType, TypeName responseType, CodeBlock descriptor) {
        return discoveryOperation.map(op -> FieldSpec.builder(ParameterizedTypeName.get(DISCOVERY_OPERATION, requestType, responseType),
                        DISCOVERY_CONSTANT, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("How the client discovers endpoints: {@code $L}, asked for an operation and its identifiers.\n", op.name())
                .initializer("$T.of($L,\n$>$>$L,\n$L)$<$<", DISCOVERY_OPERATION, descriptor, discoveryRequest(op), endpoints(op))
                .build());
    }

    private CodeBlock discoveryRequest(Operation op) {
        if (op.inputShape() == null) {
            return CodeBlock.of("(operation, identifiers) -> null");
        }
        StructureShape input = (StructureShape) context.model().shape(op.inputShape());
        CodeBlock.Builder request = CodeBlock.builder().add("(operation, identifiers) -> $T.builder()", context.classOf(input));
        // Where the model asks for them (Smithy's clientEndpointDiscovery allows both), the discovery request names the
        // operation and its identifiers.
        Member operation = member(input, "Operation");
        if (operation != null) {
            request.add(".$N(operation)", operation.javaName());
        }
        Member identifiers = member(input, "Identifiers");
        if (identifiers != null) {
            request.add(".$N(identifiers)", identifiers.javaName());
        }
        return request.add(".build()").build();
    }

    private CodeBlock endpoints(Operation op) {
        StructureShape output = (StructureShape) context.model().shape(op.outputShape());
        Member endpoints = member(output, "Endpoints");
        ListShape list = (ListShape) context.model().shape(endpoints.targetShape());
        StructureShape endpoint = (StructureShape) context.model().shape(list.memberShape());
        return CodeBlock.of("response -> response.$N().stream()\n$>.map(endpoint -> $T.of(endpoint.$N(), endpoint.$N()))\n.toList()$<",
                endpoints.javaName(), DISCOVERED_ENDPOINT, member(endpoint, "Address").javaName(),
                member(endpoint, "CachePeriodInMinutes").javaName());
    }

    private static Member member(StructureShape shape, String wireName) {
        return shape.members().stream().filter(m -> m.wireName().equals(wireName)).findFirst().orElse(null);
    }
}
