package dev.ddbstreams.runtime.waiter;

/** What an acceptor's match means for the wait. */
public enum WaiterState {
    /** The awaited state is reached: stop and return. */
    SUCCESS,
    /** The awaited state can no longer be reached: stop and fail. */
    FAILURE,
    /** Not there yet: wait and poll again. */
    RETRY
}
