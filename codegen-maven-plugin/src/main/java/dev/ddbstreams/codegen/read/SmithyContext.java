package dev.ddbstreams.codegen.read;

import dev.ddbstreams.codegen.model.ModelProblem;
import dev.ddbstreams.codegen.model.SourceLocation;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import software.amazon.smithy.model.FromSourceLocation;
import software.amazon.smithy.model.Model;
import software.amazon.smithy.model.shapes.ServiceShape;
import software.amazon.smithy.model.shapes.Shape;
import software.amazon.smithy.model.shapes.ShapeId;
import software.amazon.smithy.model.traits.DocumentationTrait;

/**
 * What the parts of the Smithy reader share: the assembled model, the one service it generates a client for,
 * where problems go, and the two translations every part needs (shape ids to model names, Smithy source
 * locations to ours).
 */
final class SmithyContext {

    /** Shapes of Smithy's prelude ({@code smithy.api#String}); they are named by their full id, see {@link #name}. */
    static final String PRELUDE = "smithy.api";

    private final Model model;
    private final ServiceShape service;
    private final Path file;
    private final List<ModelProblem> problems;

    SmithyContext(Model model, ServiceShape service, Path file, List<ModelProblem> problems) {
        this.model = model;
        this.service = service;
        this.file = file;
        this.problems = problems;
    }

    Model model() {
        return model;
    }

    ServiceShape service() {
        return service;
    }

    /**
     * The intermediate model's name of a shape: its name in the service, which is its simple name unless the
     * service renames it (Smithy's {@code rename}), as the C2J files AWS derives from Smithy name it. Prelude
     * shapes keep their full id: they never become classes, and a model may well define a {@code String} of its
     * own beside {@code smithy.api#String}.
     */
    String name(ShapeId id) {
        return id.getNamespace().equals(PRELUDE) ? id.toString() : id.getName(service);
    }

    void problem(FromSourceLocation at, String message) {
        problems.add(new ModelProblem(location(at), message));
    }

    /**
     * Our location for something Smithy located. Smithy's own shapes (the prelude) are located in its jar; a
     * problem about them is reported against the model file instead, which is where the user can act.
     */
    SourceLocation location(FromSourceLocation at) {
        return locate(at, file);
    }

    /** As {@link #location}, for when there is no context yet. */
    static SourceLocation locate(FromSourceLocation at, Path file) {
        software.amazon.smithy.model.SourceLocation where = at.getSourceLocation();
        String name = where.getFilename();
        if (name == null || name.isEmpty() || name.startsWith("jar:")) {
            return SourceLocation.of(file);
        }
        try {
            return new SourceLocation(Path.of(name), Math.max(0, where.getLine()), Math.max(0, where.getColumn()));
        } catch (InvalidPathException e) {
            return SourceLocation.of(file);
        }
    }

    static String documentation(Shape shape) {
        return shape.getTrait(DocumentationTrait.class).map(DocumentationTrait::getValue).orElse("");
    }
}
