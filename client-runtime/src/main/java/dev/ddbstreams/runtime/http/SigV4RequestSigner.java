package dev.ddbstreams.runtime.http;

import dev.ddbstreams.runtime.auth.AwsCredentials;
import dev.ddbstreams.runtime.exception.SdkClientException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Signs a {@code POST} with AWS Signature Version 4, using the AWS SDK's own signer so the signature is exactly what
 * AWS expects.
 */
final class SigV4RequestSigner {

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final String signingName;
    private final String region;
    private final Clock clock;
    private volatile ConvertedCredentials lastConverted;

    SigV4RequestSigner(String signingName, String region, Clock clock) {
        this.signingName = signingName;
        this.region = region;
        this.clock = clock;
    }

    /**
     * The unsigned {@code POST} of {@code headers} to {@code url}, to pass to {@link #sign}. It holds nothing that
     * changes from call to call, so a caller may build it once and sign it any number of times: it is immutable.
     */
    static SdkHttpRequest unsignedPost(HttpUrl url, Map<String, String> headers) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .protocol(url.scheme())
                .host(hostForSigning(url))
                .port(url.port())
                .encodedPath(url.encodedPath());
        headers.forEach(request::putHeader);
        return request.build();
    }

    /**
     * {@code request} as the signer takes it, body left out (it is passed to {@link #sign} separately): method,
     * endpoint, path, query parameters and headers.
     */
    static SdkHttpRequest unsigned(HttpRequest request) {
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(request.method()))
                .protocol(request.protocol())
                .host(request.host().indexOf(':') >= 0 ? "[" + request.host() + "]" : request.host())
                .port(request.port())
                .encodedPath(request.encodedPath());
        request.rawQueryParameters().forEach(unsigned::putRawQueryParameter);
        request.headers().forEach(unsigned::putHeader);
        return unsigned.build();
    }

    /**
     * {@code request} signed for {@code body} with {@code credentials} at the clock's current time: its headers
     * are the request's own plus {@code Host}, {@code X-Amz-Date}, {@code X-Amz-Content-Sha256},
     * {@code Authorization} and, for temporary credentials, {@code X-Amz-Security-Token}.
     */
    SdkHttpRequest sign(SdkHttpRequest request, byte[] body, AwsCredentials credentials) {
        AwsCredentialsIdentity identity = identity(credentials);
        try {
            return signer.sign(r -> r
                    .request(request)
                    .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                    .identity(identity)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock))
                    .request();
        } catch (RuntimeException e) {
            // Only the exception's type and message: neither carries the credentials.
            throw new SdkClientException("Unable to sign the request with SigV4: " + e, e);
        }
    }

    /**
     * A query-string signed request that anyone holding it can send until {@code expiry} has passed: the
     * signature and the credential scope travel as {@code X-Amz-*} query parameters instead of headers.
     *
     * @return the signed request; its URI carries the query parameters, its headers are those that were signed
     */
    SdkHttpRequest presign(SdkHttpRequest request, byte[] body, AwsCredentials credentials, Duration expiry) {
        AwsCredentialsIdentity identity = identity(credentials);
        try {
            return signer.sign(r -> r
                    .request(request)
                    .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                    .identity(identity)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock)
                    .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                    .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expiry))
                    .request();
        } catch (RuntimeException e) {
            throw new SdkClientException("Unable to presign the request with SigV4: " + e, e);
        }
    }

    // HttpUrl gives IPv6 literals without brackets; the Host header the signer computes needs them.
    private static String hostForSigning(HttpUrl url) {
        return url.host().indexOf(':') >= 0 ? "[" + url.host() + "]" : url.host();
    }

    /**
     * The signer's view of {@code credentials}. Providers that cache hand out the same {@link AwsCredentials} call
     * after call, so the last conversion is kept and reused while they do; credentials are still resolved for
     * every attempt, and different credentials are always converted afresh.
     */
    private AwsCredentialsIdentity identity(AwsCredentials credentials) {
        ConvertedCredentials last = lastConverted;
        if (last != null && last.credentials == credentials) {
            return last.identity;
        }
        AwsCredentialsIdentity identity = credentials.sessionToken()
                .<AwsCredentialsIdentity>map(token -> AwsSessionCredentialsIdentity.create(
                        credentials.accessKeyId(), credentials.secretAccessKey(), token))
                .orElseGet(() -> AwsCredentialsIdentity.create(
                        credentials.accessKeyId(), credentials.secretAccessKey()));
        lastConverted = new ConvertedCredentials(credentials, identity);
        return identity;
    }

    // Both fields final, published through a volatile field: a reader sees a pair that belongs together.
    private record ConvertedCredentials(AwsCredentials credentials, AwsCredentialsIdentity identity) {}
}
