package dev.ddbstreams.streams.reader.checkpoint;

/** A checkpoint could not be read or written, or the stored checkpoints are damaged. */
public class CheckpointException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public CheckpointException(String message) {
        super(message);
    }

    /** An exception with a message and its cause. */
    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
