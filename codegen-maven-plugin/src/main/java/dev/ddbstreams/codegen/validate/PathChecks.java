package dev.ddbstreams.codegen.validate;

import dev.ddbstreams.codegen.model.ListShape;
import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.ModelProblem;
import dev.ddbstreams.codegen.model.Operation;
import dev.ddbstreams.codegen.model.Paginator;
import dev.ddbstreams.codegen.model.ScalarShape;
import dev.ddbstreams.codegen.model.ScalarType;
import dev.ddbstreams.codegen.model.ServiceModel;
import dev.ddbstreams.codegen.model.Shape;
import dev.ddbstreams.codegen.model.SourceLocation;
import dev.ddbstreams.codegen.model.StructureShape;
import dev.ddbstreams.codegen.model.Waiter;
import dev.ddbstreams.codegen.model.WaiterPath;
import java.util.List;
import java.util.Optional;

/** Checks that paginator tokens and waiter paths name members that exist, of a kind that fits. */
final class PathChecks {

    private final ServiceModel model;
    private final List<ModelProblem> problems;

    PathChecks(ServiceModel model, List<ModelProblem> problems) {
        this.model = model;
        this.problems = problems;
    }

    void check() {
        model.paginators().forEach(this::checkPaginator);
        model.waiters().forEach(this::checkWaiter);
    }

    private void checkPaginator(Paginator paginator) {
        String what = "paginator \"" + paginator.operationName() + "\"";
        Operation op = operation(paginator.operationName(), paginator.location(), what).orElse(null);
        if (op == null || op.inputShape() == null || op.outputShape() == null) {
            if (op != null) {
                problems.add(new ModelProblem(paginator.location(), what + " pages an operation without input or output"));
            }
            return;
        }
        Shape input = model.shapes().get(op.inputShape());
        Shape output = model.shapes().get(op.outputShape());
        if (!(input instanceof StructureShape in) || !(output instanceof StructureShape out)) {
            return;
        }
        Shape inputToken = memberTarget(in, List.of(paginator.inputToken()), paginator.location(), what + " input_token");
        Shape outputToken = memberTarget(out, paginator.outputToken(), paginator.location(), what + " output_token");
        for (Shape token : new Shape[] {inputToken, outputToken}) {
            if (token != null && !isString(token)) {
                problems.add(new ModelProblem(paginator.location(), what + " has a token of shape \"" + token.name() + "\", which is "
                        + ModelValidator.describe(token) + "; only string tokens are supported"));
            }
        }
        if (!paginator.resultKey().isEmpty()) {
            Shape items = memberTarget(out, paginator.resultKey(), paginator.location(), what + " result_key");
            if (items != null && !(items instanceof ListShape)) {
                problems.add(new ModelProblem(paginator.location(), what + " result_key \"" + String.join(".", paginator.resultKey())
                        + "\" is " + ModelValidator.describe(items) + ", not a list"));
            }
        }
        if (paginator.limitKey() != null) {
            memberTarget(in, List.of(paginator.limitKey()), paginator.location(), what + " limit_key");
        }
    }

    private void checkWaiter(Waiter waiter) {
        String what = "waiter \"" + waiter.name() + "\"";
        Operation op = operation(waiter.operationName(), waiter.location(), what).orElse(null);
        if (op == null) {
            return;
        }
        for (Waiter.Acceptor acceptor : waiter.acceptors()) {
            if (!acceptor.matcher().startsWith("path") || acceptor.argument() == null) {
                continue;
            }
            Optional<WaiterPath> path = WaiterPath.parse(acceptor.argument());
            if (path.isEmpty()) {
                problems.add(new ModelProblem(waiter.location(), what + " has the path \"" + acceptor.argument()
                        + "\", which is not supported: use member names separated by dots, with [] after a list to look at each element"));
                continue;
            }
            if (op.outputShape() != null && model.shapes().get(op.outputShape()) instanceof StructureShape out) {
                path.get().resolve(model, out).ifPresent(problem -> problems.add(new ModelProblem(waiter.location(), what + " path \""
                        + acceptor.argument() + "\": " + problem)));
            }
        }
    }

    private Optional<Operation> operation(String name, SourceLocation location, String what) {
        Optional<Operation> op = model.operation(name);
        if (op.isEmpty()) {
            problems.add(new ModelProblem(location, what + " names operation \"" + name + "\", which is not defined"
                    + NameSuggestions.didYouMean(name, model.operations().stream().map(Operation::name).toList())));
        }
        return op;
    }

    /** Follows a member path through structures; reports and returns null where it breaks. */
    private Shape memberTarget(StructureShape start, List<String> path, SourceLocation location, String what) {
        Shape current = start;
        for (String segment : path) {
            if (!(current instanceof StructureShape structure)) {
                problems.add(new ModelProblem(location, what + " \"" + String.join(".", path) + "\" goes into \"" + segment
                        + "\" of " + ModelValidator.describe(current) + " \"" + current.name() + "\""));
                return null;
            }
            Optional<Member> member = structure.members().stream().filter(m -> m.wireName().equals(segment)).findFirst();
            if (member.isEmpty()) {
                problems.add(new ModelProblem(location, what + " \"" + String.join(".", path) + "\" names member \"" + segment
                        + "\", which shape \"" + structure.name() + "\" does not have"
                        + NameSuggestions.didYouMean(segment, structure.members().stream().map(Member::wireName).toList())));
                return null;
            }
            current = model.shapes().get(member.get().targetShape());
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static boolean isString(Shape shape) {
        return shape instanceof ScalarShape s && s.type() == ScalarType.STRING;
    }
}
