package dev.ddbstreams.runtime.waiter;

import dev.ddbstreams.runtime.exception.AwsServiceException;
import java.util.List;

/**
 * The comparison rules of the waiter matchers. Generated code extracts the values a path selects (as their wire
 * strings) with plain accessors; these decide whether they match.
 */
public final class WaiterMatchers {

    private WaiterMatchers() {}

    /** {@code path}: the path selects exactly one value, and it is the expected one. */
    public static boolean path(List<String> values, String expected) {
        return values.size() == 1 && expected.equals(values.get(0));
    }

    /** {@code pathAll}: the path selects at least one value, and every one is the expected one. */
    public static boolean pathAll(List<String> values, String expected) {
        return !values.isEmpty() && values.stream().allMatch(expected::equals);
    }

    /** {@code pathAny}: at least one selected value is the expected one. */
    public static boolean pathAny(List<String> values, String expected) {
        return values.stream().anyMatch(expected::equals);
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
