package dev.ddbstreams.codegen.model.path;

import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.ScalarType;
import dev.ddbstreams.codegen.model.ServiceModel;
import dev.ddbstreams.codegen.model.StructureShape;
import dev.ddbstreams.codegen.model.path.PathExpression.And;
import dev.ddbstreams.codegen.model.path.PathExpression.Comparison;
import dev.ddbstreams.codegen.model.path.PathExpression.Current;
import dev.ddbstreams.codegen.model.path.PathExpression.Field;
import dev.ddbstreams.codegen.model.path.PathExpression.FilterProjection;
import dev.ddbstreams.codegen.model.path.PathExpression.Flatten;
import dev.ddbstreams.codegen.model.path.PathExpression.FunctionCall;
import dev.ddbstreams.codegen.model.path.PathExpression.Index;
import dev.ddbstreams.codegen.model.path.PathExpression.Literal;
import dev.ddbstreams.codegen.model.path.PathExpression.MultiSelectList;
import dev.ddbstreams.codegen.model.path.PathExpression.Not;
import dev.ddbstreams.codegen.model.path.PathExpression.Or;
import dev.ddbstreams.codegen.model.path.PathExpression.Pipe;
import dev.ddbstreams.codegen.model.path.PathExpression.Projection;
import dev.ddbstreams.codegen.model.path.PathExpression.Subexpression;
import dev.ddbstreams.codegen.model.path.PathExpression.ValueProjection;
import dev.ddbstreams.codegen.model.path.PathType.ListType;
import dev.ddbstreams.codegen.model.path.PathType.MapType;
import dev.ddbstreams.codegen.model.path.PathType.NullType;
import dev.ddbstreams.codegen.model.path.PathType.NumberType;
import dev.ddbstreams.codegen.model.path.PathType.StringType;
import dev.ddbstreams.codegen.model.path.PathType.StructureType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The types of a JMESPath expression's parts against a model, starting from a structure (a response). This is where
 * the generator decides what it can compile: a step JMESPath would always answer with null (a member looked up in a
 * list, ordering strings), a name the structure does not have, or a function outside the supported set is refused
 * here with a {@link PathException} that says which step and why. The emitter asks the same questions, so whatever
 * passes here compiles.
 */
public final class PathTyping {

    /** The JMESPath functions the generator compiles. */
    public static final Set<String> FUNCTIONS = new TreeSet<>(List.of("contains", "ends_with", "keys", "length", "starts_with", "values"));

    private final ServiceModel model;

    public PathTyping(ServiceModel model) {
        this.model = model;
    }

    /** The type of {@code expression} evaluated on a value of type {@code current}. */
    public PathType type(PathExpression expression, PathType current) {
        if (expression instanceof Current) {
            return current;
        }
        if (expression instanceof Field field) {
            return fieldType(field.name(), current);
        }
        if (expression instanceof Subexpression sub) {
            return type(sub.right(), type(sub.left(), current));
        }
        if (expression instanceof Index index) {
            return elementOf(current, "[" + index.index() + "] indexes");
        }
        if (expression instanceof Projection projection) {
            PathType left = type(projection.left(), current);
            return new ListType(type(projection.right(), elementOf(left, "a projection goes over")));
        }
        if (expression instanceof ValueProjection projection) {
            PathType left = type(projection.left(), current);
            if (!(left instanceof MapType map)) {
                throw new PathException("\"*\" goes over the values of " + PathType.describe(left) + "; only maps are supported");
            }
            return new ListType(type(projection.right(), map.value()));
        }
        if (expression instanceof FilterProjection filter) {
            PathType element = elementOf(type(filter.left(), current), "a filter [?...] goes over");
            type(filter.condition(), element);
            return new ListType(type(filter.right(), element));
        }
        if (expression instanceof Flatten flatten) {
            PathType list = type(flatten.child(), current);
            PathType element = elementOf(list, "[] flattens");
            return element instanceof ListType ? element : list;
        }
        if (expression instanceof Comparison comparison) {
            PathType left = type(comparison.left(), current);
            PathType right = type(comparison.right(), current);
            if (comparison.comparator().ordering() && !(isNumber(left) && isNumber(right))) {
                throw new PathException("\"" + comparison.comparator().symbol() + "\" compares " + PathType.describe(left) + " with "
                        + PathType.describe(right) + "; JMESPath orders numbers only, so it would always be null");
            }
            return PathType.BOOLEAN;
        }
        if (expression instanceof Or or) {
            return either(type(or.left(), current), type(or.right(), current));
        }
        if (expression instanceof And and) {
            return either(type(and.left(), current), type(and.right(), current));
        }
        if (expression instanceof Not not) {
            type(not.child(), current);
            return PathType.BOOLEAN;
        }
        if (expression instanceof Pipe pipe) {
            return type(pipe.right(), type(pipe.left(), current));
        }
        if (expression instanceof MultiSelectList list) {
            PathType element = null;
            for (PathExpression part : list.elements()) {
                PathType type = type(part, current);
                if (element == null || element instanceof NullType) {
                    element = type;
                } else if (!(type instanceof NullType) && !type.equals(element)) {
                    throw new PathException("the elements of a multi-select list [...] are " + PathType.describe(element) + " and "
                            + PathType.describe(type) + "; only lists of one type are supported");
                }
            }
            return new ListType(element);
        }
        if (expression instanceof Literal literal) {
            return literalType(literal.value());
        }
        if (expression instanceof FunctionCall call) {
            return functionType(call, current);
        }
        throw new IllegalStateException("unknown expression " + expression);
    }

    /**
     * The member whose value an expression ends with, if it ends with one ({@code Shards} for
     * {@code StreamDescription.Shards}, {@code Instances} for {@code Reservations[].Instances[]}).
     */
    public Optional<Member> lastMember(PathExpression expression, PathType current) {
        if (expression instanceof Field field && current instanceof StructureType structure) {
            return Optional.of(member(structure, field.name()));
        }
        if (expression instanceof Subexpression sub) {
            return lastMember(sub.right(), type(sub.left(), current)).or(() -> sub.right() instanceof Index ? lastMember(sub.left(), current) : Optional.empty());
        }
        if (expression instanceof Pipe pipe) {
            return lastMember(pipe.right(), type(pipe.left(), current));
        }
        if (expression instanceof Flatten flatten) {
            return lastMember(flatten.child(), current);
        }
        if (expression instanceof Projection projection) {
            return projection.right() instanceof Current ? lastMember(projection.left(), current)
                    : lastMember(projection.right(), elementOf(type(projection.left(), current), ""));
        }
        if (expression instanceof FilterProjection filter) {
            return filter.right() instanceof Current ? lastMember(filter.left(), current)
                    : lastMember(filter.right(), elementOf(type(filter.left(), current), ""));
        }
        return Optional.empty();
    }

    /** The member {@code name} of a structure, or a {@link PathException} naming what it has. */
    public Member member(StructureType structure, String name) {
        StructureShape shape = (StructureShape) model.shape(structure.shape());
        return shape.members().stream().filter(m -> m.wireName().equals(name)).findFirst().orElseThrow(() -> new PathException(
                "shape \"" + shape.name() + "\" has no member \"" + name + "\"", name, shape.members().stream().map(Member::wireName).toList()));
    }

    private PathType fieldType(String name, PathType current) {
        if (current instanceof StructureType structure) {
            return PathType.of(model, member(structure, name).targetShape());
        }
        if (current instanceof MapType map) {
            return map.value();
        }
        throw new PathException("\"" + name + "\" is looked up in " + PathType.describe(current)
                + ", which is not a structure" + (current instanceof ListType ? " (use [] to look at each element)" : ""));
    }

    private static PathType elementOf(PathType type, String what) {
        if (type instanceof ListType list) {
            return list.element();
        }
        throw new PathException(what + " " + PathType.describe(type) + ", which is not a list");
    }

    /** {@code ||} and {@code &&}: the operands' type when they have one, otherwise a truth value. */
    private static PathType either(PathType left, PathType right) {
        return left.equals(right) ? left : PathType.BOOLEAN;
    }

    private static boolean isNumber(PathType type) {
        return type instanceof NumberType;
    }

    private static PathType literalType(Object value) {
        if (value instanceof String) {
            return PathType.STRING;
        }
        if (value instanceof Boolean) {
            return PathType.BOOLEAN;
        }
        if (value instanceof BigDecimal number) {
            if (number.stripTrailingZeros().scale() <= 0) {
                try {
                    number.intValueExact();
                    return PathType.INTEGER;
                } catch (ArithmeticException e) {
                    return new NumberType(ScalarType.LONG);
                }
            }
            return new NumberType(ScalarType.DOUBLE);
        }
        if (value == Literal.NULL) {
            return new NullType();
        }
        throw new PathException("list and object literals are not supported");
    }

    private PathType functionType(FunctionCall call, PathType current) {
        String name = call.name();
        if (!FUNCTIONS.contains(name)) {
            throw new PathException("the function " + name + "() is not supported (supported: " + String.join(", ", FUNCTIONS) + ")");
        }
        int arity = switch (name) {
            case "length", "keys", "values" -> 1;
            default -> 2;
        };
        if (call.arguments().size() != arity) {
            throw new PathException(name + "() takes " + arity + " argument" + (arity == 1 ? "" : "s") + ", not " + call.arguments().size());
        }
        PathType first = type(call.arguments().get(0), current);
        switch (name) {
            case "length":
                if (first instanceof ListType || first instanceof MapType || first instanceof StringType) {
                    return PathType.INTEGER;
                }
                throw new PathException("length() of " + PathType.describe(first) + " is not supported (lists, maps and strings have a length)");
            case "keys":
            case "values":
                if (first instanceof MapType map) {
                    return new ListType(name.equals("keys") ? PathType.STRING : map.value());
                }
                throw new PathException(name + "() needs a map, not " + PathType.describe(first));
            case "contains": {
                type(call.arguments().get(1), current);
                if (first instanceof ListType || first instanceof StringType) {
                    return PathType.BOOLEAN;
                }
                throw new PathException("contains() looks in a list or a string, not in " + PathType.describe(first));
            }
            default: {
                PathType second = type(call.arguments().get(1), current);
                if (first instanceof StringType && second instanceof StringType) {
                    return PathType.BOOLEAN;
                }
                throw new PathException(name + "() needs two strings, not " + PathType.describe(first) + " and " + PathType.describe(second));
            }
        }
    }
}
