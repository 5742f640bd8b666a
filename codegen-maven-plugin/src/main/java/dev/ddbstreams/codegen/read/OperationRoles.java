package dev.ddbstreams.codegen.read;

import dev.ddbstreams.codegen.model.Operation;
import dev.ddbstreams.codegen.model.StructureShape.Role;
import dev.ddbstreams.codegen.naming.JavaNames;
import java.util.HashMap;
import java.util.Map;

/**
 * Which structures are operations' requests and responses, and the class names that follow from it: the AWS SDK
 * for Java v2 names them after the operation ({@code DescribeStreamInput} becomes {@code DescribeStreamRequest}),
 * whatever the model calls them. Every reader uses this, so that a service gets the same classes from any format.
 */
final class OperationRoles {

    private final Map<String, Role> roles = new HashMap<>();
    private final Map<String, String> javaNames = new HashMap<>();

    /** Records the input and output of an operation. */
    void add(Operation operation) {
        name(operation.inputShape(), Role.REQUEST, operation.name() + "Request");
        name(operation.outputShape(), Role.RESPONSE, operation.name() + "Response");
    }

    /** The role of a structure that is not an error. */
    Role roleOf(String shape) {
        return roles.getOrDefault(shape, Role.PLAIN);
    }

    /** The class name of a structure that is not an error. */
    String javaNameOf(String shape) {
        return javaNames.getOrDefault(shape, JavaNames.className(shape));
    }

    private void name(String shape, Role role, String javaName) {
        if (shape == null) {
            return;
        }
        Role previous = roles.putIfAbsent(shape, role);
        if (previous == null) {
            javaNames.put(shape, javaName);
        } else {
            // Shared by two operations (or both input and output): it keeps a plain shape name; the
            // validator reports it, since a request class must belong to one operation.
            roles.put(shape, Role.PLAIN);
            javaNames.put(shape, JavaNames.className(shape));
        }
    }
}
