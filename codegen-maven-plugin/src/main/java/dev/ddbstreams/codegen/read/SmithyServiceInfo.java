package dev.ddbstreams.codegen.read;

import dev.ddbstreams.codegen.model.ServiceInfo;
import dev.ddbstreams.codegen.naming.JavaNames;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.smithy.model.node.Node;
import software.amazon.smithy.model.node.ObjectNode;
import software.amazon.smithy.model.shapes.ServiceShape;
import software.amazon.smithy.model.shapes.ShapeId;
import software.amazon.smithy.model.traits.TitleTrait;
import software.amazon.smithy.model.traits.Trait;

/**
 * The service-wide facts of a Smithy service, from the traits AWS puts on it; the same facts a C2J file keeps in
 * {@code metadata}. The AWS traits are read by id from their values, so the reader needs no AWS trait library.
 *
 * <ul>
 *   <li>{@code @aws.protocols#awsJson1_0} / {@code awsJson1_1}: protocol {@code json}, JSON version 1.0 / 1.1;
 *   <li>the service shape's name: the {@code X-Amz-Target} prefix ({@code DynamoDBStreams_20120810});
 *   <li>{@code @aws.api#service}: {@code sdkId} is the service id, {@code endpointPrefix} the host prefix (by
 *       default {@code arnNamespace}, and without the trait the service name in lower case);
 *   <li>{@code @aws.auth#sigv4}: {@code name} is the signing name (by default the endpoint prefix);
 *   <li>{@code @title}: the full name; the service's {@code version}: the API version;
 *   <li>{@code @aws.protocols#awsQueryCompatible}: errors also carry their query codes.
 * </ul>
 */
final class SmithyServiceInfo {

    static final ShapeId AWS_SERVICE = ShapeId.from("aws.api#service");
    static final ShapeId SIGV4 = ShapeId.from("aws.auth#sigv4");
    static final ShapeId AWS_JSON_1_0 = ShapeId.from("aws.protocols#awsJson1_0");
    static final ShapeId AWS_JSON_1_1 = ShapeId.from("aws.protocols#awsJson1_1");
    static final ShapeId AWS_QUERY_COMPATIBLE = ShapeId.from("aws.protocols#awsQueryCompatible");

    private SmithyServiceInfo() {}

    /** The facts, or empty (with a problem recorded) when the service does not use a protocol this generator emits. */
    static Optional<ServiceInfo> read(SmithyContext context) {
        ServiceShape service = context.service();
        String jsonVersion;
        if (service.hasTrait(AWS_JSON_1_0)) {
            jsonVersion = "1.0";
        } else if (service.hasTrait(AWS_JSON_1_1)) {
            jsonVersion = "1.1";
        } else {
            String protocols = service.getAllTraits().keySet().stream()
                    .filter(id -> id.getNamespace().equals("aws.protocols") || id.getNamespace().startsWith("smithy.protocols"))
                    .map(ShapeId::toString)
                    .sorted()
                    .collect(Collectors.joining(", "));
            context.problem(service, "service \"" + service.getId() + "\" has " + (protocols.isEmpty() ? "no protocol trait" : "the protocol " + protocols)
                    + "; this generator emits clients for the AWS JSON protocol only: the service needs @aws.protocols#awsJson1_0 or @aws.protocols#awsJson1_1");
            return Optional.empty();
        }
        ObjectNode awsService = traitValue(service, AWS_SERVICE);
        String name = service.getId().getName();
        String serviceId = awsService.getStringMemberOrDefault("sdkId", name);
        String endpointPrefix = awsService.getStringMember("endpointPrefix")
                .or(() -> awsService.getStringMember("arnNamespace"))
                .map(node -> node.getValue())
                .orElse(name.toLowerCase(Locale.ROOT));
        String signingName = traitValue(service, SIGV4).getStringMemberOrDefault("name", endpointPrefix);
        String fullName = service.getTrait(TitleTrait.class).map(TitleTrait::getValue).orElse(serviceId);
        return Optional.of(new ServiceInfo(serviceId, fullName, service.getVersion(), "json", jsonVersion, name, signingName,
                endpointPrefix, SmithyContext.documentation(service), JavaNames.serviceBaseName(serviceId),
                service.hasTrait(AWS_QUERY_COMPATIBLE)));
    }

    /** A trait's value as an object, empty when the shape does not have the trait (or it is not an object). */
    private static ObjectNode traitValue(ServiceShape service, ShapeId trait) {
        return service.findTrait(trait).map(Trait::toNode).flatMap(Node::asObjectNode).orElse(Node.objectNode());
    }
}
