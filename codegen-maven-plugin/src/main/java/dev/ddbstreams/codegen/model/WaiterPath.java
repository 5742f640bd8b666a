package dev.ddbstreams.codegen.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The subset of JMESPath that waiter acceptors use and that the generator compiles to plain accessors: member
 * names separated by dots, where a {@code []} after a list member looks at each of its elements
 * ({@code StreamDescription.StreamStatus}, {@code Table.Replicas[].Status}).
 *
 * @param segments the steps of the path
 */
public record WaiterPath(List<Segment> segments) {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(\\[\\])?");

    public WaiterPath {
        segments = List.copyOf(segments);
    }

    /**
     * One step: a member, and whether the path then fans out over that member's list elements.
     *
     * @param member the member's wire name
     * @param projection whether {@code []} follows it
     */
    public record Segment(String member, boolean projection) {}

    /** Parses a path, or returns empty when it uses JMESPath beyond the supported subset. */
    public static Optional<WaiterPath> parse(String expression) {
        List<Segment> segments = new ArrayList<>();
        for (String part : expression.trim().split("\\.", -1)) {
            var matcher = SEGMENT.matcher(part);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            segments.add(new Segment(matcher.group(1), matcher.group(2) != null));
        }
        return Optional.of(new WaiterPath(segments));
    }

    /** Checks the path against a model, starting at a structure; returns what is wrong, if anything. */
    public Optional<String> resolve(ServiceModel model, StructureShape start) {
        Shape current = start;
        for (Segment segment : segments) {
            if (!(current instanceof StructureShape structure)) {
                return Optional.of("\"" + segment.member() + "\" is looked up in \"" + current.name() + "\", which is not a structure");
            }
            Optional<Member> member = structure.members().stream().filter(m -> m.wireName().equals(segment.member())).findFirst();
            if (member.isEmpty()) {
                return Optional.of("shape \"" + structure.name() + "\" has no member \"" + segment.member() + "\"");
            }
            current = model.shapes().get(member.get().targetShape());
            if (current == null) {
                return Optional.empty();
            }
            if (segment.projection()) {
                if (!(current instanceof ListShape list)) {
                    return Optional.of("\"" + segment.member() + "[]\" projects over \"" + current.name() + "\", which is not a list");
                }
                current = model.shapes().get(list.memberShape());
                if (current == null) {
                    return Optional.empty();
                }
            }
        }
        if (!(current instanceof ScalarShape || current instanceof EnumShape)) {
            return Optional.of("it ends at \"" + current.name() + "\", which is not a string, number, boolean or enum to compare");
        }
        return Optional.empty();
    }
}
