package dev.ddbstreams.runtime.auth;

import dev.ddbstreams.runtime.exception.SdkClientException;
import java.io.IOException;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The HTTP side of the credential endpoints on the local network (container and EC2 instance metadata): one shared
 * client with short timeouts, since these endpoints answer at once or not at all, and no redirects.
 */
final class CredentialsHttp {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    /** What an endpoint answered. */
    record Reply(int status, byte[] body) {

        boolean successful() {
            return status >= 200 && status < 300;
        }
    }

    private static final class Holder {
        static final OkHttpClient CLIENT = new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
    }

    private CredentialsHttp() {}

    /**
     * Sends {@code request} and reads the whole answer, whatever its status.
     *
     * @param source what is being called, for the message of an I/O failure (which keeps the IOException as its
     *     cause, so a call's retries treat it as transient)
     */
    static Reply send(Request request, String source) {
        try (Response response = Holder.CLIENT.newCall(request).execute()) {
            return new Reply(response.code(), response.body().bytes());
        } catch (IOException e) {
            throw new SdkClientException("Unable to reach " + source + " at " + origin(request.url()) + ": " + e, e);
        }
    }

    /**
     * {@code url}, which the setting {@code setting} made.
     *
     * @throws SdkClientException when it is not an http or https URL
     */
    static HttpUrl url(String url, String setting) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new SdkClientException(setting + " does not make a valid http or https URL: " + url);
        }
        return parsed;
    }

    /**
     * The scheme, host and port of {@code url}, for messages: the path of a credentials URL (such as ECS's
     * {@code /v2/credentials/<id>}) identifies the credentials and stays out of logs.
     */
    static String origin(HttpUrl url) {
        return url.scheme() + "://" + (url.host().indexOf(':') >= 0 ? "[" + url.host() + "]" : url.host()) + ":"
                + url.port();
    }
}
