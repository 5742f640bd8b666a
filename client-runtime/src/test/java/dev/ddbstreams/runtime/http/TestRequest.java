package dev.ddbstreams.runtime.http;

import dev.ddbstreams.runtime.override.OverridableRequest;
import dev.ddbstreams.runtime.override.RequestOverrideConfiguration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A modeled request as the generator writes them, reduced to one member and the override configuration. */
record TestRequest(String streamArn, RequestOverrideConfiguration override) implements OverridableRequest {

    /** DescribeStream of {@link TestRequest}s, answered as an object of string members. */
    static final OperationDescriptor<TestRequest, Map<String, String>> DESCRIBE_STREAM = OperationDescriptor.of(
            "DescribeStream",
            (generator, request) -> {
                generator.writeStartObject();
                generator.writeStringField("StreamArn", request.streamArn());
                generator.writeEndObject();
            },
            TestJson.STRING_MEMBERS);

    static TestRequest of(String streamArn) {
        return new TestRequest(streamArn, null);
    }

    TestRequest with(RequestOverrideConfiguration override) {
        return new TestRequest(streamArn, Objects.requireNonNull(override, "override"));
    }

    @Override
    public Optional<RequestOverrideConfiguration> overrideConfiguration() {
        return Optional.ofNullable(override);
    }
}
