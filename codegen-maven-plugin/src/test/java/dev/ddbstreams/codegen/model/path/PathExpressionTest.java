package dev.ddbstreams.codegen.model.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.codegen.model.path.PathExpression.And;
import dev.ddbstreams.codegen.model.path.PathExpression.Comparator;
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
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parser groups expressions as the reference implementation (jmespath.py) does. */
class PathExpressionTest {

    private static Field f(String name) {
        return new Field(name);
    }

    private static Subexpression sub(PathExpression left, PathExpression right) {
        return new Subexpression(left, right);
    }

    @Test
    void fieldsAndSubexpressions() {
        assertThat(PathExpression.parse("Table.TableStatus")).isEqualTo(sub(f("Table"), f("TableStatus")));
        assertThat(PathExpression.parse("\"odd name\".x")).isEqualTo(sub(f("odd name"), f("x")));
        assertThat(PathExpression.parse("@")).isEqualTo(new Current());
    }

    @Test
    void indexesAsKinesisTokensUseThem() {
        assertThat(PathExpression.parse("StreamDescription.Shards[-1].ShardId"))
                .isEqualTo(sub(sub(f("StreamDescription"), sub(f("Shards"), new Index(-1))), f("ShardId")));
    }

    @Test
    void flattenProjectsTheRestOfThePathOntoEachElement() {
        assertThat(PathExpression.parse("Reservations[].Instances[].State.Name")).isEqualTo(
                new Projection(new Flatten(new Projection(new Flatten(f("Reservations")), f("Instances"))), sub(f("State"), f("Name"))));
        assertThat(PathExpression.parse("MetricAlarms[]")).isEqualTo(new Projection(new Flatten(f("MetricAlarms")), new Current()));
        assertThat(PathExpression.parse("a[*].b")).isEqualTo(new Projection(f("a"), f("b")));
        assertThat(PathExpression.parse("a.*.b")).isEqualTo(new ValueProjection(f("a"), f("b")));
    }

    @Test
    void filtersWithComparisonsAndBooleanOperators() {
        PathExpression ecs = PathExpression.parse("length(services[?!(length(deployments) == `1` && runningCount == desiredCount)]) == `0`");
        PathExpression condition = new Not(new And(
                new Comparison(Comparator.EQ, new FunctionCall("length", List.of(f("deployments"))), new Literal(new BigDecimal("1"))),
                new Comparison(Comparator.EQ, f("runningCount"), f("desiredCount"))));
        assertThat(ecs).isEqualTo(new Comparison(Comparator.EQ,
                new FunctionCall("length", List.of(new FilterProjection(f("services"), new Current(), condition))),
                new Literal(new BigDecimal("0"))));
        assertThat(PathExpression.parse("a[?s == 'X' || s == 'Y'].n")).isEqualTo(new FilterProjection(f("a"), f("n"),
                new Or(new Comparison(Comparator.EQ, f("s"), new Literal("X")), new Comparison(Comparator.EQ, f("s"), new Literal("Y")))));
    }

    @Test
    void literals() {
        assertThat(PathExpression.parse("`true`")).isEqualTo(new Literal(true));
        assertThat(PathExpression.parse("`\"a`b\"`".replace("a`b", "a\\`b"))).isEqualTo(new Literal("a`b"));
        assertThat(PathExpression.parse("`null`")).isEqualTo(new Literal(Literal.NULL));
        assertThat(PathExpression.parse("`[1, \"x\"]`")).isEqualTo(new Literal(List.of(new BigDecimal("1"), "x")));
        assertThat(PathExpression.parse("`{\"k\": false}`")).isEqualTo(new Literal(Map.of("k", false)));
        assertThat(PathExpression.parse("'it\\'s'")).isEqualTo(new Literal("it's"));
        assertThat(PathExpression.parse("`ACTIVE`")).as("the older rule: a literal that is not JSON is a string").isEqualTo(new Literal("ACTIVE"));
    }

    @Test
    void pipesMultiSelectListsAndOr() {
        assertThat(PathExpression.parse("a[].b | [0]")).isEqualTo(new Pipe(new Projection(new Flatten(f("a")), f("b")), sub(new Current(), new Index(0))));
        assertThat(PathExpression.parse("Groups[].[length(Instances) >= MinSize][]")).isEqualTo(new Projection(new Flatten(
                new Projection(new Flatten(f("Groups")), new MultiSelectList(List.of(new Comparison(Comparator.GE,
                        new FunctionCall("length", List.of(f("Instances"))), f("MinSize")))))), new Current()));
        assertThat(PathExpression.parse("NextMarker || Contents[-1].Key"))
                .isEqualTo(new Or(f("NextMarker"), sub(sub(f("Contents"), new Index(-1)), f("Key"))));
    }

    @Test
    void unsupportedAndBrokenFormsAreRefusedWithTheirColumn() {
        assertThatThrownBy(() -> PathExpression.parse("a[0:2]")).hasMessage("at column 3: slices ([start:stop:step]) are not supported");
        assertThatThrownBy(() -> PathExpression.parse("{a: b}")).hasMessage("at column 1: multi-select hashes ({...}) are not supported");
        assertThatThrownBy(() -> PathExpression.parse("sort_by(a, &b)")).hasMessage("at column 12: expression references (&...) are not supported");
        assertThatThrownBy(() -> PathExpression.parse("a = 'x'")).hasMessage("at column 3: \"=\" is not an operator; did you mean \"==\"?");
        assertThatThrownBy(() -> PathExpression.parse("a.")).hasMessage("at column 3: expected a name after \".\", but found the end of the expression");
        assertThatThrownBy(() -> PathExpression.parse("'open")).hasMessage("at column 1: a raw string is not closed with '");
        assertThatThrownBy(() -> PathExpression.parse("a b")).hasMessage("at column 3: unexpected the name \"b\"");
        assertThatThrownBy(() -> PathExpression.parse(" ")).hasMessage("the expression is empty");
    }
}
