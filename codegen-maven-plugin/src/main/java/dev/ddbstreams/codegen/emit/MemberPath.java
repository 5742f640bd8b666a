package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.Shape;
import dev.ddbstreams.codegen.model.StructureShape;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * A path of member names through nested structures (a paginator's {@code StreamDescription.LastEvaluatedShardId}),
 * resolved against the model and turned into null-safe accessor calls. The model is validated, so every step
 * resolves.
 */
final class MemberPath {

    private final GenerationContext context;
    private final List<Member> members = new ArrayList<>();

    MemberPath(GenerationContext context, StructureShape start, List<String> wireNames) {
        this.context = context;
        StructureShape current = start;
        for (int i = 0; i < wireNames.size(); i++) {
            String wireName = wireNames.get(i);
            Member member = current.members().stream()
                    .filter(m -> m.wireName().equals(wireName))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("unvalidated path " + wireNames));
            members.add(member);
            if (i < wireNames.size() - 1) {
                current = (StructureShape) context.model().shape(member.targetShape());
            }
        }
    }

    /** The shape at the end of the path. */
    Shape target() {
        return context.model().shape(last().targetShape());
    }

    Member last() {
        return members.get(members.size() - 1);
    }

    /**
     * A private static method that follows the path from {@code root} and returns the last member's value, or
     * {@code whenAbsent} where a structure on the way is absent.
     */
    MethodSpec getter(String name, TypeName rootType, CodeBlock whenAbsent) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(context.storageType(last().targetShape()))
                .addParameter(rootType, "response");
        String current = "response";
        for (int i = 0; i < members.size() - 1; i++) {
            Member member = members.get(i);
            String variable = member.javaName().equals("response") ? "nested" + i : member.javaName();
            method.addStatement("$T $N = $N.$N()", context.classOf(member.targetShape()), variable, current, member.javaName());
            method.beginControlFlow("if ($N == null)", variable).addStatement("return $L", whenAbsent).endControlFlow();
            current = variable;
        }
        Member end = last();
        String accessor = context.isEnum(end.targetShape()) ? end.javaName() + "AsString" : end.javaName();
        return method.addStatement("return $N.$N()", current, accessor).build();
    }
}
