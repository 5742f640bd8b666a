package dev.ddbstreams.codegen.emit;

import dev.ddbstreams.codegen.model.Constraints;
import dev.ddbstreams.codegen.model.ListShape;
import dev.ddbstreams.codegen.model.MapShape;
import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.ScalarShape;
import dev.ddbstreams.codegen.model.ScalarType;
import dev.ddbstreams.codegen.model.Shape;
import dev.ddbstreams.codegen.model.TimestampFormat;

/** The Javadoc of a member's accessor: the model's words, then the facts a caller needs (required, limits). */
final class MemberDocs {

    private MemberDocs() {}

    static String accessor(GenerationContext context, Member member) {
        Shape target = context.model().shape(member.targetShape());
        String doc = Javadocs.fromModel(member.documentation().isBlank() ? target.documentation() : member.documentation());
        StringBuilder out = new StringBuilder(doc.isEmpty() ? "The {@code " + Javadocs.escapePlain(member.wireName()) + "} member.\n" : doc);
        if (member.required()) {
            out.append("<p>Required in requests.\n");
        }
        String limits = limits(target);
        if (!limits.isEmpty()) {
            out.append("<p>").append(limits).append('\n');
        }
        out.append(serialization(member, target));
        if (member.deprecated()) {
            out.append("<p>Deprecated by the service.\n");
        }
        return out.toString();
    }

    /** What a caller should know about how the member travels: its timestamp format, a token filled, JSON text. */
    private static String serialization(Member member, Shape target) {
        StringBuilder out = new StringBuilder();
        if (target instanceof ScalarShape scalar && scalar.type() == ScalarType.TIMESTAMP) {
            switch (TimestampFormat.effective(member.timestampFormat(), scalar.timestampFormat())) {
                case DATE_TIME -> out.append("<p>On the wire an RFC 3339 date-time ({@code 2000-01-02T20:34:56.123Z}).\n");
                case HTTP_DATE -> out.append("<p>On the wire an HTTP date ({@code Sun, 02 Jan 2000 20:34:56 GMT}), which has whole seconds:"
                        + " a fraction of a second is not sent.\n");
                case EPOCH_SECONDS -> { }
            }
        }
        if (member.idempotencyToken()) {
            out.append("<p>An idempotency token: when it is left unset, the client sends a new random UUID, the same for every"
                    + " retry of a call.\n");
        }
        if (member.jsonValue()) {
            out.append("<p>The value is a JSON document, as text.\n");
        }
        return out.toString();
    }

    private static String limits(Shape target) {
        Constraints constraints;
        String unit;
        if (target instanceof ScalarShape s) {
            constraints = s.constraints();
            unit = s.type() == ScalarType.STRING || s.type() == ScalarType.BLOB ? "Length" : "Value";
        } else if (target instanceof ListShape l) {
            constraints = l.constraints();
            unit = "Size";
        } else if (target instanceof MapShape m) {
            constraints = m.constraints();
            unit = "Size";
        } else {
            return "";
        }
        StringBuilder out = new StringBuilder();
        if (constraints.min() != null && constraints.max() != null) {
            out.append(unit).append(": ").append(constraints.min()).append(" to ").append(constraints.max()).append('.');
        } else if (constraints.min() != null) {
            out.append(unit).append(": at least ").append(constraints.min()).append('.');
        } else if (constraints.max() != null) {
            out.append(unit).append(": at most ").append(constraints.max()).append('.');
        }
        if (constraints.pattern() != null) {
            out.append(out.length() > 0 ? " " : "").append("Pattern: {@code ").append(Javadocs.escapePlain(constraints.pattern())).append("}.");
        }
        return out.toString();
    }
}
