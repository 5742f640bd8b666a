package dev.ddbstreams.wire;

import dev.ddbstreams.runtime.core.Bytes;
import dev.ddbstreams.wire.WireModel.Member;
import dev.ddbstreams.wire.WireModel.Shape;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds and takes apart the generated shapes by reflection, guided by the model: the tests can then generate,
 * copy and convert every shape without naming a single generated method. Members are found by their wire name
 * under the generator's documented Java naming (lower camel case, {@code NULL} escaped as {@code nul}).
 */
final class ShapeAccess {

    private final WireModel model;
    // Reflection looked up once per class and member: generators call these millions of times.
    private final Map<String, Method> methods = new ConcurrentHashMap<>();

    ShapeAccess(WireModel model) {
        this.model = model;
    }

    /** A structure built from member values keyed by wire name; a missing or null value leaves the member absent. */
    Object build(Shape structure, Map<String, Object> memberValues) {
        Object builder = invoke(null, cached("builder " + structure.name(),
                () -> method(model.javaClass(structure.name()), "builder")));
        for (Member member : structure.members()) {
            Object value = memberValues.get(member.name());
            if (value != null) {
                set(builder, member, value);
            }
        }
        return buildFrom(builder);
    }

    /** Calls the builder's setter for {@code member}: the overload that takes the member's raw Java type. */
    void set(Object builder, Member member, Object value) {
        invoke(builder, cached("set " + builder.getClass().getName() + " " + member.name(), () -> {
            Class<?> parameter = rawJavaType(member.target());
            for (Method setter : builder.getClass().getMethods()) {
                if (setter.getParameterCount() == 1 && setter.getParameterTypes()[0] == parameter
                        && nameMatches(setter.getName(), member.name())) {
                    return setter;
                }
            }
            throw new IllegalStateException(builder.getClass().getName() + " has no setter for " + member.name()
                    + " taking " + parameter.getSimpleName());
        }), value);
    }

    /** {@code value.toBuilder().build()}. */
    Object copyThroughBuilder(Object value) {
        return buildFrom(toBuilder(value));
    }

    Object toBuilder(Object value) {
        return invoke(value, cached("toBuilder " + value.getClass().getName(),
                () -> method(value.getClass(), "toBuilder")));
    }

    Object buildFrom(Object builder) {
        return invoke(builder, cached("build " + builder.getClass().getName(),
                () -> method(builder.getClass(), "build")));
    }

    /** A member's raw value: null when absent, an enum member as its wire string. */
    Object get(Object structure, Member member) {
        Shape target = model.shape(member.target());
        Class<?> type = structure.getClass();
        if (target.type().equals("list") || target.type().equals("map")) {
            boolean present = (Boolean) invoke(structure, accessor(type, "has", member.name(), ""));
            return present ? invoke(structure, accessor(type, "", member.name(), "")) : null;
        }
        if (target.isEnum()) {
            return invoke(structure, accessor(type, "", member.name(), "AsString"));
        }
        return invoke(structure, accessor(type, "", member.name(), ""));
    }

    private Method cached(String key, java.util.function.Supplier<Method> lookup) {
        Method method = methods.get(key);
        if (method == null) {
            method = lookup.get();
            method.setAccessible(true);
            methods.put(key, method);
        }
        return method;
    }

    /** The union value with {@code member} set to {@code value}, made by the union's {@code from<Member>} factory. */
    Object union(Shape union, Member member, Object value) {
        return invoke(null, cached("from " + union.name() + " " + member.name(), () -> {
            Class<?> type = model.javaClass(union.name());
            for (Method factory : type.getMethods()) {
                if (Modifier.isStatic(factory.getModifiers()) && factory.getParameterCount() == 1
                        && factory.getName().startsWith("from")
                        && nameMatches(factory.getName().substring(4), member.name())) {
                    return factory;
                }
            }
            throw new IllegalStateException(type.getName() + " has no factory for " + member.name());
        }), value);
    }

    /** The member a union value has set, or null when it is a member this client does not know. */
    Member unionMember(Shape union, Object value) {
        String variant = ((Enum<?>) invoke(value, cached("type " + value.getClass().getName(),
                () -> method(value.getClass(), "type")))).name();
        return union.members().stream().filter(m -> nameMatches(variant, m.name())).findFirst().orElse(null);
    }

    /** The value of the member a union value has set. */
    Object unionValue(Object value, Member member) {
        return invoke(value, accessor(value.getClass(), "", member.name(), ""));
    }

    /** The Java type a setter takes for a value of the shape: what the generated code calls its raw type. */
    Class<?> rawJavaType(String shapeName) {
        Shape shape = model.shape(shapeName);
        switch (shape.type()) {
            case "structure":
                return model.javaClass(shapeName);
            case "list":
                return Collection.class;
            case "map":
                return Map.class;
            case "string":
                return String.class;
            case "integer":
                return Integer.class;
            case "long":
                return Long.class;
            case "boolean":
                return Boolean.class;
            case "double":
                return Double.class;
            case "float":
                return Float.class;
            case "timestamp":
                return Instant.class;
            case "blob":
                return Bytes.class;
            default:
                throw new IllegalArgumentException("no Java type for " + shape.type() + " shape " + shapeName);
        }
    }

    /**
     * Whether a generated Java name is the one for a wire name: the same letters in any case, possibly escaped
     * with a {@code Value} suffix, and {@code NULL} as {@code nul} (the AWS SDK for Java v2's names).
     */
    static boolean nameMatches(String javaName, String wireName) {
        String java = javaName.toLowerCase(Locale.ROOT);
        String wire = wireName.toLowerCase(Locale.ROOT);
        return java.equals(wire) || java.equals(wire + "value") || (wire.equals("null") && java.equals("nul"));
    }

    private Method accessor(Class<?> type, String prefix, String wireName, String suffix) {
        return cached("get " + type.getName() + " " + prefix + wireName + suffix,
                () -> findAccessor(type, prefix, wireName, suffix));
    }

    private static Method findAccessor(Class<?> type, String prefix, String wireName, String suffix) {
        for (Method method : type.getMethods()) {
            String name = method.getName();
            if (method.getParameterCount() == 0 && name.startsWith(prefix) && name.endsWith(suffix)
                    && name.length() > prefix.length() + suffix.length()
                    && nameMatches(name.substring(prefix.length(), name.length() - suffix.length()), wireName)) {
                return method;
            }
        }
        throw new IllegalStateException(type.getName() + " has no accessor " + prefix + "<" + wireName + ">" + suffix);
    }

    private static Method method(Class<?> type, String name) {
        try {
            return type.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " has no method " + name + "()", e);
        }
    }

    private static Object invoke(Object target, Method method, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
