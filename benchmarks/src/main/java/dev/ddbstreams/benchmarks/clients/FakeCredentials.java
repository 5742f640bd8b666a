package dev.ddbstreams.benchmarks.clients;

/** What every client signs with: the fixture server checks no signature, but signing is part of each call's cost. */
final class FakeCredentials {

    static final String ACCESS_KEY_ID = "AKIDBENCHMARKEXAMPLE";
    static final String SECRET_ACCESS_KEY = "benchmarkSecretKeyThatSignsNothingReal00";
    static final String REGION = "us-east-1";

    /** An iterator as opaque and about as long as the service's. */
    static final String SHARD_ITERATOR = "arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/"
            + "2026-01-01T00:00:00.000|1|AAAAAAAAAAGbenchmarkIteratorQmVuY2htYXJrIGl0ZXJhdG9yIHRoYXQgaXMgbG9uZw==";
    static final String STREAM_ARN =
            "arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2026-01-01T00:00:00.000";

    private FakeCredentials() {}
}
