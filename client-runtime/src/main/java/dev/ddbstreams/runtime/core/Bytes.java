package dev.ddbstreams.runtime.core;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable sequence of bytes, the value of a blob member.
 *
 * <p>Instances never share their array with a caller unless a method says so by its {@code Unsafe} suffix, so a
 * {@code Bytes} cannot change after it was created. Equality and hash code are by content. {@link #toString()} gives
 * only the length: blobs can hold anything, including secrets, and do not belong in logs.
 */
public final class Bytes {

    private static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] bytes;

    private Bytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The empty byte sequence. */
    public static Bytes empty() {
        return EMPTY;
    }

    /** A copy of {@code bytes}; later changes to the array do not affect the result. */
    public static Bytes fromByteArray(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return new Bytes(bytes.clone());
    }

    /**
     * Wraps {@code bytes} without copying. Only for a caller that owns the array and never changes it afterwards,
     * such as a deserializer that has just decoded it.
     */
    public static Bytes fromByteArrayUnsafe(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return new Bytes(bytes);
    }

    /** A copy of the remaining bytes of {@code buffer}; the buffer's position is left unchanged. */
    public static Bytes fromByteBuffer(ByteBuffer buffer) {
        Objects.requireNonNull(buffer, "buffer");
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return new Bytes(copy);
    }

    /** The UTF-8 encoding of {@code text}. */
    public static Bytes fromUtf8String(String text) {
        Objects.requireNonNull(text, "text");
        return new Bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of the bytes, which the caller may change freely. */
    public byte[] asByteArray() {
        return bytes.clone();
    }

    /**
     * The internal array itself, without copying. The caller must not change it: that would change this
     * supposedly immutable value. Meant for serializers that only read it.
     */
    public byte[] asByteArrayUnsafe() {
        return bytes;
    }

    /** A read-only view of the bytes, positioned at zero. */
    public ByteBuffer asByteBuffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /** The bytes decoded as UTF-8; malformed sequences become the replacement character. */
    public String asUtf8String() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A new stream over the bytes. */
    public InputStream asInputStream() {
        return new ByteArrayInputStream(bytes);
    }

    /** The number of bytes. */
    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** {@code Bytes(length=N)}: never the content. */
    @Override
    public String toString() {
        return "Bytes(length=" + bytes.length + ")";
    }
}
