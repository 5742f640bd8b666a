package dev.ddbstreams.codegen.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.ddbstreams.codegen.CodeGenerator;
import dev.ddbstreams.codegen.read.ModelSources;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * A model's generated code, compiled with the build's strictness and loaded, for tests that run it: shapes are built
 * and read through a little reflection ({@link #call}), so a test names the generated methods it exercises and
 * nothing else.
 */
final class CompiledModel {

    private static final JsonFactory JSON = new JsonFactory();

    private final String basePackage;
    private final ClassLoader loader;

    private CompiledModel(String basePackage, ClassLoader loader) {
        this.basePackage = basePackage;
        this.loader = loader;
    }

    /** Generates the model's code under {@code basePackage}, compiles it into {@code work} and loads it. */
    static CompiledModel compile(Path model, String basePackage, Path work) throws Exception {
        Map<String, String> files = CodeGenerator.render(CodeGenerator.load(ModelSources.besides(model)), basePackage);
        assertThat(InMemoryJavac.compile(files, work)).isEmpty();
        URLClassLoader loader = new URLClassLoader(new URL[] {work.resolve("classes").toUri().toURL()},
                CompiledModel.class.getClassLoader());
        return new CompiledModel(basePackage, loader);
    }

    /** A generated class by its name relative to the base package, such as {@code model.Event}. */
    Class<?> type(String relativeName) {
        try {
            return Class.forName(basePackage + "." + relativeName, true, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the generator made no class " + relativeName, e);
        }
    }

    /** {@code model.<className>.builder()}. */
    Object builder(String className) {
        return call(type("model." + className), "builder");
    }

    /** Reads {@code json} with the codec {@code internal.<ShapeName>Json}. */
    Object read(String shapeName, String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            parser.nextToken();
            return call(type("internal." + shapeName + "Json"), "read", parser);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Writes {@code value} with the codec {@code internal.<ShapeName>Json}, as compact JSON text. */
    String write(String shapeName, Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            call(type("internal." + shapeName + "Json"), "write", generator, value);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return out.toString();
    }

    /**
     * Calls the public method {@code name} of {@code target} (a class, for a static method) whose parameters take
     * {@code arguments}; an exception it throws is rethrown as it is.
     */
    static Object call(Object target, String name, Object... arguments) {
        Class<?> type = target instanceof Class<?> c ? c : target.getClass();
        Object receiver = target instanceof Class<?> ? null : target;
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && accepts(method, arguments)
                    && Modifier.isStatic(method.getModifiers()) == (receiver == null)) {
                try {
                    method.setAccessible(true);
                    return method.invoke(receiver, arguments);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new AssertionError(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError(type.getName() + " has no method " + name + " taking " + Arrays.toString(arguments));
    }

    private static boolean accepts(Method method, Object[] arguments) {
        Class<?>[] parameters = method.getParameterTypes();
        if (parameters.length != arguments.length) {
            return false;
        }
        for (int i = 0; i < parameters.length; i++) {
            if (arguments[i] != null && !wrap(parameters[i]).isInstance(arguments[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> wrap(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return type == boolean.class ? Boolean.class : type == int.class ? Integer.class : type == long.class ? Long.class : Object.class;
    }
}
