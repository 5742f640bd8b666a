package dev.ddbstreams.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ddbstreams.streams.model.AttributeValue;
import dev.ddbstreams.wire.ShapeGenerators.Options;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The property runs report failures usefully: a false property over the recursive {@code AttributeValue} is
 * caught, shrunk to a counterexample a person can read at a glance, and reported with the seed that replays it.
 */
class CounterexampleTest {

    private static final long SEED = 20_261_126L;

    private final WireModel model = WireModel.get();
    private final Gen<Object> attributeValues =
            new ShapeGenerators(model, Options.everything()).of("AttributeValue");

    /** A false law: "no list ever holds a list". The smallest counterexample is {@code {"L":[{"L":[]}]}}. */
    private String falsify() {
        AssertionError failure = catchThrowableOfType(AssertionError.class, () ->
                PropertyRuns.qt(2_000, 10_000).withFixedSeed(SEED).forAll(attributeValues)
                        .check(value -> !holdsListInList((AttributeValue) value, false)));
        assertThat(failure).as("the false property must be caught").isNotNull();
        return failure.getMessage();
    }

    private static boolean holdsListInList(AttributeValue value, boolean insideList) {
        if (value.hasL()) {
            return insideList || value.l().stream().anyMatch(element -> holdsListInList(element, true));
        }
        return value.m().values().stream().anyMatch(element -> holdsListInList(element, insideList));
    }

    @Test
    void aFailureIsShrunkToASmallCounterexample() {
        String smallest = smallestAsJson(falsify());

        // What remains still breaks the law, and is little more than the list in a list (QuickTheories cannot
        // always drop the siblings before it): a few dozen characters, not the kilobytes a random value can have.
        AttributeValue value = (AttributeValue) RoundTripPropertiesTest.unmarshal(
                WireCodec.of(model, "AttributeValue"), smallest.getBytes(StandardCharsets.UTF_8));
        assertThat(holdsListInList(value, false)).as(smallest).isTrue();
        assertThat(smallest.length()).as(smallest).isLessThanOrEqualTo(60);
    }

    @Test
    void aFailureReportsTheSeedThatReplaysIt() {
        String report = falsify();

        assertThat(report).contains("Seed was " + SEED);
        assertThat(smallestAsJson(falsify())).isEqualTo(smallestAsJson(report));
    }

    private static String smallestAsJson(String report) {
        Matcher smallest = Pattern.compile("Smallest found falsifying value\\(s\\) :-\\R.*?as JSON: (.*?)\\R",
                Pattern.DOTALL).matcher(report);
        assertThat(smallest.find()).as("a counterexample in %s", report).isTrue();
        return smallest.group(1);
    }
}
