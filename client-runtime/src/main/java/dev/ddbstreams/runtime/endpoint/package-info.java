/**
 * Where a call goes: {@link dev.ddbstreams.runtime.endpoint.AwsEndpointProvider} resolves the URL of a service in
 * any AWS partition from the standard endpoint rule-set parameters
 * ({@link dev.ddbstreams.runtime.endpoint.EndpointParams}: Region, UseFIPS, UseDualStack, Endpoint).
 */
package dev.ddbstreams.runtime.endpoint;
