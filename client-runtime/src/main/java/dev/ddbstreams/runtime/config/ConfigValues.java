package dev.ddbstreams.runtime.config;

import dev.ddbstreams.runtime.exception.SdkClientException;

/** Parses setting values the way AWS SDKs accept them. */
final class ConfigValues {

    private ConfigValues() {}

    /** {@code true} or {@code false}, in any case. */
    static boolean toBoolean(String value, String where) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new SdkClientException(where + " must be true or false: " + value);
    }

    /** A decimal integer. */
    static int toInt(String value, String where) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new SdkClientException(where + " must be a whole number: " + value);
        }
    }
}
