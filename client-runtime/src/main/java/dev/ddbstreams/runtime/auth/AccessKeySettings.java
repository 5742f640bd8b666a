package dev.ddbstreams.runtime.auth;

import dev.ddbstreams.runtime.exception.SdkClientException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads an access key from three named settings (access key id, secret, optional session token) of one source, such
 * as the environment variables or the system properties, with errors that name what is missing.
 *
 * @param kind what one name is, such as {@code environment variable}, for messages
 * @param kinds the plural of {@code kind}
 */
record AccessKeySettings(String kind, String kinds, String accessKeyIdName, String secretAccessKeyName,
                         String sessionTokenName) {

    /** The credentials the settings hold. */
    AwsCredentials read(Function<String, Optional<String>> source) {
        Optional<String> accessKeyId = source.apply(accessKeyIdName);
        Optional<String> secretAccessKey = source.apply(secretAccessKeyName);
        if (accessKeyId.isEmpty() && secretAccessKey.isEmpty()) {
            throw new SdkClientException("The " + kinds + " " + accessKeyIdName + " and " + secretAccessKeyName
                    + " are not set");
        }
        if (accessKeyId.isEmpty() || secretAccessKey.isEmpty()) {
            String set = accessKeyId.isPresent() ? accessKeyIdName : secretAccessKeyName;
            String missing = accessKeyId.isPresent() ? secretAccessKeyName : accessKeyIdName;
            throw new SdkClientException("The " + kind + " " + set + " is set but " + missing + " is not");
        }
        return AwsCredentials.builder()
                .accessKeyId(accessKeyId.get())
                .secretAccessKey(secretAccessKey.get())
                .sessionToken(source.apply(sessionTokenName).orElse(null))
                .build();
    }
}
