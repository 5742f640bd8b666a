package dev.ddbstreams.runtime.waiter;

import dev.ddbstreams.runtime.exception.AwsServiceException;
import dev.ddbstreams.runtime.path.PathValues;
import java.util.List;

/**
 * The comparison rules of the waiter matchers, as botocore and the AWS SDKs apply them. Generated code computes the
 * value a path selects with plain accessors (enums as their wire strings); these decide whether it matches.
 */
public final class WaiterMatchers {

    private WaiterMatchers() {}

    /**
     * {@code path}: the value the path selects equals the expected one, as JMESPath compares them (a list never
     * equals a string; numbers compare by value).
     */
    public static boolean path(Object value, Object expected) {
        return PathValues.equal(value, expected);
    }

    /** {@code pathAll}: the path selects a non-empty list, and every element equals the expected value. */
    public static boolean pathAll(Object value, Object expected) {
        if (!(value instanceof List<?> values) || values.isEmpty()) {
            return false;
        }
        for (Object element : values) {
            if (!PathValues.equal(element, expected)) {
                return false;
            }
        }
        return true;
    }

    /** {@code pathAny}: the path selects a list with at least one element equal to the expected value. */
    public static boolean pathAny(Object value, Object expected) {
        if (!(value instanceof List<?> values)) {
            return false;
        }
        for (Object element : values) {
            if (PathValues.equal(element, expected)) {
                return true;
            }
        }
        return false;
    }

    /** {@code error}: the service returned an error with this code. */
    public static boolean errorCode(Throwable error, String expectedCode) {
        return error instanceof AwsServiceException service && expectedCode.equals(service.errorCode());
    }

    /** {@code error} with {@code true}/{@code false}: whether the service returned any error at all. */
    public static boolean anyServiceError(Throwable error) {
        return error instanceof AwsServiceException;
    }

    /** {@code status} on an error: the service answered with this HTTP status. */
    public static boolean status(Throwable error, int expectedStatus) {
        return error instanceof AwsServiceException service && service.statusCode() == expectedStatus;
    }
}
