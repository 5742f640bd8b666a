package dev.ddbstreams.benchmarks.unmarshal;

import dev.ddbstreams.benchmarks.fixtures.Fixture;
import java.util.Arrays;
import java.util.List;

/** The unmarshallers compared; {@link #id()} is the JMH parameter value. */
public enum DecoderKind {

    /** Our generated codecs ({@code GetRecordsOutputJson.read} and friends). */
    OURS("ours"),
    /** The SDK's response handler, taken from a real SDK client so it is configured exactly as the client's. */
    SDK("sdk"),
    /** The floor: jackson-core reading every token and building nothing. */
    JACKSON_TOKEN_WALK("jackson-token-walk");

    private final String id;

    DecoderKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** A decoder of this kind for the response type of {@code fixture}. */
    public Decoder forFixture(Fixture fixture) {
        return switch (this) {
            case OURS -> OurDecoders.forOperation(fixture.operation());
            case SDK -> SdkDecoders.forOperation(fixture.operation());
            case JACKSON_TOKEN_WALK -> new TokenWalk();
        };
    }

    public static DecoderKind byId(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No decoder " + id + "; known: " + ids()));
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(DecoderKind::id).toList();
    }
}
