package dev.ddbstreams.codegen.naming;

import dev.ddbstreams.codegen.model.EnumShape;
import dev.ddbstreams.codegen.model.ListShape;
import dev.ddbstreams.codegen.model.MapShape;
import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.Shape;
import dev.ddbstreams.codegen.model.StructureShape;
import dev.ddbstreams.codegen.model.StructureShape.Role;
import dev.ddbstreams.codegen.model.UnionShape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Makes the classes generated for a model's shapes distinct: javac needs distinct names, and so do case-insensitive
 * file systems (macOS, Windows), where {@code EventTypeList.java} and {@code eventTypeList.java} are one file.
 * AWS models have shapes whose names differ only in case (AWS Health: {@code EventTypeList} and
 * {@code eventTypeList}), errors whose class names meet ({@code ResourceNotFound} and
 * {@code ResourceNotFoundException} both want {@code ResourceNotFoundException}), and shapes named like the
 * service's base exception. Instead of refusing such a model, each clash is settled by a fixed rule, so the same
 * model always gives the same names:
 *
 * <ul>
 *   <li>Names are claimed in order: operations' requests and responses first (their names follow the SDK v2
 *       convention and are what callers type most), then shapes whose class name is their model name as written,
 *       then the rest, each group in model-name order.
 *   <li>A class that would be the service's base exception ({@code <Service>Exception}) becomes
 *       {@code <Service>ServiceException}, as the AWS SDK for Java v2 renames it.
 *   <li>Any other name already claimed (in any case) gets the first free number from 2: {@code EventTypeList2},
 *       {@code ResourceNotFound2Exception} (before the {@code Exception} an error class ends in).
 *   <li>A class may not be named like a class nested in it: a structure {@code Builder}, a union {@code Type},
 *       {@code Unknown} or one of its members' records; such a class is numbered too.
 * </ul>
 *
 * JSON codecs ({@code <Shape>Json} in the {@code internal} package) are numbered by the same rule.
 */
final class DistinctNames {

    private static final String EXCEPTION = "Exception";
    private static final String CODEC = "Json";

    private DistinctNames() {}

    /** The shapes, with the structures, unions and enums whose class names clash renamed. */
    static SortedMap<String, Shape> classes(SortedMap<String, Shape> shapes, String baseException) {
        List<Shape> withClasses = new ArrayList<>();
        for (Shape shape : shapes.values()) {
            if (shape.javaName() != null) {
                withClasses.add(shape);
            }
        }
        withClasses.sort(Comparator.comparingInt(DistinctNames::claimOrder).thenComparing(Shape::name));
        Set<String> taken = new HashSet<>();
        taken.add(lower(baseException));
        SortedMap<String, Shape> out = new TreeMap<>(shapes);
        for (Shape shape : withClasses) {
            String wanted = shape.javaName();
            Set<String> nested = nestedClassNames(shape);
            String name = wanted;
            if (wanted.equals(baseException) && wanted.endsWith(EXCEPTION)) {
                name = stem(wanted) + "Service" + EXCEPTION;
            }
            for (int i = 2; taken.contains(lower(name)) || nested.contains(name); i++) {
                name = numbered(wanted, i);
            }
            taken.add(lower(name));
            if (!name.equals(wanted)) {
                out.put(shape.name(), withJavaName(shape, name));
            }
        }
        return out;
    }

    /** The simple name of the JSON codec of each structure, union, list and map: {@code <Shape>Json}, numbered on a clash. */
    static SortedMap<String, String> codecs(SortedMap<String, Shape> shapes) {
        List<Shape> aggregates = new ArrayList<>();
        for (Shape shape : shapes.values()) {
            if (shape instanceof StructureShape || shape instanceof UnionShape || shape instanceof ListShape || shape instanceof MapShape) {
                aggregates.add(shape);
            }
        }
        // The shape whose name is already capitalized keeps the plain codec name.
        aggregates.sort(Comparator.comparing((Shape s) -> !JavaNames.className(s.name()).equals(s.name())).thenComparing(Shape::name));
        Set<String> taken = new HashSet<>();
        SortedMap<String, String> out = new TreeMap<>();
        for (Shape shape : aggregates) {
            String stem = JavaNames.className(shape.name());
            String name = stem + CODEC;
            for (int i = 2; taken.contains(lower(name)); i++) {
                name = stem + i + CODEC;
            }
            taken.add(lower(name));
            out.put(shape.name(), name);
        }
        return out;
    }

    private static int claimOrder(Shape shape) {
        if (shape instanceof StructureShape s && (s.role() == Role.REQUEST || s.role() == Role.RESPONSE)) {
            return 0;
        }
        return shape.javaName().equals(shape.name()) ? 1 : 2;
    }

    /** The classes generated inside the class of {@code shape}, whose names it may not take. */
    private static Set<String> nestedClassNames(Shape shape) {
        Set<String> nested = new HashSet<>();
        if (shape instanceof StructureShape s && s.role() != Role.ERROR) {
            nested.add("Builder");
        } else if (shape instanceof UnionShape u) {
            nested.add("Type");
            nested.add("Unknown");
            for (Member member : u.members()) {
                nested.add(JavaNames.variantClassName(member.javaName()));
            }
        }
        return nested;
    }

    private static String numbered(String name, int number) {
        return name.endsWith(EXCEPTION) && name.length() > EXCEPTION.length() ? stem(name) + number + EXCEPTION : name + number;
    }

    private static String stem(String exceptionName) {
        return exceptionName.substring(0, exceptionName.length() - EXCEPTION.length());
    }

    private static Shape withJavaName(Shape shape, String name) {
        if (shape instanceof StructureShape s) {
            return s.withJavaName(name);
        }
        if (shape instanceof UnionShape u) {
            return u.withJavaName(name);
        }
        return ((EnumShape) shape).withJavaName(name);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
