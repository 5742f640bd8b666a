package dev.ddbstreams.codegen.validate;

import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.ModelProblem;
import dev.ddbstreams.codegen.model.Operation;
import dev.ddbstreams.codegen.model.Paginator;
import dev.ddbstreams.codegen.model.ServiceModel;
import dev.ddbstreams.codegen.model.Shape;
import dev.ddbstreams.codegen.model.SourceLocation;
import dev.ddbstreams.codegen.model.StructureShape;
import dev.ddbstreams.codegen.model.Waiter;
import dev.ddbstreams.codegen.model.path.PathException;
import dev.ddbstreams.codegen.model.path.PathExpression;
import dev.ddbstreams.codegen.model.path.PathType;
import dev.ddbstreams.codegen.model.path.PathTyping;
import java.util.List;
import java.util.Optional;

/**
 * Checks that paginator tokens and result keys and waiter paths are JMESPath the generator can compile against the
 * operation's shapes: every expression parses, every name exists, every step has a type, and each output token has
 * the type of the input token it is copied into. Each problem names the paginator or waiter, the field and the
 * expression.
 */
final class PathChecks {

    private final ServiceModel model;
    private final List<ModelProblem> problems;
    private final PathTyping typing;

    PathChecks(ServiceModel model, List<ModelProblem> problems) {
        this.model = model;
        this.problems = problems;
        this.typing = new PathTyping(model);
    }

    void check() {
        model.paginators().forEach(this::checkPaginator);
        model.waiters().forEach(this::checkWaiter);
    }

    private void checkPaginator(Paginator paginator) {
        String what = "paginator \"" + paginator.operationName() + "\"";
        Operation op = operation(paginator.operationName(), paginator.location(), what).orElse(null);
        if (op == null) {
            return;
        }
        if (op.inputShape() == null || op.outputShape() == null) {
            problems.add(new ModelProblem(paginator.location(), what + " pages an operation without input or output"));
            return;
        }
        Shape input = model.shapes().get(op.inputShape());
        Shape output = model.shapes().get(op.outputShape());
        if (!(input instanceof StructureShape in) || !(output instanceof StructureShape)) {
            return;
        }
        PathType response = new PathType.StructureType(op.outputShape());
        for (int i = 0; i < paginator.inputTokens().size(); i++) {
            String inputToken = paginator.inputTokens().get(i);
            String outputToken = paginator.outputTokens().get(i);
            Optional<Member> member = inputMember(in, inputToken, paginator.location(), what + " input_token");
            Optional<PathType> token = type(outputToken, response, paginator.location(), what + " output_token");
            if (member.isPresent() && token.isPresent()) {
                PathType expected = PathType.of(model, member.get().targetShape());
                if (!expected.equals(token.get())) {
                    problems.add(new ModelProblem(paginator.location(), what + " output_token \"" + outputToken + "\" is "
                            + PathType.describe(token.get()) + ", but input_token \"" + inputToken + "\", where it goes, is "
                            + PathType.describe(expected)));
                }
            }
        }
        paginator.resultKeys().forEach(key -> type(key, response, paginator.location(), what + " result_key"));
        paginator.nonAggregateKeys().forEach(key -> type(key, response, paginator.location(), what + " non_aggregate_keys"));
        if (paginator.moreResults() != null) {
            type(paginator.moreResults(), response, paginator.location(), what + " more_results");
        }
        if (paginator.limitKey() != null) {
            inputMember(in, paginator.limitKey(), paginator.location(), what + " limit_key").ifPresent(limit -> {
                if (!(PathType.of(model, limit.targetShape()) instanceof PathType.NumberType)) {
                    problems.add(new ModelProblem(paginator.location(), what + " limit_key \"" + paginator.limitKey() + "\" is "
                            + PathType.describe(PathType.of(model, limit.targetShape())) + ", not a number"));
                }
            });
        }
    }

    private void checkWaiter(Waiter waiter) {
        String what = "waiter \"" + waiter.name() + "\"";
        Operation op = operation(waiter.operationName(), waiter.location(), what).orElse(null);
        if (op == null) {
            return;
        }
        if (op.inputShape() == null || op.outputShape() == null || !(model.shapes().get(op.outputShape()) instanceof StructureShape)) {
            // The waiter classes poll with a request object and hand acceptors a response object.
            problems.add(new ModelProblem(waiter.location(), what + " polls operation \"" + op.name()
                    + "\", which has no " + (op.inputShape() == null ? "input" : "output") + "; waiters are supported on operations with both"));
            return;
        }
        for (Waiter.Acceptor acceptor : waiter.acceptors()) {
            if (!acceptor.matcher().startsWith("path") || acceptor.argument() == null) {
                continue;
            }
            type(acceptor.argument(), new PathType.StructureType(op.outputShape()), waiter.location(), what + " path");
        }
    }

    /** Parses and types one expression; reports and returns empty when the generator cannot compile it. */
    private Optional<PathType> type(String expression, PathType start, SourceLocation location, String what) {
        try {
            return Optional.of(typing.type(PathExpression.parse(expression), start));
        } catch (PathException e) {
            String suggestion = e.unknownName().map(name -> NameSuggestions.didYouMean(name, e.knownNames())).orElse("");
            problems.add(new ModelProblem(location, what + " \"" + expression + "\": " + e.getMessage() + suggestion
                    + " (the generator compiles JMESPath paths, filters, comparisons, &&, ||, !, and the functions "
                    + String.join(", ", PathTyping.FUNCTIONS) + ")"));
            return Optional.empty();
        }
    }

    private Optional<Member> inputMember(StructureShape input, String name, SourceLocation location, String what) {
        Optional<Member> member = input.members().stream().filter(m -> m.wireName().equals(name)).findFirst();
        if (member.isEmpty()) {
            problems.add(new ModelProblem(location, what + " \"" + name + "\" names member \"" + name + "\", which shape \""
                    + input.name() + "\" does not have" + NameSuggestions.didYouMean(name, input.members().stream().map(Member::wireName).toList())));
        }
        return member;
    }

    private Optional<Operation> operation(String name, SourceLocation location, String what) {
        Optional<Operation> op = model.operation(name);
        if (op.isEmpty()) {
            problems.add(new ModelProblem(location, what + " names operation \"" + name + "\", which is not defined"
                    + NameSuggestions.didYouMean(name, model.operations().stream().map(Operation::name).toList())));
        }
        return op;
    }
}
