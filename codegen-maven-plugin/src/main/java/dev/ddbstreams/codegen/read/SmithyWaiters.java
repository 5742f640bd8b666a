package dev.ddbstreams.codegen.read;

import dev.ddbstreams.codegen.model.Waiter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.smithy.model.node.Node;
import software.amazon.smithy.model.node.ObjectNode;
import software.amazon.smithy.model.node.StringNode;
import software.amazon.smithy.model.shapes.OperationShape;
import software.amazon.smithy.model.shapes.ShapeId;
import software.amazon.smithy.model.traits.Trait;

/**
 * An operation's {@code @smithy.waiters#waitable} trait as the waiters a C2J {@code waiters-2.json} would state.
 * The trait is read from its value, so the reader needs no waiters library, and checked here for the same reason.
 *
 * <p>Acceptors map one to one: an {@code output} matcher with {@code stringEquals} or {@code booleanEquals} is a
 * {@code path} matcher, {@code allStringEquals} is {@code pathAll}, {@code anyStringEquals} is {@code pathAny};
 * {@code errorType} is an {@code error} matcher for that error, and {@code success: true/false} an {@code error}
 * matcher expecting no error / any error (as botocore reads {@code "expected": false/true}). Smithy waiters have no
 * attempt limit of their own: callers bound them by time, backing off from {@code minDelay} to {@code maxDelay}. The
 * intermediate model polls at a fixed delay, so a Smithy waiter polls every {@code minDelay} seconds and gives up
 * once {@code maxDelay} seconds of polling have passed ({@code maxAttempts = ceil(maxDelay / minDelay)}).
 */
final class SmithyWaiters {

    static final ShapeId WAITABLE = ShapeId.from("smithy.waiters#waitable");

    private static final Map<String, String> COMPARATORS = Map.of(
            "stringEquals", "path", "booleanEquals", "path", "allStringEquals", "pathAll", "anyStringEquals", "pathAny");
    private static final Set<String> STATES = Set.of("success", "failure", "retry");
    private static final int DEFAULT_MIN_DELAY = 2;
    private static final int DEFAULT_MAX_DELAY = 120;

    private final SmithyContext context;

    SmithyWaiters(SmithyContext context) {
        this.context = context;
    }

    List<Waiter> read(OperationShape op) {
        List<Waiter> waiters = new ArrayList<>();
        Optional<Node> value = op.findTrait(WAITABLE).map(Trait::toNode);
        if (value.isEmpty()) {
            return waiters;
        }
        String operation = context.name(op.getId());
        Optional<ObjectNode> all = value.get().asObjectNode();
        if (all.isEmpty()) {
            context.problem(value.get(), "operation \"" + operation + "\" @waitable must be an object of waiters");
            return waiters;
        }
        for (Map.Entry<String, Node> entry : all.get().getStringMap().entrySet()) {
            String what = "waiter \"" + entry.getKey() + "\"";
            Optional<ObjectNode> json = entry.getValue().asObjectNode();
            if (json.isEmpty()) {
                context.problem(entry.getValue(), what + " must be an object");
                continue;
            }
            waiter(entry.getKey(), operation, json.get(), what).ifPresent(waiters::add);
        }
        return waiters;
    }

    private Optional<Waiter> waiter(String name, String operation, ObjectNode json, String what) {
        int minDelay = positive(json, "minDelay", DEFAULT_MIN_DELAY, what);
        int maxDelay = positive(json, "maxDelay", DEFAULT_MAX_DELAY, what);
        if (maxDelay < minDelay) {
            context.problem(json, what + " has maxDelay " + maxDelay + " below minDelay " + minDelay);
        }
        List<Waiter.Acceptor> acceptors = new ArrayList<>();
        for (Node element : json.getArrayMember("acceptors").map(a -> a.getElements()).orElse(List.of())) {
            acceptor(element, what).ifPresent(acceptors::add);
        }
        if (acceptors.isEmpty()) {
            context.problem(json, what + " has no acceptors");
            return Optional.empty();
        }
        int maxAttempts = Math.max(1, (maxDelay + minDelay - 1) / minDelay);
        String description = json.getStringMember("documentation").map(StringNode::getValue).orElse("");
        return Optional.of(new Waiter(name, operation, minDelay, maxAttempts, description, acceptors, context.location(json)));
    }

    private Optional<Waiter.Acceptor> acceptor(Node element, String what) {
        ObjectNode json = element.asObjectNode().orElse(null);
        String state = json == null ? null : json.getStringMember("state").map(StringNode::getValue).orElse(null);
        ObjectNode matcher = json == null ? null : json.getObjectMember("matcher").orElse(null);
        if (state == null || matcher == null || matcher.size() != 1) {
            context.problem(element, what + " has an acceptor that is not {\"state\": ..., \"matcher\": {one matcher}}");
            return Optional.empty();
        }
        if (!STATES.contains(state)) {
            context.problem(json, what + " has an acceptor with state \"" + state + "\"; expected one of " + STATES);
            return Optional.empty();
        }
        Map.Entry<String, Node> kind = matcher.getStringMap().entrySet().iterator().next();
        switch (kind.getKey()) {
            case "output":
                return output(state, kind.getValue(), what);
            case "errorType":
                return kind.getValue().asStringNode().map(error -> new Waiter.Acceptor(state, "error", null, error.getValue()))
                        .or(() -> problem(kind.getValue(), what + " has an errorType matcher that is not a string"));
            case "success":
                // success: true means the call returned without an error; botocore writes that as "expected": false.
                return kind.getValue().asBooleanNode().map(success -> new Waiter.Acceptor(state, "error", null, !success.getValue()))
                        .or(() -> problem(kind.getValue(), what + " has a success matcher that is not a boolean"));
            default:
                return problem(kind.getValue(), what + " has a \"" + kind.getKey()
                        + "\" matcher, which is not supported (supported: output, errorType, success)");
        }
    }

    private Optional<Waiter.Acceptor> output(String state, Node value, String what) {
        ObjectNode json = value.asObjectNode().orElse(Node.objectNode());
        Optional<String> path = json.getStringMember("path").map(StringNode::getValue);
        Optional<String> expected = json.getStringMember("expected").map(StringNode::getValue);
        Optional<String> comparator = json.getStringMember("comparator").map(StringNode::getValue);
        if (path.isEmpty() || expected.isEmpty() || comparator.isEmpty()) {
            return problem(value, what + " has an output matcher without a string \"path\", \"expected\" and \"comparator\"");
        }
        String matcher = COMPARATORS.get(comparator.get());
        if (matcher == null) {
            return problem(value, what + " has the comparator \"" + comparator.get() + "\"; expected one of " + COMPARATORS.keySet());
        }
        Object expectedValue = comparator.get().equals("booleanEquals") ? (Object) Boolean.valueOf(expected.get()) : expected.get();
        return Optional.of(new Waiter.Acceptor(state, matcher, path.get(), expectedValue));
    }

    private int positive(ObjectNode json, String field, int fallback, String what) {
        Optional<Node> value = json.getMember(field);
        if (value.isEmpty()) {
            return fallback;
        }
        Optional<Number> number = value.get().asNumberNode().map(n -> n.getValue());
        if (number.isEmpty() || number.get().intValue() < 1) {
            context.problem(value.get(), what + " needs a positive whole number of seconds as \"" + field + "\"");
            return fallback;
        }
        return number.get().intValue();
    }

    private Optional<Waiter.Acceptor> problem(Node at, String message) {
        context.problem(at, message);
        return Optional.empty();
    }
}
