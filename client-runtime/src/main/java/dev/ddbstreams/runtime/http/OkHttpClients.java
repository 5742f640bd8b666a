package dev.ddbstreams.runtime.http;

import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Creates the {@link OkHttpClient} a client sends with, and releases it when the client created it. */
final class OkHttpClients {

    private static final List<ConnectionSpec> CLEARTEXT_ONLY = List.of(ConnectionSpec.CLEARTEXT);

    private OkHttpClients() {}

    /**
     * A client configured from {@code settings} that sends every request to {@code endpoint}: derived from the
     * application's client when there is one (sharing its connection pool and dispatcher, and keeping its connect
     * and read timeouts unless set in {@code settings}), else a new one with the default timeouts. The call timeout
     * is not set here: it bounds all attempts of a call together, so the invoker gives each attempt what is left of
     * it.
     *
     * <p>A client of our own for a plain {@code http} endpoint (an endpoint override to DynamoDB Local, LocalStack
     * or a test server) speaks cleartext only. OkHttp otherwise initialises the platform's TLS as it builds the
     * client, whether or not any request will use it: it loads the JDK's TLS stack and parses every certificate of
     * the trust store, which takes longer than everything else a client does before its first call. Caveat: such a
     * client cannot make an {@code https} request at all; that is safe only because the invoker sends to this one
     * endpoint and never follows redirects, so anything that sends elsewhere must build its own client. An
     * {@code https} endpoint keeps OkHttp's defaults, and with them the TLS initialisation, which it needs. An
     * application's client is used as configured, TLS included, since it may serve other requests too.
     */
    static OkHttpClient create(ClientSettings settings, HttpUrl endpoint) {
        OkHttpClient.Builder builder = settings.httpClient()
                .map(OkHttpClient::newBuilder)
                .orElseGet(() -> ownClient(endpoint));
        settings.connectTimeout().ifPresent(builder::connectTimeout);
        settings.readTimeout().ifPresent(builder::readTimeout);
        // The protocol never redirects; following one would drop the signed POST body or send it to another host.
        return builder.followRedirects(false).followSslRedirects(false).build();
    }

    private static OkHttpClient.Builder ownClient(HttpUrl endpoint) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(ClientSettings.DEFAULT_CONNECT_TIMEOUT)
                .readTimeout(ClientSettings.DEFAULT_READ_TIMEOUT);
        if (!endpoint.isHttps()) {
            builder.connectionSpecs(CLEARTEXT_ONLY);
        }
        return builder;
    }

    /** Releases the threads and connections of a client this class created without an application's client. */
    static void release(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /** Whether closing a client built from {@code settings} should release its {@code OkHttpClient}. */
    static boolean ownsHttpClient(ClientSettings settings) {
        return settings.httpClient().isEmpty();
    }
}
