package dev.ddbstreams.codegen.read;

import dev.ddbstreams.codegen.model.Constraints;
import dev.ddbstreams.codegen.model.EnumShape;
import dev.ddbstreams.codegen.model.ListShape;
import dev.ddbstreams.codegen.model.MapShape;
import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.ScalarShape;
import dev.ddbstreams.codegen.model.ScalarType;
import dev.ddbstreams.codegen.model.Shape;
import dev.ddbstreams.codegen.model.SourceLocation;
import dev.ddbstreams.codegen.model.StructureShape;
import dev.ddbstreams.codegen.model.StructureShape.ErrorInfo;
import dev.ddbstreams.codegen.model.StructureShape.Role;
import dev.ddbstreams.codegen.model.TimestampFormat;
import dev.ddbstreams.codegen.model.UnionShape;
import dev.ddbstreams.codegen.naming.JavaNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.smithy.model.node.Node;
import software.amazon.smithy.model.node.StringNode;
import software.amazon.smithy.model.shapes.MemberShape;
import software.amazon.smithy.model.shapes.ShapeId;
import software.amazon.smithy.model.shapes.ShapeType;
import software.amazon.smithy.model.traits.DeprecatedTrait;
import software.amazon.smithy.model.traits.ErrorTrait;
import software.amazon.smithy.model.traits.HttpErrorTrait;
import software.amazon.smithy.model.traits.IdempotencyTokenTrait;
import software.amazon.smithy.model.traits.LengthTrait;
import software.amazon.smithy.model.traits.MediaTypeTrait;
import software.amazon.smithy.model.traits.PatternTrait;
import software.amazon.smithy.model.traits.RangeTrait;
import software.amazon.smithy.model.traits.RequiredTrait;
import software.amazon.smithy.model.traits.SensitiveTrait;
import software.amazon.smithy.model.traits.TimestampFormatTrait;
import software.amazon.smithy.model.traits.Trait;

/**
 * Turns the data shapes of a Smithy service into the intermediate model's shapes, so that a shape written in
 * Smithy becomes what the same shape written in C2J becomes: {@code @error} makes an error (code = shape name,
 * status from {@code @httpError}, a fault when {@code "server"}), {@code @required} a required member, a union a
 * union, {@code enum} (or a string with the Smithy 1.0 {@code @enum} trait) an enum of its values,
 * {@code @length}/{@code @range}/{@code @pattern} the constraints, {@code @sensitive} a redacted value, and
 * {@code @documentation}/{@code @deprecated} what they say. An {@code intEnum} is an integer, as in the C2J
 * files AWS derives from Smithy. {@code @timestampFormat} (on a timestamp or a member), {@code @idempotencyToken},
 * a string's {@code @mediaType("application/json")} (C2J's {@code jsonvalue}) and a {@code document} shape become
 * what C2J's equivalents become; {@code @aws.protocols#awsQueryError} gives an error its query code.
 */
final class SmithyShapes {

    /** AWS's trait for the code a query-protocol service gave an error, kept by services that moved to JSON. */
    static final ShapeId AWS_QUERY_ERROR = ShapeId.from("aws.protocols#awsQueryError");
    /** AWS's trait for a member whose value identifies the resource whose endpoint is discovered. */
    static final ShapeId CLIENT_ENDPOINT_DISCOVERY_ID = ShapeId.from("aws.api#clientEndpointDiscoveryId");

    private final SmithyContext context;
    private final Set<String> declaredUnions;

    SmithyShapes(SmithyContext context, Set<String> declaredUnions) {
        this.context = context;
        this.declaredUnions = declaredUnions;
    }

    /** The shape, or empty when it cannot be generated (a problem is recorded). */
    Optional<Shape> read(software.amazon.smithy.model.shapes.Shape shape) {
        String name = context.name(shape.getId());
        String doc = SmithyContext.documentation(shape);
        SourceLocation location = context.location(shape);
        ShapeType type = shape.getType();
        switch (type) {
            case STRUCTURE:
                return Optional.of(structure(shape, name, doc));
            case UNION:
                return Optional.of(new UnionShape(name, JavaNames.className(name), members(shape, true, false), doc, location));
            case LIST:
            case SET: {
                MemberShape member = shape.asListShape().orElseThrow().getMember();
                refuseElementFormat(member, "shape \"" + name + "\" member");
                return Optional.of(new ListShape(name, target(member), constraints(shape), doc, location));
            }
            case MAP: {
                var map = shape.asMapShape().orElseThrow();
                refuseElementFormat(map.getValue(), "shape \"" + name + "\" value");
                return Optional.of(new MapShape(name, target(map.getKey()), target(map.getValue()), constraints(shape), doc, location));
            }
            case ENUM:
                return Optional.of(enumShape(name, shape.asEnumShape().orElseThrow().getEnumValues().values(), doc, location));
            case STRING: {
                // A Smithy 1.0 string with the @enum trait; names are made up for values without one, as they are not used.
                Optional<software.amazon.smithy.model.shapes.EnumShape> legacyEnum =
                        software.amazon.smithy.model.shapes.EnumShape.fromStringShape(shape.asStringShape().orElseThrow(), true);
                if (legacyEnum.isPresent()) {
                    return Optional.of(enumShape(name, legacyEnum.get().getEnumValues().values(), doc, location));
                }
                return Optional.of(scalar(shape, name, ScalarType.STRING, doc));
            }
            case INT_ENUM:
                return Optional.of(scalar(shape, name, ScalarType.INTEGER, doc));
            default: {
                Optional<ScalarType> scalar = ScalarType.fromModelName(type.toString());
                if (scalar.isEmpty()) {
                    context.problem(shape, "shape \"" + name + "\" has type \"" + type + "\", which this generator does not support "
                            + "(supported: structure, union, list, map, enum, intEnum, string, boolean, byte, short, integer, long, float, "
                            + "double, bigInteger, bigDecimal, timestamp, blob)");
                    return Optional.empty();
                }
                return Optional.of(scalar(shape, name, scalar.get(), doc));
            }
        }
    }

    private Shape structure(software.amazon.smithy.model.shapes.Shape shape, String name, String doc) {
        SourceLocation location = context.location(shape);
        if (declaredUnions.contains(name)) {
            return new UnionShape(name, JavaNames.className(name), members(shape, true, false), doc, location);
        }
        Optional<ErrorTrait> error = shape.getTrait(ErrorTrait.class);
        if (error.isPresent()) {
            int status = shape.getTrait(HttpErrorTrait.class).map(HttpErrorTrait::getCode).orElse(0);
            // The code on the wire is the shape's own name, even when the service renames the shape; a service that has
            // moved from the query protocol also names it by its query code, which C2J files give as the error's code.
            String code = shape.findTrait(AWS_QUERY_ERROR).map(Trait::toNode).flatMap(Node::asObjectNode)
                    .flatMap(node -> node.getStringMember("code")).map(StringNode::getValue).orElse(shape.getId().getName());
            ErrorInfo info = new ErrorInfo(code, status, error.get().isServerError());
            return new StructureShape(name, JavaNames.exceptionClassName(name), Role.ERROR, members(shape, false, true), info, doc, location);
        }
        // Operations' inputs and outputs are named after their operations once every shape is read (ModelNaming).
        return new StructureShape(name, JavaNames.className(name), Role.PLAIN, members(shape, false, false), null, doc, location);
    }

    private List<Member> members(software.amazon.smithy.model.shapes.Shape shape, boolean union, boolean error) {
        List<Member> members = new ArrayList<>();
        for (Map.Entry<String, MemberShape> entry : shape.getAllMembers().entrySet()) {
            String wireName = entry.getKey();
            MemberShape member = entry.getValue();
            if (union && member.getTarget().equals(ShapeId.from("smithy.api#Unit"))) {
                context.problem(member, "shape \"" + context.name(shape.getId()) + "\" member \"" + wireName
                        + "\" targets smithy.api#Unit; union members without a value are not supported");
                continue;
            }
            String javaName = union ? JavaNames.unionMemberName(wireName, context.name(shape.getId()))
                    : error ? JavaNames.exceptionMemberName(wireName) : JavaNames.memberName(wireName);
            members.add(new Member(wireName, javaName, target(member), member.hasTrait(RequiredTrait.class),
                    member.hasTrait(DeprecatedTrait.class), SmithyContext.documentation(member), context.location(member),
                    timestampFormat(member).orElse(null), member.hasTrait(IdempotencyTokenTrait.class), isJsonText(member),
                    member.hasTrait(CLIENT_ENDPOINT_DISCOVERY_ID)));
        }
        return members;
    }

    private String target(MemberShape member) {
        return context.name(member.getTarget());
    }

    /** The {@code @timestampFormat} of a timestamp shape or member; Smithy has checked its value already. */
    private static Optional<TimestampFormat> timestampFormat(software.amazon.smithy.model.shapes.Shape shape) {
        return shape.getTrait(TimestampFormatTrait.class).flatMap(trait -> TimestampFormat.fromSmithy(trait.getValue()));
    }

    /** A string of media type {@code application/json} (or {@code +json}): JSON text, what C2J calls {@code jsonvalue}. */
    private boolean isJsonText(MemberShape member) {
        return context.model().getShape(member.getTarget())
                .flatMap(target -> target.getTrait(MediaTypeTrait.class))
                .map(MediaTypeTrait::getValue)
                .filter(type -> type.equals("application/json") || type.endsWith("+json"))
                .isPresent();
    }

    /**
     * A list element or map value takes its timestamp format from its target shape; a format on the member itself
     * would be lost, so it is refused rather than ignored.
     */
    private void refuseElementFormat(MemberShape member, String what) {
        if (member.hasTrait(TimestampFormatTrait.class)) {
            context.problem(member, what + " has @timestampFormat, which this generator supports on timestamp shapes and "
                    + "structure members only; put it on the timestamp shape");
        }
    }

    private EnumShape enumShape(String name, Collection<String> wireValues, String doc, SourceLocation location) {
        List<EnumShape.EnumValue> values = wireValues.stream()
                .map(value -> new EnumShape.EnumValue(value, JavaNames.enumConstant(value)))
                .toList();
        return new EnumShape(name, JavaNames.className(name), values, doc, location);
    }

    private ScalarShape scalar(software.amazon.smithy.model.shapes.Shape shape, String name, ScalarType type, String doc) {
        return new ScalarShape(name, type, constraints(shape), shape.hasTrait(SensitiveTrait.class), doc, context.location(shape),
                type == ScalarType.TIMESTAMP ? timestampFormat(shape).orElse(null) : null);
    }

    /** {@code @length} for strings, blobs, lists and maps, {@code @range} for numbers; either becomes min and max. */
    private static Constraints constraints(software.amazon.smithy.model.shapes.Shape shape) {
        Optional<LengthTrait> length = shape.getTrait(LengthTrait.class);
        Optional<RangeTrait> range = shape.getTrait(RangeTrait.class);
        Long min = length.flatMap(LengthTrait::getMin).orElse(range.flatMap(RangeTrait::getMin).map(Number::longValue).orElse(null));
        Long max = length.flatMap(LengthTrait::getMax).orElse(range.flatMap(RangeTrait::getMax).map(Number::longValue).orElse(null));
        String pattern = shape.getTrait(PatternTrait.class).map(PatternTrait::getValue).orElse(null);
        return new Constraints(min, max, pattern);
    }
}
