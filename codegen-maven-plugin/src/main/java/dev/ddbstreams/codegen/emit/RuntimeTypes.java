package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.ClassName;

/** The client-runtime types generated code refers to (see docs/runtime-contract.md). */
final class RuntimeTypes {

    private static final String RUNTIME = "dev.ddbstreams.runtime";

    static final ClassName BYTES = ClassName.get(RUNTIME + ".core", "Bytes");
    static final ClassName DOCUMENT = ClassName.get(RUNTIME + ".core", "Document");
    static final ClassName MODEL_COPIES = ClassName.get(RUNTIME + ".core", "ModelCopies");
    static final ClassName ORDERED_MAP_BUILDER = ClassName.get(RUNTIME + ".core", "OrderedMapBuilder");
    static final ClassName TO_STRING_BUILDER = ClassName.get(RUNTIME + ".core", "ToStringBuilder");

    static final ClassName AWS_ERROR_DETAILS = ClassName.get(RUNTIME + ".exception", "AwsErrorDetails");
    static final ClassName AWS_SERVICE_EXCEPTION = ClassName.get(RUNTIME + ".exception", "AwsServiceException");

    static final ClassName JSON_READING = ClassName.get(RUNTIME + ".json", "JsonReading");
    static final ClassName JSON_WRITING = ClassName.get(RUNTIME + ".json", "JsonWriting");

    static final ClassName AWS_CREDENTIALS_PROVIDER = ClassName.get(RUNTIME + ".auth", "AwsCredentialsProvider");
    static final ClassName SERVICE_METADATA = ClassName.get(RUNTIME + ".http", "ServiceMetadata");
    static final ClassName ERROR_MAPPER = ClassName.get(RUNTIME + ".http", "ErrorMapper");
    static final ClassName AWS_CLIENT_BUILDER = ClassName.get(RUNTIME + ".http", "AwsClientBuilder");
    static final ClassName AWS_ASYNC_CLIENT_BUILDER = ClassName.get(RUNTIME + ".http", "AwsAsyncClientBuilder");
    static final ClassName PROTOCOL_INVOKER = ClassName.get(RUNTIME + ".http", "AwsJsonProtocolInvoker");
    static final ClassName OPERATION_DESCRIPTOR = ClassName.get(RUNTIME + ".http", "OperationDescriptor");

    static final ClassName JSON_GENERATOR = ClassName.get("com.fasterxml.jackson.core", "JsonGenerator");
    static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
    static final ClassName JSON_TOKEN = ClassName.get("com.fasterxml.jackson.core", "JsonToken");

    private RuntimeTypes() {}
}
