package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.path.PathExpression;
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
import dev.ddbstreams.codegen.model.path.PathType;
import dev.ddbstreams.codegen.model.path.PathType.BooleanType;
import dev.ddbstreams.codegen.model.path.PathType.ListType;
import dev.ddbstreams.codegen.model.path.PathType.MapType;
import dev.ddbstreams.codegen.model.path.PathType.NullType;
import dev.ddbstreams.codegen.model.path.PathType.NumberType;
import dev.ddbstreams.codegen.model.path.PathType.OpaqueType;
import dev.ddbstreams.codegen.model.path.PathType.StringType;
import dev.ddbstreams.codegen.model.path.PathType.StructureType;
import dev.ddbstreams.codegen.model.path.PathTyping;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compiles a JMESPath expression, typed by {@link PathTyping}, into one Java expression over the shapes' accessors:
 * {@code Optional.ofNullable(response.table()).map(TableDescription::tableStatusAsString).orElse(null)} for
 * {@code Table.TableStatus}, a stream pipeline for a projection or a filter, and calls to the runtime's
 * {@code PathValues} only where JMESPath's rules differ from Java's (comparing numbers of different types,
 * truthiness, code-point length). No expression is interpreted at run time.
 *
 * <p>Lists and maps the shapes leave absent read as empty, as their accessors return them; elsewhere a null in
 * Java is JMESPath's null.
 */
final class PathCode {

    static final ClassName PATH_VALUES = ClassName.get("dev.ddbstreams.runtime.path", "PathValues");

    /** How a compiled part is held: a value (maybe null), an {@code Optional} of it, or a {@code Stream} of a list's elements. */
    private enum Form { VALUE, OPTIONAL, STREAM }

    /**
     * A compiled part.
     *
     * @param code the Java expression
     * @param type its JMESPath type
     * @param form how the expression holds the value
     * @param nullable whether a {@link Form#VALUE} may be null (lists and maps never are)
     * @param primitive whether the code is a Java primitive ({@code int}, {@code boolean}, ...), never null
     * @param nullElements whether a list may hold nulls (a multi-select list may)
     */
    private record Part(CodeBlock code, PathType type, Form form, boolean nullable, boolean primitive, boolean nullElements) {
        /** An object value; lists and maps are never null. */
        static Part value(CodeBlock code, PathType type, boolean nullable) {
            return new Part(code, type, Form.VALUE, nullable && !(type instanceof ListType || type instanceof MapType), false, false);
        }

        /** A primitive value: a number literal, a size, a comparison's outcome. */
        static Part primitive(CodeBlock code, PathType type) {
            return new Part(code, type, Form.VALUE, false, true, false);
        }

        Part with(CodeBlock newCode, Form newForm) {
            return new Part(newCode, type, newForm, nullable, primitive, nullElements);
        }
    }

    private final GenerationContext context;
    private final PathTyping typing;

    PathCode(GenerationContext context) {
        this.context = context;
        this.typing = new PathTyping(context.model());
    }

    PathTyping typing() {
        return typing;
    }

    /** The Java expression for {@code expression} on the non-null {@code root} (a variable) of type {@code rootType}. */
    CodeBlock value(PathExpression expression, String root, PathType rootType) {
        return asValue(compile(expression, Part.value(CodeBlock.of("$N", root), rootType, false), 1)).code();
    }

    /** Whether {@link #value} may be null. */
    boolean nullable(PathExpression expression, String root, PathType rootType) {
        return asValue(compile(expression, Part.value(CodeBlock.of("$N", root), rootType, false), 1)).nullable();
    }

    /** A Java {@code boolean} expression: whether {@code expression} on {@code root} is true as JMESPath tests truth. */
    CodeBlock truth(PathExpression expression, String root, PathType rootType) {
        return truth(compile(expression, Part.value(CodeBlock.of("$N", root), rootType, false), 1));
    }

    /** An expression as Javadoc shows it: {@code <code>...</code>} with everything Javadoc or HTML would read escaped. */
    static String javadoc(String expression) {
        return "<code>" + Javadocs.escapePlain(expression.replace("&", "&amp;")) + "</code>";
    }

    /** The Java type that holds values of a JMESPath type. */
    TypeName javaType(PathType type) {
        if (type instanceof StringType) {
            return ClassName.get(String.class);
        }
        if (type instanceof BooleanType) {
            return ClassName.get(Boolean.class);
        }
        if (type instanceof NumberType number) {
            return switch (number.scalar()) {
                case BYTE -> ClassName.get(Byte.class);
                case SHORT -> ClassName.get(Short.class);
                case INTEGER -> ClassName.get(Integer.class);
                case LONG -> ClassName.get(Long.class);
                case FLOAT -> ClassName.get(Float.class);
                case DOUBLE -> ClassName.get(Double.class);
                case BIG_INTEGER -> ClassName.get(BigInteger.class);
                case BIG_DECIMAL -> ClassName.get(BigDecimal.class);
                default -> throw new IllegalStateException("not a number: " + number);
            };
        }
        if (type instanceof StructureType structure) {
            return context.classOf(structure.shape());
        }
        if (type instanceof MapType map) {
            return ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), javaType(map.value()));
        }
        if (type instanceof ListType list) {
            return ParameterizedTypeName.get(ClassName.get(List.class), javaType(list.element()));
        }
        if (type instanceof OpaqueType opaque) {
            return context.storageType(opaque.shape());
        }
        return ClassName.get(Object.class);
    }

    private Part compile(PathExpression expression, Part current, int depth) {
        if (expression instanceof Current) {
            return current;
        }
        if (expression instanceof Field field) {
            return field(current, field.name(), depth);
        }
        if (expression instanceof Subexpression sub) {
            return compile(sub.right(), compile(sub.left(), current, depth), depth);
        }
        if (expression instanceof Index index) {
            Part list = asValue(current);
            return Part.value(CodeBlock.of("$T.index($L, $L)", PATH_VALUES, list.code(), index.index()),
                    ((ListType) list.type()).element(), true);
        }
        if (expression instanceof Projection projection) {
            Part left = compile(projection.left(), current, depth);
            return project(left, projection.right(), depth);
        }
        if (expression instanceof ValueProjection projection) {
            Part map = asValue(compile(projection.left(), current, depth));
            PathType value = ((MapType) map.type()).value();
            Part values = new Part(CodeBlock.of("$L.values().stream()", map.code()), new ListType(value), Form.STREAM, false, false, false);
            return project(values, projection.right(), depth);
        }
        if (expression instanceof FilterProjection filter) {
            Part left = compile(filter.left(), current, depth);
            PathType element = ((ListType) left.type()).element();
            String item = item(depth);
            CodeBlock condition = truth(compile(filter.condition(), Part.value(CodeBlock.of("$N", item), element, false), depth + 1));
            Part kept = new Part(CodeBlock.of("$L.filter($N -> $L)", stream(left), item, condition), left.type(), Form.STREAM, false, false, false);
            return project(kept, filter.right(), depth);
        }
        if (expression instanceof Flatten flatten) {
            Part list = compile(flatten.child(), current, depth);
            PathType element = ((ListType) list.type()).element();
            if (!(element instanceof ListType)) {
                return list;
            }
            return new Part(CodeBlock.of("$L.flatMap($T::stream)", stream(list), List.class), element, Form.STREAM, false, false, false);
        }
        if (expression instanceof Comparison comparison) {
            return comparison(comparison, asValue(compile(comparison.left(), current, depth)), asValue(compile(comparison.right(), current, depth)));
        }
        if (expression instanceof Or or) {
            return logical(asValue(compile(or.left(), current, depth)), asValue(compile(or.right(), current, depth)), "||", "or");
        }
        if (expression instanceof And and) {
            return logical(asValue(compile(and.left(), current, depth)), asValue(compile(and.right(), current, depth)), "&&", "and");
        }
        if (expression instanceof Not not) {
            return Part.primitive(CodeBlock.of("!$L", parenthesized(truth(compile(not.child(), current, depth)))), PathType.BOOLEAN);
        }
        if (expression instanceof Pipe pipe) {
            return compile(pipe.right(), asValue(compile(pipe.left(), current, depth)), depth);
        }
        if (expression instanceof MultiSelectList list) {
            List<Part> parts = list.elements().stream().map(element -> asValue(compile(element, current, depth))).toList();
            PathType type = typing.type(list, current.type());
            CodeBlock values = parts.stream().map(Part::code).collect(CodeBlock.joining(", "));
            return new Part(CodeBlock.of("$T.<$T>listOf($L)", PATH_VALUES, javaType(((ListType) type).element()), values), type, Form.VALUE, false,
                    false, parts.stream().anyMatch(Part::nullable));
        }
        if (expression instanceof Literal literal) {
            return literal(literal.value());
        }
        if (expression instanceof FunctionCall call) {
            return function(call, current, depth);
        }
        throw new IllegalStateException("unknown expression " + expression);
    }

    private Part field(Part current, String name, int depth) {
        if (current.type() instanceof MapType map) {
            Part value = asValue(current);
            return Part.value(CodeBlock.of("$L.get($S)", value.code(), name), map.value(), true);
        }
        StructureType structure = (StructureType) current.type();
        Member member = typing.member(structure, name);
        String accessor = context.isEnum(member.targetShape()) ? member.javaName() + "AsString" : member.javaName();
        PathType type = PathType.of(context.model(), member.targetShape());
        ClassName owner = context.classOf(structure.shape());
        if (current.form() == Form.OPTIONAL) {
            return new Part(CodeBlock.of("$L.map($T::$N)", current.code(), owner, accessor), type, Form.OPTIONAL, true, false, false);
        }
        if (current.nullable()) {
            return new Part(CodeBlock.of("$T.ofNullable($L).map($T::$N)", Optional.class, current.code(), owner, accessor),
                    type, Form.OPTIONAL, true, false, false);
        }
        return Part.value(CodeBlock.of("$L.$N()", current.code(), accessor), type, true);
    }

    /** {@code right} on each element of the list {@code left}, nulls dropped. */
    private Part project(Part left, PathExpression right, int depth) {
        if (right instanceof Current) {
            return left;
        }
        PathType element = ((ListType) left.type()).element();
        CodeBlock elements = left.nullElements() ? CodeBlock.of("$L.filter($T::nonNull)", stream(left), Objects.class) : stream(left);
        CodeBlock mapped;
        Part each;
        if (right instanceof Field field && element instanceof StructureType structure) {
            // A member of each element: a method reference reads best.
            Member member = typing.member(structure, field.name());
            String accessor = context.isEnum(member.targetShape()) ? member.javaName() + "AsString" : member.javaName();
            each = Part.value(CodeBlock.of(""), PathType.of(context.model(), member.targetShape()), true);
            mapped = CodeBlock.of("$L.map($T::$N)", elements, context.classOf(structure.shape()), accessor);
        } else {
            String item = item(depth);
            each = asValue(compile(right, Part.value(CodeBlock.of("$N", item), element, false), depth + 1));
            mapped = CodeBlock.of("$L.map($N -> $L)", elements, item, each.code());
        }
        if (each.nullable()) {
            mapped = CodeBlock.of("$L.filter($T::nonNull)", mapped, Objects.class);
        }
        return new Part(mapped, new ListType(each.type()), Form.STREAM, false, false, false);
    }

    private Part comparison(Comparison comparison, Part left, Part right) {
        boolean primitives = left.primitive() && right.primitive();
        String symbol = comparison.comparator().symbol();
        if (comparison.comparator().ordering()) {
            if (primitives) {
                return Part.primitive(CodeBlock.of("$L $L $L", left.code(), symbol, right.code()), PathType.BOOLEAN);
            }
            String method = switch (comparison.comparator()) {
                case LT -> "lessThan";
                case LE -> "lessThanOrEqual";
                case GT -> "greaterThan";
                default -> "greaterThanOrEqual";
            };
            return Part.value(CodeBlock.of("$T.$N($L, $L)", PATH_VALUES, method, left.code(), right.code()), PathType.BOOLEAN, true);
        }
        boolean equal = comparison.comparator() == PathExpression.Comparator.EQ;
        CodeBlock test;
        if (primitives && left.type().getClass() == right.type().getClass()) {
            return Part.primitive(CodeBlock.of("$L $L $L", left.code(), symbol, right.code()), PathType.BOOLEAN);
        }
        if (isStringLiteral(right) || isStringLiteral(left)) {
            Part literal = isStringLiteral(right) ? right : left;
            Part other = literal == right ? left : right;
            test = CodeBlock.of("$L.equals($L)", literal.code(), other.code());
        } else if (right.type() instanceof NullType || left.type() instanceof NullType) {
            Part other = right.type() instanceof NullType ? left : right;
            test = CodeBlock.of("$L == null", other.code());
        } else {
            test = CodeBlock.of("$T.equal($L, $L)", PATH_VALUES, left.code(), right.code());
        }
        return Part.primitive(equal ? test : CodeBlock.of("!$L", parenthesized(test)), PathType.BOOLEAN);
    }

    private Part logical(Part left, Part right, String operator, String valueMethod) {
        if (left.type() instanceof BooleanType && right.type() instanceof BooleanType || !left.type().equals(right.type())) {
            return Part.primitive(CodeBlock.of("$L $L $L", parenthesized(truth(left)), operator, parenthesized(truth(right))), PathType.BOOLEAN);
        }
        return Part.value(CodeBlock.of("$T.$N($L, $L)", PATH_VALUES, valueMethod, left.code(), right.code()), left.type(), true);
    }

    private Part literal(Object value) {
        if (value instanceof String s) {
            return Part.value(CodeBlock.of("$S", s), PathType.STRING, false);
        }
        if (value instanceof Boolean b) {
            return Part.primitive(CodeBlock.of("$L", b), PathType.BOOLEAN);
        }
        if (value instanceof BigDecimal number) {
            PathType type = typing.type(new Literal(value), PathType.STRING);
            CodeBlock code = switch (((NumberType) type).scalar()) {
                case INTEGER -> CodeBlock.of("$L", number.intValueExact());
                case LONG -> CodeBlock.of("$LL", number.longValueExact());
                default -> CodeBlock.of("$L", Double.toString(number.doubleValue()));
            };
            return Part.primitive(code, type);
        }
        return Part.value(CodeBlock.of("null"), new NullType(), true);
    }

    private Part function(FunctionCall call, Part current, int depth) {
        List<Part> arguments = call.arguments().stream().map(argument -> asValue(compile(argument, current, depth))).toList();
        Part first = arguments.get(0);
        switch (call.name()) {
            case "length":
                if (first.type() instanceof StringType) {
                    return Part.value(CodeBlock.of("$T.length($L)", PATH_VALUES, first.code()), PathType.INTEGER, true);
                }
                return Part.primitive(CodeBlock.of("$L.size()", first.code()), PathType.INTEGER);
            case "keys":
                return Part.value(CodeBlock.of("$T.copyOf($L.keySet())", List.class, first.code()), new ListType(PathType.STRING), false);
            case "values":
                return Part.value(CodeBlock.of("$T.copyOf($L.values())", List.class, first.code()),
                        new ListType(((MapType) first.type()).value()), false);
            case "contains":
                return Part.primitive(CodeBlock.of("$T.contains($L, $L)", PATH_VALUES, first.code(), arguments.get(1).code()), PathType.BOOLEAN);
            case "starts_with":
                return Part.primitive(CodeBlock.of("$T.startsWith($L, $L)", PATH_VALUES, first.code(), arguments.get(1).code()), PathType.BOOLEAN);
            case "ends_with":
                return Part.primitive(CodeBlock.of("$T.endsWith($L, $L)", PATH_VALUES, first.code(), arguments.get(1).code()), PathType.BOOLEAN);
            default:
                throw new IllegalStateException("unvalidated function " + call.name());
        }
    }

    /** The part as a plain value: an {@code Optional} unwrapped, a stream collected. */
    private Part asValue(Part part) {
        return switch (part.form()) {
            case VALUE -> part;
            case STREAM -> part.with(CodeBlock.of("$L.toList()", part.code()), Form.VALUE);
            case OPTIONAL -> {
                if (part.type() instanceof ListType) {
                    yield Part.value(CodeBlock.of("$L.orElse($T.of())", part.code(), List.class), part.type(), false);
                }
                if (part.type() instanceof MapType) {
                    yield Part.value(CodeBlock.of("$L.orElse($T.of())", part.code(), Map.class), part.type(), false);
                }
                yield Part.value(CodeBlock.of("$L.orElse(null)", part.code()), part.type(), true);
            }
        };
    }

    private CodeBlock stream(Part list) {
        return list.form() == Form.STREAM ? list.code() : CodeBlock.of("$L.stream()", asValue(list).code());
    }

    /** A Java {@code boolean}: the part's JMESPath truth. */
    private CodeBlock truth(Part part) {
        Part value = asValue(part);
        if (value.type() instanceof BooleanType) {
            return value.nullable() ? CodeBlock.of("$T.TRUE.equals($L)", Boolean.class, value.code()) : value.code();
        }
        return CodeBlock.of("$T.truthy($L)", PATH_VALUES, value.code());
    }

    private static boolean isStringLiteral(Part part) {
        return part.type() instanceof StringType && part.code().toString().startsWith("\"");
    }

    private static CodeBlock parenthesized(CodeBlock code) {
        String text = code.toString();
        boolean simple = text.matches("[A-Za-z0-9_.$()\"]*") && !text.contains(" ");
        return simple ? code : CodeBlock.of("($L)", code);
    }

    /** The name of a lambda's element at this depth: {@code item}, then {@code item2}, ... so nested lambdas never clash. */
    private static String item(int depth) {
        return depth == 1 ? "item" : "item" + depth;
    }
}
