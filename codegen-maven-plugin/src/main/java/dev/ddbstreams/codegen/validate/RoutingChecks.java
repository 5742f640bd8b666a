package dev.ddbstreams.codegen.validate;

import dev.ddbstreams.codegen.model.HostPrefixTemplate;
import dev.ddbstreams.codegen.model.ListShape;
import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.ModelProblem;
import dev.ddbstreams.codegen.model.Operation;
import dev.ddbstreams.codegen.model.ScalarShape;
import dev.ddbstreams.codegen.model.ScalarType;
import dev.ddbstreams.codegen.model.ServiceModel;
import dev.ddbstreams.codegen.model.Shape;
import dev.ddbstreams.codegen.model.StructureShape;
import java.util.List;
import java.util.Optional;

/**
 * The operation traits that decide where a request goes make sense for the model: every label of a host prefix is a
 * string member of the operation's input, endpoint-discovery identifiers are string members, and a model with
 * discovered operations has one discovery operation whose output the client can read ({@code Endpoints}, a list of
 * structures with {@code Address} and {@code CachePeriodInMinutes}, as Smithy's {@code clientEndpointDiscovery}
 * specifies).
 */
final class RoutingChecks {

    private final ServiceModel model;
    private final List<ModelProblem> problems;

    RoutingChecks(ServiceModel model, List<ModelProblem> problems) {
        this.model = model;
        this.problems = problems;
    }

    void check() {
        List<Operation> discoveryOperations = model.operations().stream().filter(op -> op.routing().discoveryOperation()).toList();
        for (Operation op : model.operations()) {
            checkHostPrefix(op);
            checkDiscoveryIds(op);
            if (op.routing().discovery() == Operation.Discovery.REQUIRED && discoveryOperations.isEmpty()) {
                problems.add(new ModelProblem(op.location(), "operation \"" + op.name() + "\" requires endpoint discovery, but the "
                        + "model has no endpoint-discovery operation (C2J \"endpointoperation\": true); if includeOperations "
                        + "leaves it out, include it"));
            }
        }
        if (discoveryOperations.size() > 1) {
            problems.add(new ModelProblem(discoveryOperations.get(1).location(), "operations \"" + discoveryOperations.get(0).name()
                    + "\" and \"" + discoveryOperations.get(1).name() + "\" are both marked as the endpoint-discovery operation"));
        }
        discoveryOperations.stream().findFirst().ifPresent(this::checkDiscoveryOperation);
    }

    private void checkHostPrefix(Operation op) {
        String template = op.routing().hostPrefix();
        if (template == null) {
            return;
        }
        String what = "operation \"" + op.name() + "\" endpoint hostPrefix \"" + template + "\"";
        Optional<HostPrefixTemplate> parsed = HostPrefixTemplate.parse(template);
        if (parsed.isEmpty()) {
            problems.add(new ModelProblem(op.location(), what + " is not a host prefix: it may hold letters, digits, '-', '.' and "
                    + "{Member} labels"));
            return;
        }
        for (String label : parsed.get().labels()) {
            Member member = inputMember(op, label);
            if (member == null) {
                problems.add(new ModelProblem(op.location(), what + " names the label {" + label + "}, but the operation's input "
                        + "has no member of that name"));
            } else if (!isString(member)) {
                problems.add(new ModelProblem(member.location(), what + " names the label {" + label + "}, but member \"" + label
                        + "\" is not a string"));
            }
        }
    }

    private void checkDiscoveryIds(Operation op) {
        if (op.inputShape() == null || !(model.shapes().get(op.inputShape()) instanceof StructureShape input)) {
            return;
        }
        for (Member member : input.members()) {
            if (member.endpointDiscoveryId() && !isString(member)) {
                problems.add(new ModelProblem(member.location(), "shape \"" + input.name() + "\" member \"" + member.wireName()
                        + "\" identifies the discovered endpoint, but is not a string"));
            }
        }
    }

    private void checkDiscoveryOperation(Operation op) {
        String what = "the endpoint-discovery operation \"" + op.name() + "\"";
        String expected = "; its output must have a list member Endpoints of structures with a string Address and a number "
                + "CachePeriodInMinutes";
        StructureShape output = op.outputShape() == null ? null
                : model.shapes().get(op.outputShape()) instanceof StructureShape s ? s : null;
        Member endpoints = output == null ? null : member(output, "Endpoints");
        StructureShape endpoint = endpoints == null ? null
                : model.shapes().get(endpoints.targetShape()) instanceof ListShape list
                        && model.shapes().get(list.memberShape()) instanceof StructureShape element ? element : null;
        Member address = endpoint == null ? null : member(endpoint, "Address");
        Member period = endpoint == null ? null : member(endpoint, "CachePeriodInMinutes");
        if (address == null || period == null || !isString(address) || !isWholeNumber(period)) {
            problems.add(new ModelProblem(op.location(), what + " cannot be read" + expected));
        }
    }

    private Member inputMember(Operation op, String name) {
        return op.inputShape() != null && model.shapes().get(op.inputShape()) instanceof StructureShape input ? member(input, name) : null;
    }

    private static Member member(StructureShape shape, String wireName) {
        return shape.members().stream().filter(m -> m.wireName().equals(wireName)).findFirst().orElse(null);
    }

    private boolean isString(Member member) {
        Shape target = model.shapes().get(member.targetShape());
        return target instanceof ScalarShape s && s.type() == ScalarType.STRING;
    }

    private boolean isWholeNumber(Member member) {
        Shape target = model.shapes().get(member.targetShape());
        return target instanceof ScalarShape s && (s.type() == ScalarType.LONG || s.type() == ScalarType.INTEGER);
    }
}
