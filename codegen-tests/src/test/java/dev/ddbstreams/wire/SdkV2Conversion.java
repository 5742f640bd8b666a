package dev.ddbstreams.wire;

import dev.ddbstreams.runtime.core.Bytes;
import dev.ddbstreams.wire.WireModel.Member;
import dev.ddbstreams.wire.WireModel.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Converts between the AWS SDK for Java v2's DynamoDB Streams shapes and ours, member by member as our model lists
 * them, through the SDK's own field metadata ({@link SdkPojo#sdkFields()}, keyed by wire name): so the differential
 * tests compare every member the model has, and a member the conversion missed would show as a difference rather
 * than be skipped on both sides.
 */
final class SdkV2Conversion {

    private static final String SDK_MODEL_PACKAGE = "software.amazon.awssdk.services.dynamodb.model";

    private final WireModel model;
    private final ShapeAccess access;

    SdkV2Conversion(WireModel model) {
        this.model = model;
        this.access = new ShapeAccess(model);
    }

    /** Our value of the shape, from the SDK's; absent (null or the SDK's auto-constructed empties) stays null. */
    Object toOurs(String shapeName, Object sdk) {
        if (sdk == null || sdk instanceof SdkAutoConstructList || sdk instanceof SdkAutoConstructMap) {
            return null;
        }
        Shape shape = model.shape(shapeName);
        if (shape.union()) {
            for (Member member : shape.members()) {
                Object value = toOurs(member.target(), field((SdkPojo) sdk, member).getValueOrDefault(sdk));
                if (value != null) {
                    return access.union(shape, member, value);
                }
            }
            throw new AssertionError("the SDK read a " + shapeName + " with no member set: " + sdk);
        }
        switch (shape.type()) {
            case "structure": {
                Map<String, Object> values = new HashMap<>();
                for (Member member : shape.members()) {
                    values.put(member.name(), toOurs(member.target(), field((SdkPojo) sdk, member).getValueOrDefault(sdk)));
                }
                return access.build(shape, values);
            }
            case "list": {
                List<Object> list = new ArrayList<>();
                ((List<?>) sdk).forEach(element -> list.add(toOurs(shape.element(), element)));
                return list;
            }
            case "map": {
                Map<String, Object> map = new LinkedHashMap<>();
                ((Map<?, ?>) sdk).forEach((key, value) -> map.put((String) key, toOurs(shape.value(), value)));
                return map;
            }
            case "blob":
                return Bytes.fromByteArray(((SdkBytes) sdk).asByteArray());
            default:
                // Strings (enums included, which both keep as their wire string), numbers, booleans, instants.
                return sdk;
        }
    }

    /** The SDK's value of the shape, from ours. */
    Object toSdk(String shapeName, Object ours) {
        if (ours == null) {
            return null;
        }
        Shape shape = model.shape(shapeName);
        if (shape.union()) {
            Member member = access.unionMember(shape, ours);
            if (member == null) {
                throw new IllegalArgumentException("the SDK cannot carry a member unknown to the model: " + ours);
            }
            SdkPojo builder = sdkBuilder(shapeName);
            field(builder, member).set(builder, toSdk(member.target(), access.unionValue(ours, member)));
            return ((SdkBuilder<?, ?>) builder).build();
        }
        switch (shape.type()) {
            case "structure": {
                SdkPojo builder = sdkBuilder(shapeName);
                for (Member member : shape.members()) {
                    Object value = access.get(ours, member);
                    if (value != null) {
                        field(builder, member).set(builder, toSdk(member.target(), value));
                    }
                }
                return ((SdkBuilder<?, ?>) builder).build();
            }
            case "list": {
                List<Object> list = new ArrayList<>();
                ((List<?>) ours).forEach(element -> list.add(toSdk(shape.element(), element)));
                return list;
            }
            case "map": {
                Map<String, Object> map = new LinkedHashMap<>();
                ((Map<?, ?>) ours).forEach((key, value) -> map.put((String) key, toSdk(shape.value(), value)));
                return map;
            }
            case "blob":
                return SdkBytes.fromByteArray(((Bytes) ours).asByteArray());
            default:
                return ours;
        }
    }

    private SdkPojo sdkBuilder(String shapeName) {
        String className = SDK_MODEL_PACKAGE + "." + model.javaSimpleName(shapeName);
        try {
            return (SdkPojo) Class.forName(className).getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the SDK has no " + className + ".builder()", e);
        }
    }

    private static SdkField<?> field(SdkPojo pojo, Member member) {
        for (SdkField<?> field : pojo.sdkFields()) {
            if (member.name().equals(field.locationName())) {
                return field;
            }
        }
        throw new IllegalStateException(pojo.getClass().getName() + " has no field for the wire name " + member.name());
    }
}
