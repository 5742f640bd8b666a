package dev.ddbstreams.runtime.exception;

/**
 * The CRC32 announced in a response's {@code x-amz-crc32} header disagreed with the bytes received: the response
 * was corrupted on its way, and nothing read from it can be trusted.
 */
public class Crc32MismatchException extends SdkClientException {

    private static final long serialVersionUID = 1L;

    private final long expectedCrc32;
    private final long actualCrc32;

    /**
     * @param message what was being read
     * @param expectedCrc32 the value of the header
     * @param actualCrc32 the CRC32 computed over the bytes received
     */
    public Crc32MismatchException(String message, long expectedCrc32, long actualCrc32) {
        super(message);
        this.expectedCrc32 = expectedCrc32;
        this.actualCrc32 = actualCrc32;
    }

    /** The CRC32 the service announced in {@code x-amz-crc32}. */
    public long expectedCrc32() {
        return expectedCrc32;
    }

    /** The CRC32 of the bytes actually received. */
    public long actualCrc32() {
        return actualCrc32;
    }
}
