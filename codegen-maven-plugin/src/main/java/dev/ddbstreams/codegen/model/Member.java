package dev.ddbstreams.codegen.model;

/**
 * A member of a structure or union.
 *
 * @param wireName the member name on the wire (the key in the model's {@code members})
 * @param javaName the accessor and builder method name, e.g. {@code streamArn}
 * @param targetShape the name of the shape the member refers to
 * @param required whether the model lists the member as required
 * @param deprecated whether the model marks the member deprecated
 * @param documentation the member's documentation, possibly empty
 * @param location where the member was defined
 * @param timestampFormat the timestamp format the member states, overriding its target's; null when it states none
 * @param idempotencyToken whether the client fills the member with a random UUID when the caller leaves it unset
 *     (C2J {@code idempotencyToken}, Smithy {@code @idempotencyToken})
 * @param jsonValue whether the string holds a JSON document as text (C2J {@code jsonvalue}); in a JSON body it is
 *     sent and read as the string it is, which the accessor's documentation says
 * @param endpointDiscoveryId whether the member identifies the resource whose endpoint is discovered (C2J
 *     {@code endpointdiscoveryid}, Smithy {@code @aws.api#clientEndpointDiscoveryId}): its value is part of the
 *     endpoint cache's key and of the discovery request
 */
public record Member(
        String wireName,
        String javaName,
        String targetShape,
        boolean required,
        boolean deprecated,
        String documentation,
        SourceLocation location,
        TimestampFormat timestampFormat,
        boolean idempotencyToken,
        boolean jsonValue,
        boolean endpointDiscoveryId) {

    /** A member that does not identify a discovered endpoint. */
    public Member(
            String wireName, String javaName, String targetShape, boolean required, boolean deprecated, String documentation,
            SourceLocation location, TimestampFormat timestampFormat, boolean idempotencyToken, boolean jsonValue) {
        this(wireName, javaName, targetShape, required, deprecated, documentation, location, timestampFormat, idempotencyToken,
                jsonValue, false);
    }

    /** A member with none of the serialization traits. */
    public Member(
            String wireName, String javaName, String targetShape, boolean required, boolean deprecated, String documentation,
            SourceLocation location) {
        this(wireName, javaName, targetShape, required, deprecated, documentation, location, null, false, false, false);
    }
}
