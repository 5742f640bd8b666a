package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.ddbstreams.codegen.model.EnumShape;
import dev.ddbstreams.codegen.model.ListShape;
import dev.ddbstreams.codegen.model.MapShape;
import dev.ddbstreams.codegen.model.ScalarShape;
import dev.ddbstreams.codegen.model.ServiceModel;
import dev.ddbstreams.codegen.model.Shape;
import dev.ddbstreams.codegen.model.StructureShape;
import dev.ddbstreams.codegen.model.UnionShape;
import dev.ddbstreams.codegen.naming.JavaNames;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What every emitter needs to know besides its own shape: the model, the packages, and how a shape is typed in
 * Java. Enums are held as their wire strings so that values unknown to this client survive; their accessors
 * convert.
 */
public final class GenerationContext {

    private final ServiceModel model;
    private final String basePackage;

    public GenerationContext(ServiceModel model, String basePackage) {
        this.model = model;
        this.basePackage = basePackage;
    }

    public ServiceModel model() {
        return model;
    }

    /** The package of the client interface and its builder. */
    public String basePackage() {
        return basePackage;
    }

    /** The package of shapes, enums and exceptions. */
    public String modelPackage() {
        return basePackage + ".model";
    }

    /** The package of code that only generated code calls (JSON marshalling). */
    public String internalPackage() {
        return basePackage + ".internal";
    }

    /** The package of paginators. */
    public String paginatorsPackage() {
        return basePackage + ".paginators";
    }

    /** The package of waiters. */
    public String waitersPackage() {
        return basePackage + ".waiters";
    }

    /** The generated client interface. */
    public ClassName clientInterface() {
        return ClassName.get(basePackage, model.info().clientBaseName() + "Client");
    }

    /** The service's base exception, under which every modeled error sits. */
    public ClassName baseException() {
        return ClassName.get(modelPackage(), JavaNames.baseExceptionName(model.info().clientBaseName()));
    }

    /** The JSON codec class of a structure, union, list or map, as the model names it. */
    public ClassName codecOf(String shapeName) {
        String name = model.codecNames().get(shapeName);
        if (name == null) {
            throw new IllegalArgumentException("shape " + shapeName + " has no JSON codec");
        }
        return ClassName.get(internalPackage(), name);
    }

    /** The generated class of a structure, union, error or enum. */
    public ClassName classOf(Shape shape) {
        if (shape instanceof StructureShape s) {
            return ClassName.get(modelPackage(), s.javaName());
        }
        if (shape instanceof UnionShape u) {
            return ClassName.get(modelPackage(), u.javaName());
        }
        if (shape instanceof EnumShape e) {
            return ClassName.get(modelPackage(), e.javaName());
        }
        throw new IllegalArgumentException("shape " + shape.name() + " has no class of its own");
    }

    public ClassName classOf(String shapeName) {
        return classOf(model.shape(shapeName));
    }

    /** How values of a shape are held and passed in Java (enums as their wire strings). */
    public TypeName storageType(String shapeName) {
        Shape shape = model.shape(shapeName);
        if (shape instanceof ScalarShape s) {
            return scalarType(s);
        }
        if (shape instanceof EnumShape) {
            return ClassName.get(String.class);
        }
        if (shape instanceof ListShape l) {
            return ParameterizedTypeName.get(ClassName.get(List.class), storageType(l.memberShape()));
        }
        if (shape instanceof MapShape m) {
            return ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), storageType(m.valueShape()));
        }
        return classOf(shape);
    }

    public boolean isEnum(String shapeName) {
        return model.shape(shapeName) instanceof EnumShape;
    }

    public boolean isCollection(String shapeName) {
        Shape shape = model.shape(shapeName);
        return shape instanceof ListShape || shape instanceof MapShape;
    }

    public boolean isStructure(String shapeName) {
        return model.shape(shapeName) instanceof StructureShape;
    }

    public boolean isSensitive(String shapeName) {
        return model.shape(shapeName) instanceof ScalarShape s && s.sensitive();
    }

    private static TypeName scalarType(ScalarShape shape) {
        switch (shape.type()) {
            case STRING:
                return ClassName.get(String.class);
            case BOOLEAN:
                return ClassName.get(Boolean.class);
            case BYTE:
                return ClassName.get(Byte.class);
            case SHORT:
                return ClassName.get(Short.class);
            case INTEGER:
                return ClassName.get(Integer.class);
            case LONG:
                return ClassName.get(Long.class);
            case FLOAT:
                return ClassName.get(Float.class);
            case DOUBLE:
                return ClassName.get(Double.class);
            case BIG_INTEGER:
                return ClassName.get(BigInteger.class);
            case BIG_DECIMAL:
                return ClassName.get(BigDecimal.class);
            case TIMESTAMP:
                return ClassName.get(Instant.class);
            case BLOB:
                return RuntimeTypes.BYTES;
            case DOCUMENT:
                return RuntimeTypes.DOCUMENT;
            default:
                throw new IllegalStateException("unmapped scalar type " + shape.type());
        }
    }
}
