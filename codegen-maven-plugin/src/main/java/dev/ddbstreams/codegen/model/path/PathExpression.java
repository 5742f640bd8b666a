package dev.ddbstreams.codegen.model.path;

import java.util.List;

/**
 * A JMESPath expression (https://jmespath.org/specification.html) as waiters and paginators write them, parsed
 * into a tree the generator compiles to accessor calls. The node kinds follow the reference implementation's
 * parser, so an expression means what it means to botocore; the forms no AWS waiter or paginator uses (slices,
 * multi-select hashes, expression references) are refused when parsed.
 */
public sealed interface PathExpression {

    /** Parses {@code text}, or throws a {@link PathException} that says what is wrong and at which column. */
    static PathExpression parse(String text) {
        return new PathParser(text).parse();
    }

    /** {@code @}, and the implicit "current value" on the right of a projection. */
    record Current() implements PathExpression {}

    /** {@code name} or {@code "name"}: a member of the current structure (or a key of the current map). */
    record Field(String name) implements PathExpression {}

    /** {@code left.right}, and {@code left[0]}: {@code right} evaluated on the value of {@code left}. */
    record Subexpression(PathExpression left, PathExpression right) implements PathExpression {}

    /** {@code [i]} on the current list; negative counts from the end. */
    record Index(int index) implements PathExpression {}

    /** {@code left[*].right} or, over a {@link Flatten}, {@code left[].right}: right on each element, nulls dropped. */
    record Projection(PathExpression left, PathExpression right) implements PathExpression {}

    /** {@code left.*.right}: right on each value of the object {@code left}, nulls dropped. */
    record ValueProjection(PathExpression left, PathExpression right) implements PathExpression {}

    /** {@code left[?condition].right}: right on each element for which the condition is true. */
    record FilterProjection(PathExpression left, PathExpression right, PathExpression condition) implements PathExpression {}

    /** {@code child[]}: the list with the elements of its nested lists in their place. */
    record Flatten(PathExpression child) implements PathExpression {}

    /** A comparison: {@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}. */
    record Comparison(Comparator comparator, PathExpression left, PathExpression right) implements PathExpression {}

    /** {@code left || right}. */
    record Or(PathExpression left, PathExpression right) implements PathExpression {}

    /** {@code left && right}. */
    record And(PathExpression left, PathExpression right) implements PathExpression {}

    /** {@code !child}. */
    record Not(PathExpression child) implements PathExpression {}

    /** {@code left | right}: right evaluated on the result of left; ends a projection. */
    record Pipe(PathExpression left, PathExpression right) implements PathExpression {}

    /** {@code [a, b]}: a list of the values of each expression. */
    record MultiSelectList(List<PathExpression> elements) implements PathExpression {
        public MultiSelectList {
            elements = List.copyOf(elements);
        }
    }

    /**
     * A literal: {@code 'raw string'} or {@code `json`}. The value is a {@link String}, {@link Boolean},
     * {@link java.math.BigDecimal}, {@link List}, {@link java.util.Map} or {@link Literal#NULL}.
     */
    record Literal(Object value) implements PathExpression {
        /** The JSON {@code null}. */
        public static final Object NULL = new Object() {
            @Override
            public String toString() {
                return "null";
            }
        };
    }

    /** {@code name(arguments...)}. */
    record FunctionCall(String name, List<PathExpression> arguments) implements PathExpression {
        public FunctionCall {
            arguments = List.copyOf(arguments);
        }
    }

    /** The comparison operators, with their JMESPath spelling. */
    enum Comparator {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** Whether it orders values, which JMESPath does for numbers only. */
        public boolean ordering() {
            return this != EQ && this != NE;
        }
    }
}
