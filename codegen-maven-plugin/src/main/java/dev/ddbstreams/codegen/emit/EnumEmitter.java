package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.ddbstreams.codegen.model.EnumShape;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * An enum for a string shape with known values. {@code UNKNOWN_TO_SDK_VERSION} stands for a value this client
 * does not know, so that a service adding a value never breaks an older client; the raw value stays readable
 * through the {@code xAsString()} accessor of the shape that holds it.
 */
final class EnumEmitter implements FileEmitter {

    static final String UNKNOWN = "UNKNOWN_TO_SDK_VERSION";

    private final GenerationContext context;
    private final EnumShape shape;

    EnumEmitter(GenerationContext context, EnumShape shape) {
        this.context = context;
        this.shape = shape;
    }

    @Override
    public JavaFile emit() {
        ClassName self = context.classOf(shape);
        TypeSpec.Builder type = TypeSpec.enumBuilder(self)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("$L", Javadocs.fromModel(shape.documentation()));
        for (EnumShape.EnumValue value : shape.values()) {
            type.addEnumConstant(value.constantName(), TypeSpec.anonymousClassBuilder("$S", value.wireValue())
                    .addJavadoc("The value {@code $L}.\n", Javadocs.escapePlain(value.wireValue()))
                    .build());
        }
        type.addEnumConstant(UNKNOWN, TypeSpec.anonymousClassBuilder("null")
                .addJavadoc("A value this version of the client does not know; the raw value is kept by the shape that holds it.\n")
                .build());

        ParameterizedTypeName lookupType = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), self);
        type.addField(FieldSpec.builder(lookupType, "BY_VALUE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("byValue()")
                .build());
        type.addField(String.class, "value", Modifier.PRIVATE, Modifier.FINAL);
        type.addMethod(MethodSpec.constructorBuilder()
                .addParameter(String.class, "value")
                .addStatement("this.value = value")
                .build());
        type.addMethod(MethodSpec.methodBuilder("fromValue")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self)
                .addParameter(String.class, "value")
                .addJavadoc("The constant for a wire value: null for null, {@link #$L} for a value this client does not know.\n", UNKNOWN)
                .addStatement("return value == null ? null : BY_VALUE.getOrDefault(value, $L)", UNKNOWN)
                .build());
        type.addMethod(MethodSpec.methodBuilder("knownValues")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(ClassName.get(Set.class), self))
                .addJavadoc("Every value this client knows, without {@link #$L}.\n", UNKNOWN)
                .addStatement("$T<$T> known = $T.allOf($T.class)", Set.class, self, EnumSet.class, self)
                .addStatement("known.remove($L)", UNKNOWN)
                .addStatement("return $T.unmodifiableSet(known)", Collections.class)
                .build());
        type.addMethod(MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addJavadoc("The wire value; {@link #$L}, which has none, gives its own name.\n", UNKNOWN)
                .addStatement("return value == null ? name() : value")
                .build());
        type.addMethod(MethodSpec.methodBuilder("byValue")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(lookupType)
                .addStatement("$T<$T, $T> map = new $T<>()", Map.class, String.class, self, HashMap.class)
                .beginControlFlow("for ($T constant : values())", self)
                .beginControlFlow("if (constant.value != null)")
                .addStatement("map.put(constant.value, constant)")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return $T.unmodifiableMap(map)", Collections.class)
                .build());
        return JavaFiles.of(context.modelPackage(), type.build());
    }
}
