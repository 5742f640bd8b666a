package dev.ddbstreams.codegen.read;

import dev.ddbstreams.codegen.model.Operation;
import dev.ddbstreams.codegen.model.Paginator;
import dev.ddbstreams.codegen.naming.JavaNames;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.smithy.model.knowledge.TopDownIndex;
import software.amazon.smithy.model.shapes.OperationShape;
import software.amazon.smithy.model.shapes.ShapeId;
import software.amazon.smithy.model.traits.DeprecatedTrait;
import software.amazon.smithy.model.traits.PaginatedTrait;

/**
 * The operations of a Smithy service (those bound to it directly and through its resources), and their
 * {@code @paginated} traits as the paginators a C2J {@code paginators-1.json} would state. An operation's errors
 * are its own followed by the service's, which Smithy says any operation may return.
 */
final class SmithyOperations {

    private static final ShapeId UNIT = ShapeId.from("smithy.api#Unit");

    private final SmithyContext context;

    SmithyOperations(SmithyContext context) {
        this.context = context;
    }

    /** The Smithy operations of the service, by name. */
    List<OperationShape> shapes() {
        return TopDownIndex.of(context.model()).getContainedOperations(context.service()).stream()
                .sorted(Comparator.comparing(op -> context.name(op.getId())))
                .toList();
    }

    Operation read(OperationShape op) {
        String name = context.name(op.getId());
        // Its own errors first, as C2J lists them, then the service's.
        List<String> errors = Stream.concat(op.getErrors().stream(), context.service().getErrors().stream())
                .map(context::name)
                .distinct()
                .toList();
        return new Operation(name, JavaNames.methodName(name), structure(op.getInputShape()), structure(op.getOutputShape()), errors,
                op.hasTrait(DeprecatedTrait.class), SmithyContext.documentation(op), context.location(op));
    }

    /**
     * The operation's paginator: its {@code @paginated} trait completed by the service's, whose values are the
     * defaults of every operation's. Empty when the operation is not paginated.
     */
    Optional<Paginator> paginator(OperationShape op) {
        Optional<PaginatedTrait> own = op.getTrait(PaginatedTrait.class);
        if (own.isEmpty()) {
            return Optional.empty();
        }
        PaginatedTrait trait = context.service().getTrait(PaginatedTrait.class).map(own.get()::merge).orElse(own.get());
        String name = context.name(op.getId());
        String what = "operation \"" + name + "\" @paginated";
        if (trait.getInputToken().isEmpty() || trait.getOutputToken().isEmpty()) {
            context.problem(own.get(), what + " needs an inputToken and an outputToken (on the operation or on the service)");
            return Optional.empty();
        }
        // Smithy's paths are member names joined by dots, which read the same as JMESPath.
        return Optional.of(new Paginator(name, List.of(trait.getInputToken().get()), List.of(trait.getOutputToken().get()),
                trait.getItems().map(List::of).orElse(List.of()), null, List.of(), trait.getPageSize().orElse(null),
                context.location(own.get())));
    }

    private String structure(ShapeId id) {
        return id.equals(UNIT) ? null : context.name(id);
    }
}
