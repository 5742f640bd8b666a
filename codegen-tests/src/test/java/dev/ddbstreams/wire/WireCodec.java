package dev.ddbstreams.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The generated JSON codec of one shape ({@code <ShapeName>Json}), called the way generated code calls it: the
 * parser positioned on the value's first token, the generator writing one whole value.
 */
final class WireCodec {

    private static final JsonFactory JSON = new JsonFactory();

    private final String shapeName;
    private final Method read;
    private final Method write;

    private WireCodec(String shapeName, Method read, Method write) {
        this.shapeName = shapeName;
        this.read = read;
        this.write = write;
    }

    static WireCodec of(WireModel model, String shapeName) {
        Class<?> codec = model.codecClass(shapeName);
        Method read = null;
        Method write = null;
        for (Method method : codec.getMethods()) {
            if (method.getName().equals("read") && method.getParameterCount() == 1) {
                read = method;
            } else if (method.getName().equals("write") && method.getParameterCount() == 2) {
                write = method;
            }
        }
        if (read == null || write == null) {
            throw new IllegalStateException(codec.getName() + " lacks read(JsonParser) or write(JsonGenerator, T)");
        }
        return new WireCodec(shapeName, read, write);
    }

    String shapeName() {
        return shapeName;
    }

    byte[] marshal(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            call(write, generator, value);
        } catch (IOException e) {
            throw new IllegalStateException("writing " + shapeName + " failed", e);
        }
        return out.toByteArray();
    }

    /** Reads one whole value; anything after it is an error, as a codec must stop on the value's last token. */
    Object unmarshal(byte[] json) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            return unmarshal(parser);
        }
    }

    /** Reads one whole value from a parser not yet started. */
    Object unmarshal(JsonParser parser) throws IOException {
        Object value = readFirstValue(parser);
        if (parser.nextToken() != null) {
            throw new IllegalStateException(shapeName + " codec did not stop on the value's last token: "
                    + parser.currentToken() + " follows");
        }
        return value;
    }

    /** Reads the first value from a parser not yet started, as the client does, ignoring what follows it. */
    Object readFirstValue(JsonParser parser) throws IOException {
        parser.nextToken();
        return call(read, parser);
    }

    private static Object call(Method method, Object... arguments) throws IOException {
        try {
            return method.invoke(null, arguments);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
