package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.Operation;
import dev.ddbstreams.codegen.model.Paginator;
import dev.ddbstreams.codegen.model.StructureShape;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * The clients' paginator methods, the same on the blocking and the asynchronous client: {@code xxxPaginator} per
 * paginated operation (with a request, a {@code Consumer} of its builder, and no argument when nothing is required),
 * and the name-based {@code canPaginate}/{@code paginator} that boto3 users know as {@code can_paginate}/
 * {@code get_paginator}. The blocking client's return {@code XxxIterable}s, the asynchronous client's
 * {@code XxxPublisher}s.
 */
final class ClientPaginationMethods {

    private static final String PAGINATE = "dev.ddbstreams.runtime.paginate";

    private final GenerationContext context;
    private final boolean async;

    ClientPaginationMethods(GenerationContext context, boolean async) {
        this.context = context;
        this.async = async;
    }

    void addTo(TypeSpec.Builder type) {
        List<Paginator> paginators = context.model().paginators();
        for (Paginator paginator : paginators) {
            addPaginator(type, context.model().operation(paginator.operationName()).orElseThrow());
        }
        String names = paginators.stream().map(Paginator::operationName).collect(Collectors.joining(", "));
        MethodSpec.Builder can = MethodSpec.methodBuilder("canPaginate")
                .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                .returns(TypeName.BOOLEAN)
                .addJavadoc("Whether the operation of that model name (such as {@code $L}) has a paginator.\n",
                        paginators.isEmpty() ? "ListThings" : paginators.get(0).operationName())
                .addParameter(String.class, "operationName")
                .addStatement("$T.requireNonNull(operationName, $S)", Objects.class, "operationName");
        if (paginators.isEmpty()) {
            can.addStatement("return false");
        } else {
            can.beginControlFlow("switch (operationName)");
            for (Paginator paginator : paginators) {
                can.addCode("case $S:\n", paginator.operationName());
            }
            can.addCode("$>").addStatement("return true").addCode("$<")
                    .addCode("default:\n$>").addStatement("return false").addCode("$<")
                    .endControlFlow();
        }
        type.addMethod(can.build());

        ClassName pages = ClassName.get(PAGINATE, async ? "SdkPublisher" : "SdkIterable");
        MethodSpec.Builder byName = MethodSpec.methodBuilder("paginator")
                .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                .returns(ParameterizedTypeName.get(pages, WildcardTypeName.subtypeOf(Object.class)))
                .addJavadoc("The pages of the operation of that model name, for callers that choose the operation at run time.\n"
                        + "Code that knows the operation is better served by its typed {@code xxxPaginator} method.\n\n"
                        + "@param operationName the operation's name in the model\n"
                        + "@param request the first page's request, of the operation's request type\n"
                        + "@return the pages, fetched lazily\n"
                        + "@throws IllegalArgumentException when the operation has no paginator or the request is of another type\n")
                .addParameter(String.class, "operationName")
                .addParameter(Object.class, "request")
                .addStatement("$T.requireNonNull(operationName, $S)", Objects.class, "operationName")
                .addStatement("$T.requireNonNull(request, $S)", Objects.class, "request")
                .beginControlFlow("switch (operationName)");
        for (Paginator paginator : paginators) {
            Operation op = context.model().operation(paginator.operationName()).orElseThrow();
            ClassName request = context.classOf(op.inputShape());
            byName.addCode("case $S:\n$>", op.name())
                    .beginControlFlow("if (!(request instanceof $T))", request)
                    .addStatement("throw new $T($S + request.getClass().getName())", IllegalArgumentException.class,
                            op.name() + " pages with a " + request.simpleName() + ", not a ")
                    .endControlFlow()
                    .addStatement("return $NPaginator(($T) request)", op.methodName(), request)
                    .addCode("$<");
        }
        byName.addCode("default:\n$>")
                .addStatement("throw new $T(operationName + $S)", IllegalArgumentException.class,
                        paginators.isEmpty() ? " has no paginator; this service has none" : " has no paginator; these operations do: " + names)
                .addCode("$<")
                .endControlFlow();
        type.addMethod(byName.build());
    }

    private void addPaginator(TypeSpec.Builder type, Operation op) {
        ClassName pages = async ? PaginatorEmitter.publisherClass(context, op) : PaginatorEmitter.iterableClass(context, op);
        ClassName request = context.classOf(op.inputShape());
        String name = op.methodName() + "Paginator";
        String lazily = async ? "nothing is sent until a subscriber asks for a page" : "nothing is sent until iteration starts";
        type.addMethod(MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                .returns(pages)
                .addJavadoc("The pages of {@code $L}, starting with {@code request}; $L.\n", op.name(), lazily)
                .addParameter(request, "request")
                .addStatement("return new $T(this, request)", pages)
                .build());
        type.addMethod(MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                .returns(pages)
                .addJavadoc("The pages of {@code $L}, starting with the request {@code request} builds; see {@link #$L($T)}.\n",
                        op.name(), name, request)
                .addParameter(ParameterizedTypeName.get(ClassName.get(Consumer.class), request.nestedClass("Builder")), "request")
                .addStatement("$T.requireNonNull(request, $S)", Objects.class, "request")
                .addStatement("$T.Builder builder = $T.builder()", request, request)
                .addStatement("request.accept(builder)")
                .addStatement("return $N(builder.build())", name)
                .build());
        StructureShape input = (StructureShape) context.model().shape(op.inputShape());
        if (input.members().stream().noneMatch(Member::required)) {
            type.addMethod(MethodSpec.methodBuilder(name)
                    .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                    .returns(pages)
                    .addJavadoc("The pages of {@code $L}, starting with an empty request; see {@link #$L($T)}.\n", op.name(), name, request)
                    .addStatement("return $N($T.builder().build())", name, request)
                    .build());
        }
    }
}
