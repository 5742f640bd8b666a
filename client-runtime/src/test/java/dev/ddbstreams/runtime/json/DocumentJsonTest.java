package dev.ddbstreams.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.ddbstreams.runtime.core.Document;
import dev.ddbstreams.runtime.exception.MalformedResponseException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Documents on the wire: what {@link JsonWriting#writeDocument} writes, {@link JsonReading#readDocument} reads back
 * equal, and writes again to the very same text; a document's {@code toString()} is that text; equal documents have
 * equal hash codes. Checked on random documents of every kind, nested, with numbers in every JSON spelling. Like
 * the properties of AttributeValue, with a fixed seed in CI.
 */
class DocumentJsonTest {

    private static final JsonFactory JSON = new JsonFactory();

    private static QuickTheory qt() {
        QuickTheory theory = QuickTheory.qt().withExamples(5_000).withShrinkCycles(5_000);
        return "true".equals(System.getenv("CI")) ? theory.withFixedSeed(20261126L) : theory;
    }

    static String write(Document document) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            JsonWriting.writeDocument(generator, document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static Document read(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            parser.nextToken();
            Document document = JsonReading.readDocument(parser, "Shape.Doc");
            assertThat(parser.nextToken()).as("the parser ends on the document's last token").isNull();
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Random documents: every kind, up to a few levels deep, numbers in every spelling JSON allows. */
    static Gen<Document> documents() {
        return in -> document(in, 4);
    }

    private static long draw(RandomnessSource in, long min, long max) {
        return in.next(org.quicktheories.impl.Constraint.between(min, max));
    }

    private static Document document(RandomnessSource in, int depth) {
        switch ((int) draw(in, 0, depth > 0 ? 5 : 3)) {
            case 0:
                return draw(in, 0, 1) == 0 ? Document.fromNull() : Document.fromBoolean(draw(in, 0, 1) == 1);
            case 1:
                return Document.fromString(text(in));
            case 2:
                return Document.fromNumber(number(in));
            case 3:
                return Document.fromNumber(draw(in, Long.MIN_VALUE, Long.MAX_VALUE));
            case 4: {
                List<Document> elements = new ArrayList<>();
                for (int i = (int) draw(in, 0, 4); i > 0; i--) {
                    elements.add(document(in, depth - 1));
                }
                return Document.fromList(elements);
            }
            default: {
                Map<String, Document> entries = new LinkedHashMap<>();
                for (int i = (int) draw(in, 0, 4); i > 0; i--) {
                    entries.put(text(in), document(in, depth - 1));
                }
                return Document.fromMap(entries);
            }
        }
    }

    private static String text(RandomnessSource in) {
        StringBuilder text = new StringBuilder();
        for (int i = (int) draw(in, 0, 6); i > 0; i--) {
            // ASCII, control characters, quotes and backslashes, accented letters and a character beyond the BMP.
            int pick = (int) draw(in, 0, 9);
            text.append(switch (pick) {
                case 0 -> "\"";
                case 1 -> "\\";
                case 2 -> "\n";
                case 3 -> "\u0001";
                case 4 -> "\u00e9";
                case 5 -> "\ud83d\ude00";
                default -> String.valueOf((char) ('a' + draw(in, 0, 25)));
            });
        }
        return text.toString();
    }

    /** A JSON number as a service or a person might write it: sign, zero, fraction, exponent, many digits. */
    private static String number(RandomnessSource in) {
        StringBuilder number = new StringBuilder(draw(in, 0, 1) == 0 ? "" : "-");
        number.append(draw(in, 0, 3) == 0 ? "0" : Long.toString(draw(in, 1, Long.MAX_VALUE)));
        if (draw(in, 0, 1) == 1) {
            number.append('.').append(String.format("%0" + draw(in, 1, 25) + "d", draw(in, 0, 999_999)));
        }
        if (draw(in, 0, 2) == 0) {
            number.append(draw(in, 0, 1) == 0 ? 'e' : 'E').append(switch ((int) draw(in, 0, 2)) {
                case 0 -> "";
                case 1 -> "+";
                default -> "-";
            }).append(draw(in, 0, 999));
        }
        return number.toString();
    }

    @Test
    void readsBackEqualAndWritesTheSameText() {
        qt().forAll(documents()).checkAssert(document -> {
            String json = write(document);
            Document back = read(json);
            assertThat(back).isEqualTo(document).hasSameHashCodeAs(document);
            assertThat(write(back)).isEqualTo(json);
        });
    }

    @Test
    void toStringIsTheJsonWritten() {
        qt().forAll(documents()).checkAssert(document -> assertThat(document.toString()).isEqualTo(write(document)));
    }

    @Test
    void equalExactlyWhenTheContentIsEqual() {
        Gen<Document> small = in -> document(in, 2);
        qt().withExamples(20_000).forAll(small, small).checkAssert((one, other) -> {
            assertThat(one.equals(other)).isEqualTo(canonical(one).equals(canonical(other)));
            if (one.equals(other)) {
                assertThat(one.hashCode()).isEqualTo(other.hashCode());
            }
        });
    }

    /** The content of a document with every map's keys sorted: equal documents, and only they, have the same one. */
    private static String canonical(Document document) {
        if (document.isList()) {
            return document.asList().stream().map(DocumentJsonTest::canonical).toList().toString();
        }
        if (document.isMap()) {
            return new java.util.TreeMap<>(document.asMap()).entrySet().stream()
                    .map(entry -> write(Document.fromString(entry.getKey())) + ":" + canonical(entry.getValue()))
                    .toList().toString() + "m";
        }
        return write(document);
    }

    @Test
    void nullAndEveryOtherKindReadAsDocuments() {
        assertThat(read("null")).isEqualTo(Document.fromNull());
        assertThat(read("[1,\"a\",null,true,{}]").asList()).hasSize(5);
        assertThat(read("{\"n\":12345678901234567890123456789.50}").asMap().get("n").asNumberText())
                .isEqualTo("12345678901234567890123456789.50");
    }

    @Test
    void refusesAKeyNamedTwiceInAnyObject() {
        assertThatThrownBy(() -> read("{\"a\":[{\"k\":1,\"k\":2}]}"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("Shape.Doc: the key \"k\" appears more than once");
    }

    @Test
    void nestingIsBoundedByTheParser() {
        int depth = 1_001;
        String json = "[".repeat(depth) + "]".repeat(depth);
        assertThatThrownBy(() -> read(json)).hasRootCauseInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void drawsEveryKind() {
        List<Document.Type> kinds = new ArrayList<>();
        qt().withExamples(2_000).forAll(documents()).checkAssert(document -> kinds.add(document.type()));
        assertThat(kinds).contains(Document.Type.values());
    }
}
