/**
 * Execution interceptors, the AWS SDK for Java v2's hook points in this client's types: an
 * {@link dev.ddbstreams.runtime.interceptor.ExecutionInterceptor} is called at each step of a call with an immutable
 * {@link dev.ddbstreams.runtime.interceptor.Context}, and the hooks whose names start with {@code modify} return a
 * changed value. Interceptors are configured on the client ({@code ClientOverrideConfiguration}) and on a request
 * ({@code RequestOverrideConfiguration}); {@link dev.ddbstreams.runtime.interceptor.InterceptorChain} runs them.
 */
package dev.ddbstreams.runtime.interceptor;
