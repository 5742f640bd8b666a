package dev.ddbstreams.runtime.auth;

import dev.ddbstreams.runtime.exception.SdkClientException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Reads the EC2 instance metadata service with IMDSv2 session tokens: a token from {@code PUT /latest/api/token}
 * is sent with every read and kept until shortly before its TTL runs out; a read answered 401 (the token is no longer
 * valid) fetches a new token and is made once more.
 *
 * <p>Where the token endpoint answers 403, 404 or 405 (IMDSv2 unavailable), reads go without a token (IMDSv1) unless
 * IMDSv1 is disabled; that answer is kept like a token, so the endpoint is asked again after the same TTL or after a
 * 401. Thread-safe.
 */
final class Ec2MetadataClient {

    static final Duration TOKEN_TTL = Duration.ofHours(6);
    static final Duration TOKEN_REFRESH_MARGIN = Duration.ofMinutes(1);
    static final String TOKEN_PATH = "/latest/api/token";
    static final String TOKEN_HEADER = "x-aws-ec2-metadata-token";
    static final String TOKEN_TTL_HEADER = "x-aws-ec2-metadata-token-ttl-seconds";

    private static final String SOURCE = "the EC2 instance metadata service";
    private static final String SUBJECT = "The EC2 instance metadata service";

    /** A session token ({@code null} for none: IMDSv1) and when to stop using it. */
    private record Token(String value, Instant refreshAt) {}

    private final HttpUrl endpoint;
    private final boolean v1Disabled;
    private final Clock clock;
    private Token token;

    Ec2MetadataClient(HttpUrl endpoint, boolean v1Disabled, Clock clock) {
        this.endpoint = endpoint;
        this.v1Disabled = v1Disabled;
        this.clock = clock;
    }

    /**
     * The text at {@code path}, such as {@code /latest/meta-data/iam/security-credentials/}.
     *
     * @throws SdkClientException when the service cannot be reached or answers with an error
     */
    byte[] get(String path) {
        CredentialsHttp.Reply reply = read(path, token(false));
        if (reply.status() == 401) {
            reply = read(path, token(true));
        }
        if (!reply.successful()) {
            throw new SdkClientException(SUBJECT + " answered HTTP " + reply.status() + " to GET " + path
                    + (reply.status() == 404 ? " (not found)" : ""));
        }
        return reply.body();
    }

    private CredentialsHttp.Reply read(String path, String sessionToken) {
        Request.Builder request = new Request.Builder().url(endpoint.resolve(path)).get();
        if (sessionToken != null) {
            request.header(TOKEN_HEADER, sessionToken);
        }
        return CredentialsHttp.send(request.build(), SOURCE);
    }

    /** A valid session token, or {@code null} to read without one (IMDSv1). */
    private synchronized String token(boolean renew) {
        Instant now = clock.instant();
        if (!renew && token != null && now.isBefore(token.refreshAt())) {
            return token.value();
        }
        token = null;
        Request request = new Request.Builder()
                .url(endpoint.resolve(TOKEN_PATH))
                .header(TOKEN_TTL_HEADER, Long.toString(TOKEN_TTL.toSeconds()))
                .put(RequestBody.create(new byte[0], (MediaType) null))
                .build();
        CredentialsHttp.Reply reply = CredentialsHttp.send(request, SOURCE);
        int status = reply.status();
        if (reply.successful()) {
            String value = new String(reply.body(), StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new SdkClientException(SUBJECT + " answered an empty session token");
            }
            token = new Token(value, now.plus(TOKEN_TTL).minus(TOKEN_REFRESH_MARGIN));
            return value;
        }
        if ((status == 403 || status == 404 || status == 405) && !v1Disabled) {
            token = new Token(null, now.plus(TOKEN_TTL).minus(TOKEN_REFRESH_MARGIN));
            return null;
        }
        throw new SdkClientException(SUBJECT + " answered HTTP " + status + " to the session token request (PUT "
                + TOKEN_PATH + ")" + (v1Disabled ? "; IMDSv1 is disabled, so there is no fallback" : ""));
    }
}
