package dev.ddbstreams.codegen.validate;

import dev.ddbstreams.codegen.model.EnumShape;
import dev.ddbstreams.codegen.model.ListShape;
import dev.ddbstreams.codegen.model.MapShape;
import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.ModelException;
import dev.ddbstreams.codegen.model.ModelProblem;
import dev.ddbstreams.codegen.model.Operation;
import dev.ddbstreams.codegen.model.ScalarShape;
import dev.ddbstreams.codegen.model.ScalarType;
import dev.ddbstreams.codegen.model.ServiceModel;
import dev.ddbstreams.codegen.model.Shape;
import dev.ddbstreams.codegen.model.SourceLocation;
import dev.ddbstreams.codegen.model.StructureShape;
import dev.ddbstreams.codegen.model.StructureShape.Role;
import dev.ddbstreams.codegen.model.UnionShape;
import dev.ddbstreams.codegen.naming.JavaNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks that a model read without structural problems also makes sense: every reference resolves to a shape of
 * a usable kind, every generated name is a Java identifier and unique where it must be, and the paginators and
 * waiters refer to what exists. All problems are collected and reported together.
 *
 * <p>Names that clash across the model (shapes differing only in case, a shape named like the base exception,
 * operations sharing a structure) are not problems: {@code naming.ModelNaming} has settled them before this runs;
 * the checks here guard that it did.
 */
public final class ModelValidator {

    private final ServiceModel model;
    private final List<ModelProblem> problems = new ArrayList<>();

    private ModelValidator(ServiceModel model) {
        this.model = model;
    }

    /** Returns normally when the model can be generated; otherwise throws with every problem found. */
    public static void validate(ServiceModel model) throws ModelException {
        ModelValidator validator = new ModelValidator(model);
        validator.checkService();
        validator.checkOperations();
        validator.checkShapes();
        validator.checkClassNames();
        validator.checkCodecNames();
        new PathChecks(model, validator.problems).check();
        new RoutingChecks(model, validator.problems).check();
        if (!validator.problems.isEmpty()) {
            throw new ModelException(validator.problems);
        }
    }

    private void checkService() {
        var info = model.info();
        SourceLocation where = model.shapes().isEmpty() ? null : model.shapes().values().iterator().next().location();
        where = where == null ? null : SourceLocation.of(where.file());
        if (info.targetPrefix().isEmpty()) {
            problems.add(new ModelProblem(where, "metadata has no \"targetPrefix\", which the AWS JSON protocol needs for X-Amz-Target"));
        }
        if (!JavaNames.isIdentifier(info.clientBaseName())) {
            problems.add(new ModelProblem(where, "metadata \"serviceId\" \"" + info.serviceId()
                    + "\" gives the Java name \"" + info.clientBaseName() + "\", which is not a Java identifier"));
        }
    }

    private void checkOperations() {
        Map<String, String> methods = new HashMap<>();
        for (Operation op : model.operations()) {
            String what = "operation \"" + op.name() + "\"";
            if (!JavaNames.isIdentifier(op.methodName()) || !JavaNames.isIdentifier(JavaNames.className(op.name()))) {
                problems.add(new ModelProblem(op.location(), what + " gives the Java name \"" + op.methodName() + "\", which is not a Java identifier"));
            }
            // Case-insensitively: each operation also gets classes (paginators) named after it.
            String clash = methods.putIfAbsent(op.methodName().toLowerCase(Locale.ROOT), op.name());
            if (clash != null) {
                problems.add(new ModelProblem(op.location(), what + " and operation \"" + clash + "\" both become the method "
                        + op.methodName() + " (names must differ in more than case)"));
            }
            for (String io : new String[] {op.inputShape(), op.outputShape()}) {
                if (io == null) {
                    continue;
                }
                Shape shape = resolve(io, op.location(), what);
                if (shape != null && !(shape instanceof StructureShape s && s.role() != Role.ERROR)) {
                    problems.add(new ModelProblem(op.location(), what + " uses shape \"" + io + "\" as input or output, but it is "
                            + describe(shape) + "; it must be a structure that is not an error"));
                }
            }
            for (String error : op.errors()) {
                Shape shape = resolve(error, op.location(), what + " error");
                if (shape != null && !(shape instanceof StructureShape s && s.role() == Role.ERROR)) {
                    problems.add(new ModelProblem(op.location(), what + " lists \"" + error + "\" as an error, but it is "
                            + describe(shape) + " without \"exception\": true"));
                }
            }
        }
    }

    private void checkShapes() {
        for (Shape shape : model.shapes().values()) {
            String what = "shape \"" + shape.name() + "\"";
            if (shape instanceof StructureShape s) {
                checkMembers(s.name(), s.members(), false);
            } else if (shape instanceof UnionShape u) {
                if (u.members().isEmpty()) {
                    problems.add(new ModelProblem(u.location(), what + " is a union without members"));
                }
                checkMembers(u.name(), u.members(), true);
                checkVariants(u);
            } else if (shape instanceof ListShape l) {
                resolve(l.memberShape(), l.location(), what + " member");
            } else if (shape instanceof MapShape m) {
                Shape key = resolve(m.keyShape(), m.location(), what + " key");
                resolve(m.valueShape(), m.location(), what + " value");
                boolean stringKey = key instanceof EnumShape || key instanceof ScalarShape k && k.type() == ScalarType.STRING;
                if (key != null && !stringKey) {
                    problems.add(new ModelProblem(m.location(), what + " has key shape \"" + m.keyShape() + "\", which is "
                            + describe(key) + "; JSON object keys must be strings"));
                }
            } else if (shape instanceof EnumShape e) {
                checkEnum(e);
            }
        }
    }

    private void checkMembers(String shapeName, List<Member> members, boolean union) {
        Map<String, String> javaNames = new HashMap<>();
        Map<String, Member> derived = derivedAccessors(members, union);
        for (Member member : members) {
            String what = "shape \"" + shapeName + "\" member \"" + member.wireName() + "\"";
            Shape target = resolve(member.targetShape(), member.location(), what);
            if (target instanceof StructureShape s && s.role() == Role.ERROR) {
                problems.add(new ModelProblem(member.location(), what + " refers to the error \"" + target.name()
                        + "\"; an error is raised as an exception, not held as a value"));
            }
            Member owner = derived.get(member.javaName());
            if (owner != null) {
                problems.add(new ModelProblem(member.location(), what + " gives the accessor " + member.javaName()
                        + "(), which member \"" + owner.wireName() + "\" already has for itself"));
            }
            if (!JavaNames.isIdentifier(member.javaName())) {
                problems.add(new ModelProblem(member.location(), what + " gives the Java name \"" + member.javaName()
                        + "\", which is not a Java identifier; rename the member in the model"));
            }
            String clash = javaNames.putIfAbsent(member.javaName().toLowerCase(Locale.ROOT), member.wireName());
            if (clash != null) {
                problems.add(new ModelProblem(member.location(), what + " and member \"" + clash + "\" both become \""
                        + member.javaName() + "\" in Java"));
            }
            if (union && member.required()) {
                problems.add(new ModelProblem(member.location(), what + " is required, but members of a union cannot be"));
            }
            if (member.idempotencyToken() && !(model.shapes().get(member.targetShape()) instanceof ScalarShape s
                    && s.type() == ScalarType.STRING)) {
                problems.add(new ModelProblem(member.location(), what + " is an idempotency token, which must be a string"));
            }
        }
    }

    /**
     * The accessors a member gets besides its own ({@code hasTags()} for a list or map, {@code colorAsString()} for an
     * enum), by name: another member whose accessor had that name would not compile.
     */
    private Map<String, Member> derivedAccessors(List<Member> members, boolean union) {
        Map<String, Member> derived = new HashMap<>();
        for (Member member : members) {
            Shape target = model.shapes().get(member.targetShape());
            if (target instanceof ListShape || target instanceof MapShape) {
                derived.put("has" + JavaNames.className(member.javaName()), member);
            } else if (target instanceof EnumShape && !union) {
                derived.put(member.javaName() + "AsString", member);
            }
        }
        return derived;
    }

    /** A union's records are nested in its interface, so their names must differ from each other and from the interface's. */
    private void checkVariants(UnionShape union) {
        Map<String, String> variants = new HashMap<>();
        for (Member member : union.members()) {
            String variant = JavaNames.variantClassName(member.javaName());
            String clash = variants.putIfAbsent(variant, member.wireName());
            if (variant.equals(union.javaName()) || clash != null) {
                problems.add(new ModelProblem(member.location(), "shape \"" + union.name() + "\" member \"" + member.wireName()
                        + "\" would be the record " + variant + ", which " + (clash == null ? "is the union's own name" : "member \"" + clash + "\" is too")));
            }
        }
    }

    private void checkEnum(EnumShape e) {
        Map<String, String> constants = new HashMap<>();
        for (EnumShape.EnumValue value : e.values()) {
            String what = "shape \"" + e.name() + "\" enum value \"" + value.wireValue() + "\"";
            if (value.constantName().isEmpty()) {
                problems.add(new ModelProblem(e.location(), what + " has no letter or digit to name a Java constant after"));
                continue;
            }
            if (value.constantName().equals("UNKNOWN_TO_SDK_VERSION")) {
                problems.add(new ModelProblem(e.location(), what + " would be the constant UNKNOWN_TO_SDK_VERSION, which stands for values the client does not know"));
            }
            if (value.constantName().equals("BY_VALUE")) {
                problems.add(new ModelProblem(e.location(), what + " would be the constant BY_VALUE, which is the enum's own lookup table"));
            }
            String clash = constants.putIfAbsent(value.constantName(), value.wireValue());
            if (clash != null) {
                problems.add(new ModelProblem(e.location(), what + " and value \"" + clash + "\" both become the constant " + value.constantName()));
            }
        }
        if (e.values().isEmpty()) {
            problems.add(new ModelProblem(e.location(), "shape \"" + e.name() + "\" has an empty \"enum\""));
        }
    }

    /** Class names must be unique even on case-insensitive file systems, and must not take the service's own names. */
    private void checkClassNames() {
        Map<String, Shape> classes = new HashMap<>();
        String baseException = JavaNames.baseExceptionName(model.info().clientBaseName());
        for (Shape shape : model.shapes().values()) {
            String javaName = shape.javaName();
            if (javaName == null) {
                continue;
            }
            String what = "shape \"" + shape.name() + "\"";
            if (!JavaNames.isIdentifier(javaName)) {
                problems.add(new ModelProblem(shape.location(), what + " gives the Java class name \"" + javaName + "\", which is not a Java identifier"));
                continue;
            }
            if (javaName.equals(baseException)) {
                problems.add(new ModelProblem(shape.location(), what + " would be the class " + javaName
                        + ", which is the service's base exception"));
            }
            Shape clash = classes.putIfAbsent(javaName.toLowerCase(Locale.ROOT), shape);
            if (clash != null) {
                problems.add(new ModelProblem(shape.location(), what + " and shape \"" + clash.name() + "\" both become the class "
                        + javaName + " (class names must differ in more than case)"));
            }
        }
    }

    /** Each structure, union, list and map gets a JSON codec class of its own. */
    private void checkCodecNames() {
        Map<String, String> codecs = new HashMap<>();
        for (Shape shape : model.shapes().values()) {
            if (shape instanceof ScalarShape || shape instanceof EnumShape) {
                continue;
            }
            String codec = model.codecNames().get(shape.name());
            if (codec == null || !JavaNames.isIdentifier(codec)) {
                if (JavaNames.isIdentifier(JavaNames.className(shape.name()))) {
                    problems.add(new ModelProblem(shape.location(), "shape \"" + shape.name() + "\" has no JSON codec name (" + codec + ")"));
                }
                continue; // a name that is not an identifier is reported as a class name already
            }
            String clash = codecs.putIfAbsent(codec.toLowerCase(Locale.ROOT), shape.name());
            if (clash != null) {
                problems.add(new ModelProblem(shape.location(), "shape \"" + shape.name() + "\" and shape \"" + clash
                        + "\" would both have the JSON codec " + codec));
            }
        }
    }

    private Shape resolve(String name, SourceLocation location, String what) {
        Shape shape = model.shapes().get(name);
        if (shape == null) {
            problems.add(new ModelProblem(location, what + " refers to shape \"" + name + "\", which is not defined"
                    + NameSuggestions.didYouMean(name, model.shapes().keySet())));
        }
        return shape;
    }

    static String describe(Shape shape) {
        if (shape instanceof StructureShape s) {
            return s.role() == Role.ERROR ? "an error structure" : "a structure";
        }
        if (shape instanceof ScalarShape s) {
            return "a " + s.type().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        if (shape instanceof UnionShape) {
            return "a union";
        }
        if (shape instanceof ListShape) {
            return "a list";
        }
        return shape instanceof MapShape ? "a map" : "an enum string";
    }
}
