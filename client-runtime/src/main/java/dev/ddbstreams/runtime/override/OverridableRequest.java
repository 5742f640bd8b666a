package dev.ddbstreams.runtime.override;

import java.util.Optional;

/**
 * A request that can carry a {@link RequestOverrideConfiguration}: every generated {@code XxxRequest} is one (the
 * counterpart of the AWS SDK for Java v2's {@code AwsRequest#overrideConfiguration()}). The override configuration
 * is never sent as part of the request's body; it changes how this one call is made.
 */
public interface OverridableRequest {

    /** What this request changes about its own call; empty when it changes nothing. */
    Optional<RequestOverrideConfiguration> overrideConfiguration();
}
