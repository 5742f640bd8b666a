package dev.ddbstreams.codegen.model.path;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A top-down operator precedence parser for JMESPath, with the binding powers and the projection rules of the
 * reference implementation (jmespath.py), so that {@code a[].b[].c} or {@code x[?y] | z} group as they do there.
 */
final class PathParser {

    private enum Kind {
        EOF(0), UNQUOTED(0), QUOTED(0), LITERAL(0), RBRACKET(0), RPAREN(0), COMMA(0), RBRACE(0), NUMBER(0), CURRENT(0),
        EXPREF(0), COLON(0), PIPE(1), OR(2), AND(3), EQ(5), GT(5), LT(5), GTE(5), LTE(5), NE(5), FLATTEN(9),
        STAR(20), FILTER(21), DOT(40), NOT(45), LBRACE(50), LBRACKET(55), LPAREN(60);

        final int power;

        Kind(int power) {
            this.power = power;
        }
    }

    /** Tokens whose binding power is below this end a projection. */
    private static final int PROJECTION_STOP = 10;

    private record Token(Kind kind, Object value, int column) {}

    private final String text;
    private final List<Token> tokens;
    private int position;

    PathParser(String text) {
        this.text = text;
        this.tokens = new Lexer(text).tokens();
    }

    PathExpression parse() {
        if (text.isBlank()) {
            throw new PathException("the expression is empty");
        }
        PathExpression expression = expression(0);
        if (current().kind() != Kind.EOF) {
            throw error(current(), "unexpected " + describe(current()));
        }
        return expression;
    }

    private PathExpression expression(int power) {
        Token left = current();
        advance();
        PathExpression node = nud(left);
        while (power < current().kind().power) {
            Token token = current();
            advance();
            node = led(token, node);
        }
        return node;
    }

    private PathExpression nud(Token token) {
        switch (token.kind()) {
            case LITERAL:
                return new Literal(token.value());
            case UNQUOTED:
                return new Field((String) token.value());
            case QUOTED:
                if (current().kind() == Kind.LPAREN) {
                    throw error(token, "a quoted name cannot be a function name");
                }
                return new Field((String) token.value());
            case STAR:
                return new ValueProjection(new Current(), current().kind() == Kind.RBRACKET ? new Current() : projectionRight(Kind.STAR.power));
            case FILTER:
                return filter(new Current());
            case LPAREN: {
                PathExpression inner = expression(0);
                match(Kind.RPAREN, "\")\"");
                return inner;
            }
            case FLATTEN:
                return new Projection(new Flatten(new Current()), projectionRight(Kind.FLATTEN.power));
            case NOT:
                return new Not(expression(Kind.NOT.power));
            case LBRACKET:
                if (current().kind() == Kind.NUMBER || current().kind() == Kind.COLON) {
                    return new Subexpression(new Current(), index());
                }
                if (current().kind() == Kind.STAR && lookahead(1).kind() == Kind.RBRACKET) {
                    advance();
                    advance();
                    return new Projection(new Current(), projectionRight(Kind.STAR.power));
                }
                return multiSelectList();
            case CURRENT:
                return new Current();
            case LBRACE:
                throw error(token, "multi-select hashes ({...}) are not supported");
            case EXPREF:
                throw error(token, "expression references (&...) are not supported");
            case EOF:
                throw error(token, "the expression ends too early");
            default:
                throw error(token, "unexpected " + describe(token));
        }
    }

    private PathExpression led(Token token, PathExpression left) {
        switch (token.kind()) {
            case DOT:
                if (current().kind() == Kind.STAR) {
                    advance();
                    return new ValueProjection(left, projectionRight(Kind.DOT.power));
                }
                return new Subexpression(left, dotRight(Kind.DOT.power));
            case PIPE:
                return new Pipe(left, expression(Kind.PIPE.power));
            case OR:
                return new Or(left, expression(Kind.OR.power));
            case AND:
                return new And(left, expression(Kind.AND.power));
            case LPAREN:
                return function(token, left);
            case FILTER:
                return filter(left);
            case EQ:
                return new Comparison(Comparator.EQ, left, expression(Kind.EQ.power));
            case NE:
                return new Comparison(Comparator.NE, left, expression(Kind.NE.power));
            case LT:
                return new Comparison(Comparator.LT, left, expression(Kind.LT.power));
            case LTE:
                return new Comparison(Comparator.LE, left, expression(Kind.LTE.power));
            case GT:
                return new Comparison(Comparator.GT, left, expression(Kind.GT.power));
            case GTE:
                return new Comparison(Comparator.GE, left, expression(Kind.GTE.power));
            case FLATTEN:
                return new Projection(new Flatten(left), projectionRight(Kind.FLATTEN.power));
            case LBRACKET:
                if (current().kind() == Kind.NUMBER || current().kind() == Kind.COLON) {
                    return new Subexpression(left, index());
                }
                match(Kind.STAR, "\"*\", a number or \"]\"");
                match(Kind.RBRACKET, "\"]\"");
                return new Projection(left, projectionRight(Kind.STAR.power));
            default:
                throw error(token, "unexpected " + describe(token));
        }
    }

    private PathExpression index() {
        if (current().kind() == Kind.COLON || lookahead(1).kind() == Kind.COLON) {
            throw error(current(), "slices ([start:stop:step]) are not supported");
        }
        Token number = current();
        advance();
        match(Kind.RBRACKET, "\"]\"");
        return new Index((Integer) number.value());
    }

    private PathExpression filter(PathExpression left) {
        PathExpression condition = expression(0);
        match(Kind.RBRACKET, "\"]\"");
        PathExpression right = current().kind() == Kind.FLATTEN ? new Current() : projectionRight(Kind.FILTER.power);
        return new FilterProjection(left, right, condition);
    }

    private PathExpression function(Token token, PathExpression left) {
        if (!(left instanceof Field field)) {
            throw error(token, "only a name can be called as a function");
        }
        List<PathExpression> arguments = new ArrayList<>();
        while (current().kind() != Kind.RPAREN) {
            arguments.add(expression(0));
            if (current().kind() == Kind.COMMA) {
                advance();
            } else if (current().kind() != Kind.RPAREN) {
                throw error(current(), "expected \",\" or \")\" in the arguments of " + field.name() + "(), but found " + describe(current()));
            }
        }
        advance();
        return new FunctionCall(field.name(), arguments);
    }

    private PathExpression multiSelectList() {
        List<PathExpression> elements = new ArrayList<>();
        while (true) {
            elements.add(expression(0));
            if (current().kind() == Kind.RBRACKET) {
                break;
            }
            match(Kind.COMMA, "\",\" or \"]\"");
        }
        advance();
        return new MultiSelectList(elements);
    }

    private PathExpression projectionRight(int power) {
        Kind next = current().kind();
        if (next.power < PROJECTION_STOP) {
            return new Current();
        }
        if (next == Kind.LBRACKET || next == Kind.FILTER) {
            return expression(power);
        }
        if (next == Kind.DOT) {
            advance();
            return dotRight(power);
        }
        throw error(current(), "unexpected " + describe(current()) + " after a projection");
    }

    private PathExpression dotRight(int power) {
        Kind next = current().kind();
        if (next == Kind.UNQUOTED || next == Kind.QUOTED || next == Kind.STAR) {
            return expression(power);
        }
        if (next == Kind.LBRACKET) {
            advance();
            return multiSelectList();
        }
        if (next == Kind.LBRACE) {
            throw error(current(), "multi-select hashes ({...}) are not supported");
        }
        throw error(current(), "expected a name after \".\", but found " + describe(current()));
    }

    private Token current() {
        return tokens.get(position);
    }

    private Token lookahead(int n) {
        return tokens.get(Math.min(position + n, tokens.size() - 1));
    }

    private void advance() {
        if (position < tokens.size() - 1) {
            position++;
        }
    }

    private void match(Kind kind, String expected) {
        if (current().kind() != kind) {
            throw error(current(), "expected " + expected + ", but found " + describe(current()));
        }
        advance();
    }

    private static String describe(Token token) {
        return switch (token.kind()) {
            case EOF -> "the end of the expression";
            case UNQUOTED, QUOTED -> "the name \"" + token.value() + "\"";
            case NUMBER -> "the number " + token.value();
            case LITERAL -> "a literal";
            default -> "\"" + token.value() + "\"";
        };
    }

    private PathException error(Token token, String problem) {
        return new PathException("at column " + (token.column() + 1) + ": " + problem);
    }

    /** Splits the text into tokens, ending with one EOF token. */
    private static final class Lexer {
        private final String text;
        private final List<Token> tokens = new ArrayList<>();
        private int at;

        Lexer(String text) {
            this.text = text;
        }

        List<Token> tokens() {
            while (at < text.length()) {
                char c = text.charAt(at);
                int start = at;
                if (Character.isWhitespace(c)) {
                    at++;
                } else if (Character.isLetter(c) && c < 128 || c == '_') {
                    while (at < text.length() && (isAsciiLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                        at++;
                    }
                    add(Kind.UNQUOTED, text.substring(start, at), start);
                } else if (c == '-' || c >= '0' && c <= '9') {
                    at++;
                    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                        at++;
                    }
                    String digits = text.substring(start, at);
                    if (digits.equals("-")) {
                        throw new PathException("at column " + (start + 1) + ": \"-\" must start a number");
                    }
                    try {
                        add(Kind.NUMBER, Integer.parseInt(digits), start);
                    } catch (NumberFormatException e) {
                        throw new PathException("at column " + (start + 1) + ": the index " + digits + " is too large");
                    }
                } else {
                    symbol(c, start);
                }
            }
            tokens.add(new Token(Kind.EOF, "", text.length()));
            return tokens;
        }

        private void symbol(char c, int start) {
            at++;
            char next = at < text.length() ? text.charAt(at) : '\0';
            switch (c) {
                case '.' -> add(Kind.DOT, ".", start);
                case '*' -> add(Kind.STAR, "*", start);
                case '@' -> add(Kind.CURRENT, "@", start);
                case ',' -> add(Kind.COMMA, ",", start);
                case ':' -> add(Kind.COLON, ":", start);
                case '(' -> add(Kind.LPAREN, "(", start);
                case ')' -> add(Kind.RPAREN, ")", start);
                case '{' -> add(Kind.LBRACE, "{", start);
                case '}' -> add(Kind.RBRACE, "}", start);
                case ']' -> add(Kind.RBRACKET, "]", start);
                case '[' -> {
                    if (next == ']') {
                        at++;
                        add(Kind.FLATTEN, "[]", start);
                    } else if (next == '?') {
                        at++;
                        add(Kind.FILTER, "[?", start);
                    } else {
                        add(Kind.LBRACKET, "[", start);
                    }
                }
                case '|' -> twoChar(next, '|', Kind.OR, "||", Kind.PIPE, "|", start);
                case '&' -> twoChar(next, '&', Kind.AND, "&&", Kind.EXPREF, "&", start);
                case '!' -> twoChar(next, '=', Kind.NE, "!=", Kind.NOT, "!", start);
                case '<' -> twoChar(next, '=', Kind.LTE, "<=", Kind.LT, "<", start);
                case '>' -> twoChar(next, '=', Kind.GTE, ">=", Kind.GT, ">", start);
                case '=' -> {
                    if (next != '=') {
                        throw new PathException("at column " + (start + 1) + ": \"=\" is not an operator; did you mean \"==\"?");
                    }
                    at++;
                    add(Kind.EQ, "==", start);
                }
                case '"' -> add(Kind.QUOTED, quotedName(start), start);
                case '\'' -> add(Kind.LITERAL, rawString(start), start);
                case '`' -> add(Kind.LITERAL, jsonLiteral(start), start);
                default -> throw new PathException("at column " + (start + 1) + ": unexpected character '" + c + "'");
            }
        }

        private void twoChar(char next, char second, Kind pair, String pairText, Kind single, String singleText, int start) {
            if (next == second) {
                at++;
                add(pair, pairText, start);
            } else {
                add(single, singleText, start);
            }
        }

        private String quotedName(int start) {
            String body = until('"', start, "a quoted name");
            return JsonLiteral.parseString("\"" + body + "\"", start);
        }

        private String rawString(int start) {
            return until('\'', start, "a raw string").replace("\\'", "'");
        }

        private Object jsonLiteral(int start) {
            String body = until('`', start, "a literal").replace("\\`", "`");
            return JsonLiteral.parse(body, start);
        }

        /** The text up to the closing {@code quote} (not escaped by a backslash), which is consumed. */
        private String until(char quote, int start, String what) {
            StringBuilder body = new StringBuilder();
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == quote) {
                    return body.toString();
                }
                body.append(c);
                if (c == '\\' && at < text.length()) {
                    body.append(text.charAt(at++));
                }
            }
            throw new PathException("at column " + (start + 1) + ": " + what + " is not closed with " + quote);
        }

        private void add(Kind kind, Object value, int column) {
            tokens.add(new Token(kind, value, column));
        }

        private static boolean isAsciiLetterOrDigit(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
    }

    /** The JSON inside backticks: what JMESPath literals are written in. */
    private static final class JsonLiteral {
        private final String text;
        private final int column;
        private int at;

        private JsonLiteral(String text, int column) {
            this.text = text;
            this.column = column;
        }

        static Object parse(String text, int column) {
            JsonLiteral literal = new JsonLiteral(text.strip(), column);
            try {
                Object value = literal.value();
                if (literal.at != literal.text.length()) {
                    throw literal.error("unexpected text after the value");
                }
                return value;
            } catch (PathException e) {
                // JMESPath's older rule, which botocore still follows: a literal that is not JSON is a string.
                if (!text.isBlank() && !text.strip().startsWith("\"") && !text.strip().startsWith("[") && !text.strip().startsWith("{")) {
                    return text.strip();
                }
                throw e;
            }
        }

        static String parseString(String quoted, int column) {
            return new JsonLiteral(quoted, column).string();
        }

        private Object value() {
            skipSpace();
            if (at >= text.length()) {
                throw error("a value is missing");
            }
            char c = text.charAt(at);
            if (c == '"') {
                return string();
            }
            if (c == '[') {
                at++;
                List<Object> list = new ArrayList<>();
                skipSpace();
                if (peek() == ']') {
                    at++;
                    return List.copyOf(list);
                }
                while (true) {
                    list.add(value());
                    skipSpace();
                    char next = next();
                    if (next == ']') {
                        return java.util.Collections.unmodifiableList(list);
                    }
                    if (next != ',') {
                        throw error("expected \",\" or \"]\"");
                    }
                }
            }
            if (c == '{') {
                at++;
                Map<String, Object> map = new LinkedHashMap<>();
                skipSpace();
                if (peek() == '}') {
                    at++;
                    return Map.of();
                }
                while (true) {
                    skipSpace();
                    String key = string();
                    skipSpace();
                    if (next() != ':') {
                        throw error("expected \":\"");
                    }
                    map.put(key, value());
                    skipSpace();
                    char next = next();
                    if (next == '}') {
                        return java.util.Collections.unmodifiableMap(map);
                    }
                    if (next != ',') {
                        throw error("expected \",\" or \"}\"");
                    }
                }
            }
            for (String word : List.of("true", "false", "null")) {
                if (text.startsWith(word, at)) {
                    at += word.length();
                    return word.equals("null") ? Literal.NULL : Boolean.valueOf(word);
                }
            }
            int start = at;
            while (at < text.length() && "+-.eE0123456789".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            try {
                return new BigDecimal(text.substring(start, at));
            } catch (NumberFormatException e) {
                throw error("not a JSON value");
            }
        }

        private String string() {
            if (next() != '"') {
                throw error("expected a string");
            }
            StringBuilder out = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw error("the string is not closed");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = next();
                switch (escaped) {
                    case '"', '\\', '/' -> out.append(escaped);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw error("\\u needs four hex digits");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException e) {
                            throw error("\\u needs four hex digits");
                        }
                        at += 4;
                    }
                    default -> throw error("\\" + escaped + " is not a JSON escape");
                }
            }
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private char next() {
            if (at >= text.length()) {
                throw error("the literal ends too early");
            }
            return text.charAt(at++);
        }

        private PathException error(String problem) {
            return new PathException("at column " + (column + 1) + ": the literal `" + text + "` is not JSON: " + problem);
        }
    }
}
