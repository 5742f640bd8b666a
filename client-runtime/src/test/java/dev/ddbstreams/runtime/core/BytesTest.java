package dev.ddbstreams.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BytesTest {

    @Test
    void changingTheInputArrayDoesNotChangeTheBytes() {
        byte[] input = {1, 2, 3};
        Bytes bytes = Bytes.fromByteArray(input);

        input[0] = 9;

        assertThat(bytes.asByteArray()).containsExactly(1, 2, 3);
    }

    @Test
    void changingTheReturnedArrayDoesNotChangeTheBytes() {
        Bytes bytes = Bytes.fromByteArray(new byte[] {1, 2, 3});

        bytes.asByteArray()[0] = 9;

        assertThat(bytes.asByteArray()).containsExactly(1, 2, 3);
    }

    @Test
    void unsafeVariantsShareTheArray() {
        byte[] owned = {1, 2, 3};
        Bytes bytes = Bytes.fromByteArrayUnsafe(owned);

        assertThat(bytes.asByteArrayUnsafe()).isSameAs(owned);
    }

    @Test
    void byteBufferViewIsReadOnly() {
        Bytes bytes = Bytes.fromByteArray(new byte[] {1, 2, 3});
        ByteBuffer view = bytes.asByteBuffer();

        assertThat(view.isReadOnly()).isTrue();
        assertThat(view.remaining()).isEqualTo(3);
        assertThatThrownBy(() -> view.put(0, (byte) 9)).isInstanceOf(ReadOnlyBufferException.class);
    }

    @Test
    void fromByteBufferCopiesTheRemainingBytesAndLeavesThePosition() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {1, 2, 3, 4});
        buffer.position(1);

        Bytes bytes = Bytes.fromByteBuffer(buffer);
        buffer.put(2, (byte) 9);

        assertThat(bytes.asByteArray()).containsExactly(2, 3, 4);
        assertThat(buffer.position()).isEqualTo(1);
    }

    @Test
    void utf8RoundTrip() {
        Bytes bytes = Bytes.fromUtf8String("h\u00e9llo \uD83D\uDE00");

        assertThat(bytes.asUtf8String()).isEqualTo("h\u00e9llo \uD83D\uDE00");
        assertThat(bytes.length()).isEqualTo("h\u00e9llo \uD83D\uDE00".getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void inputStreamReadsTheBytes() throws IOException {
        try (InputStream in = Bytes.fromByteArray(new byte[] {5, 6}).asInputStream()) {
            assertThat(in.readAllBytes()).containsExactly(5, 6);
        }
    }

    @Test
    void equalityIsByContent() {
        Bytes a = Bytes.fromByteArray(new byte[] {1, 2});
        Bytes b = Bytes.fromByteBuffer(ByteBuffer.wrap(new byte[] {1, 2}));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Bytes.fromByteArray(new byte[] {1, 3}));
        assertThat(Bytes.empty()).isEqualTo(Bytes.fromByteArray(new byte[0]));
    }

    @Test
    void toStringShowsOnlyTheLength() {
        assertThat(Bytes.fromUtf8String("password")).hasToString("Bytes(length=8)");
    }
}
