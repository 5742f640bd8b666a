/**
 * Override configuration, the AWS SDK for Java v2's shape in this client's types: {@link
 * dev.ddbstreams.runtime.override.ClientOverrideConfiguration} on a client builder (retries, timeouts, default
 * headers, interceptors, metric publishers) and {@link dev.ddbstreams.runtime.override.RequestOverrideConfiguration}
 * on any request (headers, query parameters, timeouts, credentials, interceptors and metric publishers for that call
 * only). Every generated request implements {@link dev.ddbstreams.runtime.override.OverridableRequest}.
 */
package dev.ddbstreams.runtime.override;
