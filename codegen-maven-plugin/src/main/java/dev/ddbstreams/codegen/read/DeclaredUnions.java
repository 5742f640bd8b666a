package dev.ddbstreams.codegen.read;

import dev.ddbstreams.codegen.model.ModelProblem;
import dev.ddbstreams.codegen.model.Shape;
import dev.ddbstreams.codegen.model.SourceLocation;
import dev.ddbstreams.codegen.model.UnionShape;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the shapes a user declared unions (the plugin's {@code unionShapes}) against what a reader made of the
 * model: a declaration that matched nothing is almost always a typo, and silently ignoring it would change the
 * generated API without a word.
 */
final class DeclaredUnions {

    private DeclaredUnions() {}

    static void check(Set<String> declared, Map<String, Shape> shapes, SourceLocation model, List<ModelProblem> problems) {
        for (String name : declared) {
            Shape shape = shapes.get(name);
            if (shape == null) {
                problems.add(new ModelProblem(model, "shape \"" + name + "\" is declared a union, but the model has no shape of that name"));
            } else if (!(shape instanceof UnionShape)) {
                problems.add(new ModelProblem(shape.location(), "shape \"" + name + "\" is declared a union, but it is not a structure"));
            }
        }
    }
}
