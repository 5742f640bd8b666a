package dev.ddbstreams.runtime.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable JSON value of any kind, for the model's {@code document} type (Smithy's {@code document}, C2J's
 * {@code "document": true}): a service takes or returns open content, such as a policy, whose shape the model does
 * not describe. The counterpart of the AWS SDK for Java v2's {@code Document}.
 *
 * <p>A document is null, a boolean, a number, a string, a list of documents or a map of string keys to documents.
 * A number keeps its exact text ({@code 1.50} stays {@code 1.50}, and a 40-digit integer is not rounded), because a
 * document's numbers belong to whoever wrote them. Lists and maps are unmodifiable copies; a map keeps the order of
 * its keys. Nesting is bounded by {@value #MAX_DEPTH} levels, what the JSON parser and generator accept, so a
 * document the client builds can always be sent and one it reads can always be compared and printed.
 *
 * <p>Two documents are equal when they are of the same type with equal values: numbers when their text is the same
 * (so {@code 1.0} and {@code 1} differ, as their texts do), maps whatever the order of their keys.
 * {@code toString()} is the document as compact JSON.
 */
public final class Document {

    /** The kinds of JSON value. */
    public enum Type {
        /** JSON {@code null}. */
        NULL,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** A number, kept as its text. */
        NUMBER,
        /** A string. */
        STRING,
        /** A list of documents. */
        LIST,
        /** A map from string keys to documents. */
        MAP
    }

    /** The deepest nesting of lists and maps a document may have (the JSON parser's and generator's limit). */
    public static final int MAX_DEPTH = 1000;

    private static final Document NULL = new Document(Type.NULL, null, 0);
    private static final Document TRUE = new Document(Type.BOOLEAN, Boolean.TRUE, 0);
    private static final Document FALSE = new Document(Type.BOOLEAN, Boolean.FALSE, 0);

    private final Type type;
    // Boolean, the number's text, the String, an unmodifiable List<Document> or Map<String, Document>; null for NULL.
    private final Object value;
    // Levels of lists and maps inside this document: 0 for a scalar, 1 for a list of scalars.
    private final int depth;

    private Document(Type type, Object value, int depth) {
        this.type = type;
        this.value = value;
        this.depth = depth;
    }

    /** The JSON {@code null} document. */
    public static Document fromNull() {
        return NULL;
    }

    /** A boolean document. */
    public static Document fromBoolean(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** A string document. */
    public static Document fromString(String value) {
        return new Document(Type.STRING, Objects.requireNonNull(value, "value"), 0);
    }

    /**
     * A number document with exactly this text, which must be a JSON number ({@code -12}, {@code 3.25},
     * {@code 6.02e23}); it is sent as written.
     *
     * @throws IllegalArgumentException when the text is not a JSON number (such as {@code NaN}, {@code 0x10} or
     *     {@code 1.})
     */
    public static Document fromNumber(String jsonNumber) {
        Objects.requireNonNull(jsonNumber, "jsonNumber");
        if (!isJsonNumber(jsonNumber)) {
            throw new IllegalArgumentException("\"" + abbreviate(jsonNumber) + "\" is not a JSON number");
        }
        return new Document(Type.NUMBER, jsonNumber, 0);
    }

    /** A number document of an integer. */
    public static Document fromNumber(long value) {
        return new Document(Type.NUMBER, Long.toString(value), 0);
    }

    /** A number document of an integer of any size. */
    public static Document fromNumber(BigInteger value) {
        return new Document(Type.NUMBER, Objects.requireNonNull(value, "value").toString(), 0);
    }

    /** A number document of a decimal, with its scale ({@code 1.50} stays {@code 1.50}). */
    public static Document fromNumber(BigDecimal value) {
        return fromNumber(Objects.requireNonNull(value, "value").toString());
    }

    /**
     * A number document of a {@code double}, as {@link Double#toString} writes it.
     *
     * @throws IllegalArgumentException for NaN and the infinities, which JSON cannot hold
     */
    public static Document fromNumber(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(value + " cannot be a JSON number");
        }
        return new Document(Type.NUMBER, Double.toString(value), 0);
    }

    /**
     * A list document: an unmodifiable copy of {@code elements}.
     *
     * @throws NullPointerException when an element is null (use {@link #fromNull()} for JSON {@code null})
     * @throws IllegalArgumentException when the list would nest deeper than {@value #MAX_DEPTH} levels
     */
    public static Document fromList(List<Document> elements) {
        Objects.requireNonNull(elements, "elements");
        List<Document> copy = new ArrayList<>(elements.size());
        int depth = 0;
        for (Document element : elements) {
            if (element == null) {
                throw new NullPointerException("a document list cannot hold a null element (index " + copy.size()
                        + "); use Document.fromNull() for JSON null");
            }
            depth = Math.max(depth, element.depth);
            copy.add(element);
        }
        return new Document(Type.LIST, Collections.unmodifiableList(copy), nested(depth));
    }

    /** A list document of these elements. */
    public static Document fromList(Document... elements) {
        return fromList(List.of(elements));
    }

    /**
     * A map document: an unmodifiable copy of {@code entries} that keeps their order.
     *
     * @throws NullPointerException when a key or value is null (use {@link #fromNull()} for JSON {@code null})
     * @throws IllegalArgumentException when the map would nest deeper than {@value #MAX_DEPTH} levels
     */
    public static Document fromMap(Map<String, Document> entries) {
        Objects.requireNonNull(entries, "entries");
        Map<String, Document> copy = new LinkedHashMap<>(Math.max(4, entries.size() * 4 / 3 + 1));
        int depth = 0;
        for (Map.Entry<String, Document> entry : entries.entrySet()) {
            if (entry.getKey() == null) {
                throw new NullPointerException("a document map cannot have a null key");
            }
            if (entry.getValue() == null) {
                throw new NullPointerException("a document map cannot hold a null value (key " + entry.getKey()
                        + "); use Document.fromNull() for JSON null");
            }
            depth = Math.max(depth, entry.getValue().depth);
            copy.put(entry.getKey(), entry.getValue());
        }
        return new Document(Type.MAP, Collections.unmodifiableMap(copy), nested(depth));
    }

    private static int nested(int innerDepth) {
        if (innerDepth >= MAX_DEPTH) {
            throw new IllegalArgumentException("a document cannot nest lists and maps more than " + MAX_DEPTH + " levels deep");
        }
        return innerDepth + 1;
    }

    /** What kind of value this is. */
    public Type type() {
        return type;
    }

    /** Whether this is JSON {@code null}. */
    public boolean isNull() {
        return type == Type.NULL;
    }

    /** Whether this is a boolean. */
    public boolean isBoolean() {
        return type == Type.BOOLEAN;
    }

    /** Whether this is a number. */
    public boolean isNumber() {
        return type == Type.NUMBER;
    }

    /** Whether this is a string. */
    public boolean isString() {
        return type == Type.STRING;
    }

    /** Whether this is a list. */
    public boolean isList() {
        return type == Type.LIST;
    }

    /** Whether this is a map. */
    public boolean isMap() {
        return type == Type.MAP;
    }

    /**
     * The boolean.
     *
     * @throws IllegalStateException when this is not a boolean
     */
    public boolean asBoolean() {
        return (Boolean) expect(Type.BOOLEAN);
    }

    /**
     * The string.
     *
     * @throws IllegalStateException when this is not a string
     */
    public String asString() {
        return (String) expect(Type.STRING);
    }

    /**
     * The number exactly as written, a JSON number such as {@code 6.02e23}.
     *
     * @throws IllegalStateException when this is not a number
     */
    public String asNumberText() {
        return (String) expect(Type.NUMBER);
    }

    /**
     * The number as a {@code BigDecimal}, exactly.
     *
     * @throws IllegalStateException when this is not a number
     */
    public BigDecimal asBigDecimal() {
        return new BigDecimal(asNumberText());
    }

    /**
     * The number as a {@code long}, exactly.
     *
     * @throws IllegalStateException when this is not a number
     * @throws ArithmeticException when it has a fraction or does not fit in a {@code long}
     */
    public long asLong() {
        return asBigDecimal().longValueExact();
    }

    /**
     * The number as the nearest {@code double}.
     *
     * @throws IllegalStateException when this is not a number
     */
    public double asDouble() {
        return Double.parseDouble(asNumberText());
    }

    /**
     * The elements, unmodifiable.
     *
     * @throws IllegalStateException when this is not a list
     */
    @SuppressWarnings("unchecked")
    public List<Document> asList() {
        return (List<Document>) expect(Type.LIST);
    }

    /**
     * The entries, unmodifiable, in their order.
     *
     * @throws IllegalStateException when this is not a map
     */
    @SuppressWarnings("unchecked")
    public Map<String, Document> asMap() {
        return (Map<String, Document>) expect(Type.MAP);
    }

    private Object expect(Type expected) {
        if (type != expected) {
            throw new IllegalStateException("this document is " + describe(type) + ", not " + describe(expected));
        }
        return value;
    }

    private static String describe(Type type) {
        return switch (type) {
            case NULL -> "null";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case LIST -> "a list";
            case MAP -> "a map";
        };
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Document that && type == that.type && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * type.ordinal() + Objects.hashCode(value);
    }

    /** The document as compact JSON text. */
    @Override
    public String toString() {
        StringBuilder json = new StringBuilder();
        appendJson(json);
        return json.toString();
    }

    private void appendJson(StringBuilder json) {
        switch (type) {
            case NULL -> json.append("null");
            case BOOLEAN, NUMBER -> json.append(value);
            case STRING -> appendString(json, (String) value);
            case LIST -> {
                json.append('[');
                boolean first = true;
                for (Document element : asList()) {
                    json.append(first ? "" : ",");
                    element.appendJson(json);
                    first = false;
                }
                json.append(']');
            }
            case MAP -> {
                json.append('{');
                boolean first = true;
                for (Map.Entry<String, Document> entry : asMap().entrySet()) {
                    json.append(first ? "" : ",");
                    appendString(json, entry.getKey());
                    json.append(':');
                    entry.getValue().appendJson(json);
                    first = false;
                }
                json.append('}');
            }
        }
    }

    private static void appendString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /** Whether {@code text} is a JSON number: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}. */
    static boolean isJsonNumber(String text) {
        int at = 0;
        int end = text.length();
        if (at < end && text.charAt(at) == '-') {
            at++;
        }
        if (at < end && text.charAt(at) == '0') {
            at++;
        } else {
            int start = at;
            at = digits(text, at);
            if (at == start) {
                return false;
            }
        }
        if (at < end && text.charAt(at) == '.') {
            int start = ++at;
            at = digits(text, at);
            if (at == start) {
                return false;
            }
        }
        if (at < end && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            at++;
            if (at < end && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                at++;
            }
            int start = at;
            at = digits(text, at);
            if (at == start) {
                return false;
            }
        }
        return at == end;
    }

    private static int digits(String text, int from) {
        int at = from;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
