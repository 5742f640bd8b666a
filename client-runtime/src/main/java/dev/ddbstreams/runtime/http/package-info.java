/**
 * The awsJson 1.0 protocol over OkHttp: client configuration, the invoker that signs, sends and reads each call,
 * and the contracts generated code implements ({@link dev.ddbstreams.runtime.http.RequestMarshaller},
 * {@link dev.ddbstreams.runtime.http.ResponseUnmarshaller}) or builds
 * ({@link dev.ddbstreams.runtime.http.ErrorMapper}).
 */
package dev.ddbstreams.runtime.http;
