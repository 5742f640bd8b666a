package dev.ddbstreams.streams.reader;

/**
 * Carries an exception thrown by application code (handler, gap listener, checkpointer) out of a shard's step, so
 * it is never mistaken for a service error and retried: it stops the shard.
 */
final class CallbackFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CallbackFailure(Throwable cause) {
        super(cause);
    }
}
