package dev.ddbstreams.codegen.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which shapes a shape refers to: the graph that decides what an operation needs and what nothing uses. */
public final class ShapeReferences {

    private ShapeReferences() {}

    /** The shapes {@code shape} refers to directly (its members' targets, a list's element, a map's key and value), in model order. */
    public static List<String> of(Shape shape) {
        List<String> out = new ArrayList<>();
        if (shape instanceof StructureShape s) {
            s.members().forEach(member -> out.add(member.targetShape()));
        } else if (shape instanceof UnionShape u) {
            u.members().forEach(member -> out.add(member.targetShape()));
        } else if (shape instanceof ListShape l) {
            out.add(l.memberShape());
        } else if (shape instanceof MapShape m) {
            out.add(m.keyShape());
            out.add(m.valueShape());
        }
        return out;
    }

    /** The shapes reachable from {@code roots}, the roots included; names that are not shapes of {@code shapes} are left out. */
    public static Set<String> closure(Collection<String> roots, Map<String, Shape> shapes) {
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            String name = pending.removeFirst();
            Shape shape = name == null ? null : shapes.get(name);
            if (shape != null && reached.add(name)) {
                pending.addAll(of(shape));
            }
        }
        return reached;
    }
}
