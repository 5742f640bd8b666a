package dev.ddbstreams.benchmarks.clients;

import dev.ddbstreams.benchmarks.fixtures.Fixture;
import java.util.Arrays;
import java.util.List;

/** The clients compared; {@link #id()} is the JMH parameter value and the name in reports. */
public enum ClientKind {

    /** Our generated client with its built-in OkHttp transport. */
    OURS("ours", "ddbstreams (OkHttp)"),
    /**
     * Ours with one interceptor (a tracing header added before signing) and one metric publisher: what observing
     * every call costs. Measured on the 10-record page only, where per-call overhead shows most.
     */
    OURS_OBSERVED("ours-observed", "ddbstreams + 1 interceptor + 1 metric publisher"),
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
        return this != OURS && this != OURS_OBSERVED;
    }

    /** A client of this kind calling {@code fixture} on the fixture server at {@code baseUri}. */
    public FixtureCall open(String baseUri, Fixture fixture) {
        return switch (this) {
            case OURS -> OurCalls.open(baseUri, fixture, false);
            case OURS_OBSERVED -> OurCalls.open(baseUri, fixture, true);
            default -> SdkCalls.open(this, baseUri, fixture);
        };
    }

    public static ClientKind byId(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No client " + id + "; known: " + ids()));
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ClientKind::id).toList();
    }

    /** The clients compared on every GetRecords fixture: all but {@link #OURS_OBSERVED}. */
    public static List<String> comparedIds() {
        return Arrays.stream(values()).filter(kind -> kind != OURS_OBSERVED).map(ClientKind::id).toList();
    }
}
