package dev.ddbstreams.runtime.paginate;

import dev.ddbstreams.runtime.exception.SdkClientException;

/** Pagination cannot go on safely, for example because the service sent a token it had already sent. */
public final class PaginationException extends SdkClientException {

    private static final long serialVersionUID = 1L;

    public PaginationException(String message) {
        super(message);
    }

    /** The service sent a token it had sent before: following it would never end. */
    static PaginationException repeatedToken(String operationName, Object token) {
        String shown = token instanceof String ? "\"" + token + "\"" : String.valueOf(token);
        return new PaginationException(operationName + " returned the pagination token " + shown
                + " a second time; stopping, since following it would never end");
    }
}
