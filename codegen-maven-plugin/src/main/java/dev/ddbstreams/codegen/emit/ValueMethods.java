package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.ddbstreams.codegen.model.Member;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/** {@code equals}, {@code hashCode} and {@code toString} over a shape's member fields. */
final class ValueMethods {

    private ValueMethods() {}

    static MethodSpec equalsMethod(ClassName self, List<Member> members) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("equals")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.BOOLEAN)
                .addParameter(Object.class, "other")
                .beginControlFlow("if (this == other)")
                .addStatement("return true")
                .endControlFlow();
        if (members.isEmpty()) {
            return method.addStatement("return other instanceof $T", self).build();
        }
        method.beginControlFlow("if (!(other instanceof $T))", self)
                .addStatement("return false")
                .endControlFlow()
                .addStatement("$T that = ($T) other", self, self);
        CodeBlock.Builder comparison = CodeBlock.builder();
        for (int i = 0; i < members.size(); i++) {
            String name = members.get(i).javaName();
            // this.x, not x: a member named "other" or "that" would otherwise mean the parameter or the local.
            comparison.add(i == 0 ? "" : "\n&& ").add("$T.equals(this.$N, that.$N)", Objects.class, name, name);
        }
        return method.addStatement("return $L", comparison.build()).build();
    }

    static MethodSpec hashCodeMethod(List<Member> members) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("hashCode")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT)
                .addStatement("int hash = 1");
        for (Member member : members) {
            method.addStatement("hash = 31 * hash + $T.hashCode(this.$N)", Objects.class, member.javaName());
        }
        return method.addStatement("return hash").build();
    }

    /** {@code ClassName(Member=..., ...)}: the Java class name, as the AWS SDK v2 prints it, and the members' wire names. */
    static MethodSpec toStringMethod(GenerationContext context, String className, List<Member> members) {
        CodeBlock.Builder chain = CodeBlock.builder().add("$T.of($S)", RuntimeTypes.TO_STRING_BUILDER, className);
        for (Member member : members) {
            chain.add("\n.$L($S, $N)", context.isSensitive(member.targetShape()) ? "addSensitive" : "add",
                    member.wireName(), member.javaName());
        }
        return MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return $L\n.build()", chain.build())
                .build();
    }
}
