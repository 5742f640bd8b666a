package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.ddbstreams.codegen.model.StructureShape;
import javax.lang.model.element.Modifier;

/**
 * What an operation's response class has beyond its members: the {@code ResponseMetadata} of the HTTP response it was
 * read from (request id, status, headers), as the AWS SDK for Java v2's {@code responseMetadata()} and
 * {@code sdkHttpResponse()}. The client's invoker gives it to the response through the builder's setter; a response
 * built by an application has {@code ResponseMetadata.none()}. It is not a member: {@code equals}, {@code hashCode},
 * {@code toString} and the JSON codecs leave it out, and {@code toBuilder()} keeps it. For every other structure the
 * methods here do nothing, so {@link StructureEmitter} calls them unconditionally.
 */
final class ResponseMetadataMembers {

    static final ClassName RESPONSE_METADATA = ClassName.get("dev.ddbstreams.runtime.http", "ResponseMetadata");
    static final ClassName HTTP_RESPONSE = ClassName.get("dev.ddbstreams.runtime.http", "HttpResponse");
    private static final String FIELD = "responseMetadata";

    private final boolean applies;
    private final ClassName self;
    private final ClassName builder;

    ResponseMetadataMembers(StructureShape shape, ClassName self) {
        this.applies = shape.role() == StructureShape.Role.RESPONSE;
        this.self = self;
        this.builder = self.nestedClass("Builder");
    }

    /** The field, its two accessors and its copy from the builder in {@code constructor}. */
    void addTo(TypeSpec.Builder type, MethodSpec.Builder constructor) {
        if (!applies) {
            return;
        }
        type.addField(RESPONSE_METADATA, FIELD, Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.methodBuilder(FIELD)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(RESPONSE_METADATA)
                        .addJavadoc("What the service's HTTP response said besides its body: the request id ({@code x-amzn-RequestId}), the\n"
                                + "status and the headers; {@code ResponseMetadata.none()} for a response that did not come from the\n"
                                + "service. Not part of {@code equals}, {@code hashCode} or {@code toString}.\n")
                        .addStatement("return $N == null ? $T.none() : $N", FIELD, RESPONSE_METADATA, FIELD)
                        .build())
                .addMethod(MethodSpec.methodBuilder("sdkHttpResponse")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(HTTP_RESPONSE)
                        .addJavadoc("The status and headers of the HTTP response this was read from (status 0 and no headers for a\n"
                                + "response that did not come from the service), as the AWS SDK for Java v2's {@code sdkHttpResponse()}.\n")
                        .addStatement("return $N().httpResponse()", FIELD)
                        .build());
        constructor.addStatement("this.$N = builder.$N", FIELD, FIELD);
    }

    /** The builder's field, its copy in the {@code copying} constructor, and its setter. */
    void addToBuilder(TypeSpec.Builder type, MethodSpec.Builder copying) {
        if (!applies) {
            return;
        }
        type.addField(RESPONSE_METADATA, FIELD, Modifier.PRIVATE);
        copying.addStatement("this.$N = source.$N", FIELD, FIELD);
        type.addMethod(MethodSpec.methodBuilder(FIELD)
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addJavadoc("Sets {@link $T#$N()}; the client sets it on every response it reads. Null for none.\n", self, FIELD)
                .addParameter(RESPONSE_METADATA, FIELD)
                .addStatement("this.$N = $N", FIELD, FIELD)
                .addStatement("return this")
                .build());
    }
}
