package dev.ddbstreams.codegen.read;

import dev.ddbstreams.codegen.model.ModelException;
import dev.ddbstreams.codegen.model.ModelProblem;
import dev.ddbstreams.codegen.model.Operation;
import dev.ddbstreams.codegen.model.Paginator;
import dev.ddbstreams.codegen.model.ServiceInfo;
import dev.ddbstreams.codegen.model.ServiceModel;
import dev.ddbstreams.codegen.model.Shape;
import dev.ddbstreams.codegen.model.SourceLocation;
import dev.ddbstreams.codegen.model.Waiter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.smithy.model.Model;
import software.amazon.smithy.model.loader.ModelAssembler;
import software.amazon.smithy.model.loader.Prelude;
import software.amazon.smithy.model.neighbor.Walker;
import software.amazon.smithy.model.shapes.OperationShape;
import software.amazon.smithy.model.shapes.ServiceShape;
import software.amazon.smithy.model.shapes.ShapeType;
import software.amazon.smithy.model.traits.DynamicTrait;
import software.amazon.smithy.model.traits.StreamingTrait;
import software.amazon.smithy.model.traits.UnitTypeTrait;
import software.amazon.smithy.model.validation.Severity;
import software.amazon.smithy.model.validation.ValidatedResult;
import software.amazon.smithy.model.validation.ValidationEvent;

/**
 * Reads a Smithy model, the JSON AST ({@code .json}, as aws/api-models-aws publishes AWS's models) or the IDL
 * ({@code .smithy}), into the intermediate model, with the Smithy library doing the parsing and Smithy's own
 * validation. The model must define exactly one service; the client is generated for the shapes it reaches.
 *
 * <p>A {@code paginators-1.json} or {@code waiters-2.json} given with the model adds to its {@code @paginated} and
 * {@code @smithy.waiters#waitable} traits: AWS's Smithy models do not always carry the paginators AWS publishes
 * for the same service in C2J (DynamoDB Streams' are only in the AWS SDK for Java v2's {@code paginators-1.json}).
 *
 * <p>Traits of other namespaces than the model's and the prelude's (the AWS protocol, auth and service traits,
 * waiters, endpoint rules) are accepted without their definitions and read by id, so no AWS trait library is needed.
 */
public final class SmithyReader {

    private final List<ModelProblem> problems = new ArrayList<>();

    private SmithyReader() {}

    /** Reads a model, or fails with every problem found. */
    public static ServiceModel read(ModelSources sources) throws ModelException {
        return new SmithyReader().readAll(sources);
    }

    private ServiceModel readAll(ModelSources sources) throws ModelException {
        Path file = sources.service();
        SourceLocation where = SourceLocation.of(file);
        checkSources(sources, where);
        Model model = assemble(file, where);
        ServiceShape service = theService(model, where);
        SmithyContext context = new SmithyContext(model, service, file, problems);
        ServiceInfo info = SmithyServiceInfo.read(context).orElse(null);

        SmithyOperations operationReader = new SmithyOperations(context);
        SmithyWaiters waiterReader = new SmithyWaiters(context);
        List<Operation> operations = new ArrayList<>();
        List<Paginator> paginators = new ArrayList<>();
        List<Waiter> waiters = new ArrayList<>();
        for (OperationShape op : operationReader.shapes()) {
            operations.add(operationReader.read(op));
            operationReader.paginator(op).ifPresent(paginators::add);
            waiters.addAll(waiterReader.read(op));
        }
        CompanionFiles companions = new CompanionFiles(problems);
        companions.addPaginators(sources.paginators(), paginators);
        companions.addWaiters(sources.waiters(), waiters);
        paginators.sort(Comparator.comparing(Paginator::operationName));
        waiters.sort(Comparator.comparing(Waiter::name));

        SmithyShapes shapeReader = new SmithyShapes(context, sources.unionShapes());
        SortedMap<String, Shape> shapes = new TreeMap<>();
        Map<String, String> unsupported = new TreeMap<>();
        for (software.amazon.smithy.model.shapes.Shape shape : new Walker(model).walkShapes(service)) {
            if (isData(shape)) {
                shapeReader.read(shape).ifPresent(read -> shapes.put(read.name(), read));
                unsupportedKind(shape).ifPresent(kind -> unsupported.put(context.name(shape.getId()), kind));
            }
        }
        DeclaredUnions.check(sources.unionShapes(), shapes, where, problems);
        failIfProblems();
        return ModelFinisher.finish(new ServiceModel(info, operations, shapes, paginators, waiters), unsupported, sources);
    }

    /**
     * What a shape the generator cannot generate is: a {@code @streaming} union is an event stream (sent over HTTP/2
     * with binary event framing), a {@code @streaming} blob a body streamed in place of JSON. The operations that use
     * them are left out of the client with a warning.
     */
    private static Optional<String> unsupportedKind(software.amazon.smithy.model.shapes.Shape shape) {
        if (!shape.hasTrait(StreamingTrait.class)) {
            return Optional.empty();
        }
        return Optional.of(shape.getType() == ShapeType.UNION ? "the event stream" : "the streaming " + shape.getType());
    }

    private void checkSources(ModelSources sources, SourceLocation where) throws ModelException {
        String name = sources.service().getFileName() == null ? "" : sources.service().getFileName().toString();
        if (!name.endsWith(".json") && !name.endsWith(".smithy")) {
            problems.add(new ModelProblem(where, "a Smithy model file must be named *.json (JSON AST) or *.smithy (IDL)"));
        } else if (!Files.isRegularFile(sources.service())) {
            problems.add(new ModelProblem(where, "the file does not exist"));
        }
        failIfProblems();
    }

    private Model assemble(Path file, SourceLocation where) throws ModelException {
        ValidatedResult<Model> result = Model.assembler()
                .addImport(file)
                .putProperty(ModelAssembler.ALLOW_UNKNOWN_TRAITS, true)
                .assemble();
        for (ValidationEvent event : result.getValidationEvents()) {
            if (event.getSeverity() == Severity.ERROR || event.getSeverity() == Severity.DANGER) {
                String shape = event.getShapeId().map(id -> id + ": ").orElse("");
                problems.add(new ModelProblem(SmithyContext.locate(event, file), shape + event.getMessage() + " (Smithy " + event.getId() + ")"));
            }
        }
        // A model Smithy could not validate may still be there, and its misspelled traits are worth reporting with the rest.
        result.getResult().ifPresent(model -> checkUnknownTraits(model, file));
        failIfProblems();
        return result.getResult().orElseThrow(() -> new ModelException(new ModelProblem(where, "Smithy could not assemble the model")));
    }

    /**
     * Unknown traits are accepted, since AWS's models use many (endpoint rules, other SDKs' settings) that the
     * generator does not need. But an unknown trait in Smithy's prelude namespace or in a namespace of the model's
     * own shapes is a misspelling ({@code @requried}, which the IDL resolves to the model's namespace) or a custom
     * trait without its definition; dropping it silently would change the client, so it is refused.
     */
    private void checkUnknownTraits(Model model, Path file) {
        Set<String> ownNamespaces = model.shapes()
                .filter(shape -> !Prelude.isPreludeShape(shape))
                .map(shape -> shape.getId().getNamespace())
                .collect(Collectors.toSet());
        ownNamespaces.add(SmithyContext.PRELUDE);
        model.shapes().forEach(shape -> shape.getAllTraits().values().stream()
                .filter(trait -> trait instanceof DynamicTrait && ownNamespaces.contains(trait.toShapeId().getNamespace()))
                .forEach(trait -> problems.add(new ModelProblem(SmithyContext.locate(trait, file), shape.getId() + ": the trait @"
                        + trait.toShapeId() + " is not defined; is it misspelled? (Only traits of other namespaces, such as AWS's, "
                        + "may be used without their definition.)"))));
    }

    private ServiceShape theService(Model model, SourceLocation where) throws ModelException {
        Set<ServiceShape> services = model.getServiceShapes();
        if (services.size() != 1) {
            String found = services.stream().map(s -> s.getId().toString()).sorted().collect(Collectors.joining(", "));
            throw new ModelException(new ModelProblem(where, "the model defines " + (services.isEmpty() ? "no service" : services.size() + " services (" + found + ")")
                    + "; it must define exactly one, the service to generate a client for"));
        }
        return services.iterator().next();
    }

    /** Shapes that become shapes of the intermediate model: not the service, operations, resources, members or Unit. */
    private static boolean isData(software.amazon.smithy.model.shapes.Shape shape) {
        ShapeType type = shape.getType();
        return type != ShapeType.SERVICE && type != ShapeType.OPERATION && type != ShapeType.RESOURCE && type != ShapeType.MEMBER
                && !shape.hasTrait(UnitTypeTrait.class);
    }

    private void failIfProblems() throws ModelException {
        if (!problems.isEmpty()) {
            throw new ModelException(problems);
        }
    }
}
