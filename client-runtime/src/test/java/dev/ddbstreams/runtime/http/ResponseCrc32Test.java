package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Draining a body so that the CRC32 computed while reading it covers every byte, however much the parser left. */
class ResponseCrc32Test {

    private static byte[] body(int length) {
        byte[] body = new byte[length];
        for (int i = 0; i < length; i++) {
            body[i] = (byte) (i * 31 + 7);
        }
        return body;
    }

    private static long crc32(byte[] bytes) {
        CRC32 crc32 = new CRC32();
        crc32.update(bytes);
        return crc32.getValue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 8191, 8192, 8193, 20_000})
    void drainCoversTheBytesTheParserLeft(int left) throws IOException {
        byte[] body = body(100 + left);
        CheckedInputStream in = new CheckedInputStream(new ByteArrayInputStream(body), new CRC32());
        assertThat(in.readNBytes(100)).hasSize(100);

        ResponseCrc32.drain(in);

        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.getChecksum().getValue()).isEqualTo(crc32(body));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 9000})
    void drainCoversTheBytesOfAStreamThatDeliversThemOneReadAtATime(int length) throws IOException {
        byte[] body = body(length);
        CheckedInputStream in = new CheckedInputStream(new TrickleInputStream(body), new CRC32());

        ResponseCrc32.drain(in);

        assertThat(in.getChecksum().getValue()).isEqualTo(crc32(body));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void drainStopsAtTheFirstEndOfStream(int left) throws IOException {
        CountingInputStream counting = new CountingInputStream(new ByteArrayInputStream(body(left)));

        ResponseCrc32.drain(counting);

        // An exhausted stream (the usual case: the parser read it to its end) costs one read; a last byte, one more.
        assertThat(counting.reads.get()).isEqualTo(left + 1);
    }

    /** Hands out at most 5 bytes per read, as a network stream may. */
    private static final class TrickleInputStream extends InputStream {
        private final byte[] bytes;
        private int position;

        TrickleInputStream(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, 5), bytes.length - position);
            System.arraycopy(bytes, position, buffer, offset, n);
            position += n;
            return n;
        }
    }

    private static final class CountingInputStream extends InputStream {
        private final InputStream in;
        final AtomicInteger reads = new AtomicInteger();

        CountingInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            reads.incrementAndGet();
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            reads.incrementAndGet();
            return in.read(buffer, offset, length);
        }
    }
}
