package dev.ddbstreams.runtime.http;

import okhttp3.OkHttpClient;

/** Creates the {@link OkHttpClient} a client sends with, and releases it when the client created it. */
final class OkHttpClients {

    private OkHttpClients() {}

    /**
     * A client configured from {@code settings}: derived from the application's client when there is one (sharing
     * its connection pool and dispatcher, and keeping its connect and read timeouts unless set in
     * {@code settings}), else a new one with the default timeouts. The call timeout is not set here: it bounds all
     * attempts of a call together, so the invoker gives each attempt what is left of it.
     */
    static OkHttpClient create(ClientSettings settings) {
        OkHttpClient.Builder builder = settings.httpClient()
                .map(OkHttpClient::newBuilder)
                .orElseGet(() -> new OkHttpClient.Builder()
                        .connectTimeout(ClientSettings.DEFAULT_CONNECT_TIMEOUT)
                        .readTimeout(ClientSettings.DEFAULT_READ_TIMEOUT));
        settings.connectTimeout().ifPresent(builder::connectTimeout);
        settings.readTimeout().ifPresent(builder::readTimeout);
        // The protocol never redirects; following one would drop the signed POST body or send it to another host.
        return builder.followRedirects(false).followSslRedirects(false).build();
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
