package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.ddbstreams.codegen.model.StructureShape;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;

/**
 * What an operation's request class has beyond its members: the AWS SDK for Java v2's
 * {@code overrideConfiguration}, which changes how one call is made (headers, query parameters, timeouts,
 * credentials, interceptors, metric publishers) and is never serialized. The request implements the runtime's
 * {@code OverridableRequest}, its builder gets the two setters, and {@code toBuilder()} keeps the configuration, so
 * paginators and waiters, which derive every request from the caller's, carry it along.
 *
 * <p>Equality follows the SDK: {@code equalsBySdkFields} compares the modeled members alone, {@code equals} also the
 * override configurations. {@code hashCode} stays over the members alone, which keeps it consistent with
 * {@code equals}. For every other structure all methods here do nothing, so {@link StructureEmitter} calls them
 * unconditionally.
 */
final class RequestOverrideMembers {

    static final ClassName OVERRIDE_CONFIGURATION = ClassName.get("dev.ddbstreams.runtime.override", "RequestOverrideConfiguration");
    static final ClassName OVERRIDABLE_REQUEST = ClassName.get("dev.ddbstreams.runtime.override", "OverridableRequest");
    private static final String FIELD = "overrideConfiguration";

    private final boolean applies;
    private final ClassName self;
    private final ClassName builder;

    RequestOverrideMembers(StructureShape shape, ClassName self) {
        this.applies = shape.role() == StructureShape.Role.REQUEST;
        this.self = self;
        this.builder = self.nestedClass("Builder");
    }

    /** The field, its accessor and its copy from the builder in {@code constructor}. */
    void addTo(TypeSpec.Builder type, MethodSpec.Builder constructor) {
        if (!applies) {
            return;
        }
        type.addSuperinterface(OVERRIDABLE_REQUEST)
                .addField(OVERRIDE_CONFIGURATION, FIELD, Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.methodBuilder(FIELD)
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), OVERRIDE_CONFIGURATION))
                        .addJavadoc("What this request changes about its own call (headers, query parameters, timeouts, credentials,\n"
                                + "interceptors, metric publishers); empty when nothing. Never sent as part of the request.\n")
                        .addStatement("return $T.ofNullable($N)", Optional.class, FIELD)
                        .build());
        constructor.addStatement("this.$N = builder.$N", FIELD, FIELD);
    }

    /** {@code equals} as the generated members' equality, plus the override configuration's for requests. */
    void addEquals(TypeSpec.Builder type, MethodSpec membersEquality) {
        if (!applies) {
            type.addMethod(membersEquality);
            return;
        }
        MethodSpec.Builder bySdkFields = MethodSpec.methodBuilder("equalsBySdkFields")
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.BOOLEAN)
                .addJavadoc("Whether {@code other} is a {@link $T} with equal members, whatever their override configurations.\n", self)
                .addCode(membersEquality.code());
        membersEquality.parameters().forEach(bySdkFields::addParameter);
        String other = membersEquality.parameters().get(0).name();
        type.addMethod(bySdkFields.build());
        type.addMethod(MethodSpec.methodBuilder("equals")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.BOOLEAN)
                .addJavadoc("Whether {@code $N} has equal members and an equal override configuration, as in the AWS SDK for Java v2.\n", other)
                .addParameter(Object.class, other)
                .addStatement("return equalsBySdkFields($N) && $T.equals($N, (($T) $N).$N)", other, Objects.class, FIELD, self, other, FIELD)
                .build());
    }

    /** The builder's field, its copy in the {@code copying} constructor, and the two setters. */
    void addToBuilder(TypeSpec.Builder type, MethodSpec.Builder copying) {
        if (!applies) {
            return;
        }
        type.addField(OVERRIDE_CONFIGURATION, FIELD, Modifier.PRIVATE);
        copying.addStatement("this.$N = source.$N", FIELD, FIELD);
        ClassName configurationBuilder = OVERRIDE_CONFIGURATION.nestedClass("Builder");
        type.addMethod(MethodSpec.methodBuilder(FIELD)
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addJavadoc("Sets {@link $T#$N()}: what this request changes about its own call; null for nothing.\n", self, FIELD)
                .addParameter(OVERRIDE_CONFIGURATION, FIELD)
                .addStatement("this.$N = $N", FIELD, FIELD)
                .addStatement("return this")
                .build());
        type.addMethod(MethodSpec.methodBuilder(FIELD)
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addJavadoc("Changes {@link $T#$N()} with {@code $N}, starting from what was set before:\n"
                        + "{@code .overrideConfiguration(o -> o.putHeader(\"x-trace-id\", id).apiCallTimeout(Duration.ofSeconds(2)))}.\n",
                        self, FIELD, FIELD)
                .addParameter(ParameterizedTypeName.get(ClassName.get(Consumer.class), configurationBuilder), FIELD)
                .addStatement("$T.requireNonNull($N, $S)", Objects.class, FIELD, FIELD)
                .addStatement("$T builder = this.$N == null ? $T.builder() : this.$N.toBuilder()",
                        configurationBuilder, FIELD, OVERRIDE_CONFIGURATION, FIELD)
                .addStatement("$N.accept(builder)", FIELD)
                .addStatement("this.$N = builder.build()", FIELD)
                .addStatement("return this")
                .build());
    }
}
