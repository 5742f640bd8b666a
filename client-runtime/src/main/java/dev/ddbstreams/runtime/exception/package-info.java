/**
 * Everything a client throws: {@link dev.ddbstreams.runtime.exception.SdkException} and its two branches, the
 * client's own failures ({@link dev.ddbstreams.runtime.exception.SdkClientException}) and the service's errors
 * ({@link dev.ddbstreams.runtime.exception.AwsServiceException}).
 */
package dev.ddbstreams.runtime.exception;
