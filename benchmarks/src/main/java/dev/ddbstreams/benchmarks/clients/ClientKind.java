package dev.ddbstreams.benchmarks.clients;

import dev.ddbstreams.benchmarks.fixtures.Fixture;
import java.util.Arrays;
import java.util.List;

/** The clients compared; {@link #id()} is the JMH parameter value and the name in reports. */
public enum ClientKind {

    /** Our generated client with its built-in OkHttp transport. */
    OURS("ours", "ddbstreams (OkHttp)"),
    /** The SDK with apache5-client: what SDK 2.57 picks when an application adds only the dynamodb module. */
    SDK_APACHE5("sdk-apache5", "SDK v2 default (apache5-client)"),
    /** The SDK with apache-client (HttpClient 4), its default HTTP client before apache5-client. */
    SDK_APACHE("sdk-apache", "SDK v2 apache-client"),
    /** The SDK with url-connection-client, the small choice the SDK recommends for fast start-up. */
    SDK_URL_CONNECTION("sdk-url-connection", "SDK v2 url-connection-client");

    private final String id;
    private final String label;

    ClientKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public boolean isSdk() {
        return this != OURS;
    }

    /** A client of this kind calling {@code fixture} on the fixture server at {@code baseUri}. */
    public FixtureCall open(String baseUri, Fixture fixture) {
        return this == OURS ? OurCalls.open(baseUri, fixture) : SdkCalls.open(this, baseUri, fixture);
    }

    public static ClientKind byId(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No client " + id + "; known: " + ids()));
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ClientKind::id).toList();
    }
}
