package dev.ddbstreams.codegen.naming;

import dev.ddbstreams.codegen.model.Operation;
import dev.ddbstreams.codegen.model.Shape;
import dev.ddbstreams.codegen.model.ShapeReferences;
import dev.ddbstreams.codegen.model.StructureShape;
import dev.ddbstreams.codegen.model.StructureShape.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Gives every operation a request and a response class of its own, named after the operation as the AWS SDK for
 * Java v2 names them ({@code DescribeStreamInput} becomes {@code DescribeStreamRequest}), whatever the model calls
 * the shapes. A structure that several operations use, or that one operation both takes and returns
 * (cognito-identity's {@code UpdateIdentityPool} takes and returns {@code IdentityPool}), is copied once per use,
 * so that each request class belongs to one operation; the shared structure itself stays, as a plain class, only
 * where other shapes refer to it.
 */
final class OperationShapes {

    /** The operations, pointing at their own input and output structures, and the shapes with those structures. */
    record Result(List<Operation> operations, SortedMap<String, Shape> shapes) {}

    /** One operation's use of a structure as its input (request) or output (response). */
    private record Use(String operation, Role role) {

        String javaName() {
            return JavaNames.className(operation) + (role == Role.REQUEST ? "Request" : "Response");
        }
    }

    private OperationShapes() {}

    static Result apply(List<Operation> operations, SortedMap<String, Shape> shapes) {
        Map<String, List<Use>> uses = new LinkedHashMap<>();
        for (Operation op : operations) {
            if (op.inputShape() != null) {
                uses.computeIfAbsent(op.inputShape(), name -> new ArrayList<>()).add(new Use(op.name(), Role.REQUEST));
            }
            if (op.outputShape() != null) {
                uses.computeIfAbsent(op.outputShape(), name -> new ArrayList<>()).add(new Use(op.name(), Role.RESPONSE));
            }
        }
        Set<String> referenced = new HashSet<>();
        shapes.values().forEach(shape -> referenced.addAll(ShapeReferences.of(shape)));
        Set<String> takenNames = new HashSet<>();
        shapes.keySet().forEach(name -> takenNames.add(name.toLowerCase(Locale.ROOT)));

        SortedMap<String, Shape> out = new TreeMap<>(shapes);
        Map<Use, String> copies = new LinkedHashMap<>();
        uses.forEach((name, users) -> {
            // Anything else (a missing shape, an error, a string) is the validator's to report.
            if (!(shapes.get(name) instanceof StructureShape structure) || structure.role() == Role.ERROR) {
                return;
            }
            if (users.size() == 1) {
                Use use = users.get(0);
                out.put(name, structure.copyAs(name, use.javaName(), use.role()));
                return;
            }
            if (!referenced.contains(name)) {
                // Nothing else refers to it: its copies replace it, and one of them may take its name.
                out.remove(name);
                takenNames.remove(name.toLowerCase(Locale.ROOT));
            }
            for (Use use : users) {
                String copy = unusedName(use.javaName(), takenNames);
                out.put(copy, structure.copyAs(copy, use.javaName(), use.role()));
                copies.put(use, copy);
            }
        });
        List<Operation> renamed = new ArrayList<>();
        for (Operation op : operations) {
            String input = copies.getOrDefault(new Use(op.name(), Role.REQUEST), op.inputShape());
            String output = copies.getOrDefault(new Use(op.name(), Role.RESPONSE), op.outputShape());
            renamed.add(Objects.equals(input, op.inputShape()) && Objects.equals(output, op.outputShape()) ? op : op.withShapes(input, output));
        }
        return new Result(renamed, out);
    }

    /** {@code wanted}, or with the first number from 2 that makes it a name no shape has (in any case). */
    private static String unusedName(String wanted, Set<String> takenNames) {
        String name = wanted;
        for (int i = 2; !takenNames.add(name.toLowerCase(Locale.ROOT)); i++) {
            name = wanted + i;
        }
        return name;
    }
}
