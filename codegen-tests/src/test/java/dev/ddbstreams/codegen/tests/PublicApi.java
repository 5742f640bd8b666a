package dev.ddbstreams.codegen.tests;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The public API of generated sources as a set of lines, one per public type, constructor, method and field, with
 * full generic signatures, modifiers and constant values: what a caller can see and depend on, and nothing that
 * only documents it. The sources are compiled and the classes inspected by reflection, so this is what javac
 * makes of them, not what the text looks like. The {@code internal} package is left out: its codecs are public
 * only for the generated client and are documented as not an API.
 */
final class PublicApi {

    private PublicApi() {}

    /** Compiles {@code sources} (relative path to source) in {@code work} and describes their public API. */
    static SortedSet<String> of(Map<String, String> sources, Path work) throws IOException {
        List<String> problems = InMemoryJavac.compile(sources, work);
        if (!problems.isEmpty()) {
            throw new AssertionError("the generated sources do not compile:\n" + String.join("\n", problems));
        }
        SortedSet<String> api = new TreeSet<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {work.resolve("classes").toUri().toURL()}, PublicApi.class.getClassLoader())) {
            for (String path : sources.keySet()) {
                String className = path.replaceAll("\\.java$", "").replace('/', '.');
                if (!className.contains(".internal.")) {
                    describe(loader.loadClass(className), api);
                }
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a generated source did not compile to its class", e);
        }
        return api;
    }

    /** The lines that do not mention a type of one of {@code names}, for comparing with a model that lacks them. */
    static SortedSet<String> without(SortedSet<String> api, String... names) {
        return api.stream()
                .filter(line -> Arrays.stream(names).noneMatch(name -> line.matches("(?s).*\\b" + name + "\\b.*")))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void describe(Class<?> type, SortedSet<String> api) {
        if (!Modifier.isPublic(type.getModifiers())) {
            return;
        }
        StringBuilder line = new StringBuilder("type ").append(Modifier.toString(type.getModifiers() & ~Modifier.INTERFACE)).append(' ')
                .append(type.isSealed() ? "sealed " : "")
                .append(type.isInterface() ? "interface " : type.isEnum() ? "enum " : type.isRecord() ? "record " : "class ")
                .append(type.getName());
        if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum() && !type.isRecord()) {
            line.append(" extends ").append(type.getGenericSuperclass().getTypeName());
        }
        if (type.getGenericInterfaces().length > 0) {
            line.append(" implements ").append(Arrays.stream(type.getGenericInterfaces()).map(t -> t.getTypeName()).collect(Collectors.joining(", ")));
        }
        if (type.isSealed()) {
            line.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses()).map(Class::getName).sorted().collect(Collectors.joining(", ")));
        }
        api.add(deprecated(type.isAnnotationPresent(Deprecated.class)) + line);
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            add(api, constructor, constructor.toGenericString());
        }
        for (Method method : type.getDeclaredMethods()) {
            if (!method.isSynthetic() && !method.isBridge()) {
                add(api, method, method.toGenericString());
            }
        }
        for (Field field : type.getDeclaredFields()) {
            add(api, field, field.toGenericString() + constantValue(field));
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            describe(nested, api);
        }
    }

    private static void add(SortedSet<String> api, Member member, String signature) {
        int modifiers = member.getModifiers();
        if (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)) {
            boolean deprecated = ((java.lang.reflect.AnnotatedElement) member).isAnnotationPresent(Deprecated.class);
            api.add(deprecated(deprecated) + signature);
        }
    }

    /** A public constant's value is part of the API: callers compile it in. */
    private static String constantValue(Field field) {
        int modifiers = field.getModifiers();
        if (!Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers) || !Modifier.isPublic(modifiers)
                || !(field.getType().isPrimitive() || field.getType() == String.class)) {
            return "";
        }
        try {
            return " = " + field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the public constant " + field, e);
        }
    }

    private static String deprecated(boolean deprecated) {
        return deprecated ? "@Deprecated " : "";
    }
}
