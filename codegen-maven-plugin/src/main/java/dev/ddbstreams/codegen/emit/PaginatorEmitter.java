package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.ddbstreams.codegen.model.ListShape;
import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.Operation;
import dev.ddbstreams.codegen.model.Paginator;
import dev.ddbstreams.codegen.model.StructureShape;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;

/**
 * The pages of one paginated operation as a lazy {@code Iterable} ({@code ListStreamsIterable}), with a flattened
 * view of the items the model names as {@code result_key}. Tokens are read and set with plain accessors; the
 * runtime's {@code Pages} does the fetching and the loop detection.
 */
final class PaginatorEmitter implements FileEmitter {

    /** Methods an {@code SdkIterable} already has, which an items view must not take. */
    private static final Set<String> TAKEN = Set.of("iterator", "stream", "forEach", "spliterator", "equals", "hashCode", "toString", "getClass");

    private final GenerationContext context;
    private final Paginator paginator;
    private final Operation operation;
    private final boolean async;

    /** @param async whether to emit the asynchronous client's {@code XxxPublisher} instead of the {@code XxxIterable} */
    PaginatorEmitter(GenerationContext context, Paginator paginator, boolean async) {
        this.context = context;
        this.paginator = paginator;
        this.operation = context.model().operation(paginator.operationName()).orElseThrow();
        this.async = async;
    }

    /** The generated class of the asynchronous client's pages of an operation. */
    static ClassName publisherClass(GenerationContext context, Operation operation) {
        return ClassName.get(context.paginatorsPackage(), JavaFilesNames.capitalize(operation.name()) + "Publisher");
    }

    /** The generated class for a paginated operation. */
    static ClassName iterableClass(GenerationContext context, Operation operation) {
        return ClassName.get(context.paginatorsPackage(), JavaFilesNames.capitalize(operation.name()) + "Iterable");
    }

    /** The name of the items view of a paginator. */
    static String itemsMethodName(Member resultMember) {
        String name = resultMember.javaName();
        return TAKEN.contains(name) ? name + "Items" : name;
    }

    @Override
    public JavaFile emit() {
        return async ? emitPublisher() : emitIterable();
    }

    private JavaFile emitPublisher() {
        ClassName self = publisherClass(context, operation);
        ClassName client = ClientEmitter.asyncClientInterface(context);
        StructureShape input = (StructureShape) context.model().shape(operation.inputShape());
        StructureShape output = (StructureShape) context.model().shape(operation.outputShape());
        ClassName request = context.classOf(input);
        ClassName response = context.classOf(output);
        ClassName pages = ClassName.get("dev.ddbstreams.runtime.paginate", "AsyncPages");
        Member inputToken = input.members().stream().filter(m -> m.wireName().equals(paginator.inputToken())).findFirst().orElseThrow();
        MemberPath outputToken = new MemberPath(context, output, paginator.outputToken());
        TypeName done = ParameterizedTypeName.get(CompletableFuture.class, Void.class);

        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The pages of {@code $L} for the asynchronous client: a {@code forEach} requests each next page only after\n"
                        + "the consumer has taken the previous one, with {@code $L} set from its {@code $L}.\n",
                        operation.name(), paginator.inputToken(), String.join(".", paginator.outputToken()))
                .addField(FieldSpec.builder(ParameterizedTypeName.get(pages, request, response), "pages", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addJavadoc("Pages through {@code $L} with {@code client}, starting with {@code firstRequest}.\n", operation.name())
                        .addParameter(client, "client")
                        .addParameter(request, "firstRequest")
                        .addStatement("this.pages = new $T<>($S, firstRequest, client::$N, $T::nextToken,\n$>$>(request, token) -> request.toBuilder().$N(token).build())$<$<",
                                pages, operation.name(), operation.methodName(), self, inputToken.javaName())
                        .build())
                .addMethod(MethodSpec.methodBuilder("forEach")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(done)
                        .addJavadoc("Gives every page to {@code consumer}, in order; completes after the last one, or fails with the first failure.\n")
                        .addParameter(ParameterizedTypeName.get(ClassName.get(Consumer.class), WildcardTypeName.supertypeOf(response)), "consumer")
                        .addStatement("return pages.forEach(consumer)")
                        .build())
                .addMethod(outputToken.getter("nextToken", response, CodeBlock.of("null")));
        if (!paginator.resultKey().isEmpty()) {
            MemberPath items = new MemberPath(context, output, paginator.resultKey());
            ListShape list = (ListShape) items.target();
            TypeName element = context.storageType(list.memberShape());
            String itemsName = itemsMethodName(items.last());
            type.addMethod(MethodSpec.methodBuilder(itemsName)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(done)
                    .addJavadoc("Gives every one of the {@code $L} of every page to {@code consumer}, in order, fetched as lazily as the pages.\n",
                            String.join(".", paginator.resultKey()))
                    .addParameter(ParameterizedTypeName.get(ClassName.get(Consumer.class), WildcardTypeName.supertypeOf(element)), "consumer")
                    .addStatement("return pages.forEachItem($T::$N, consumer)", self, itemsName + "OfPage")
                    .build());
            type.addMethod(items.getter(itemsName + "OfPage", response, CodeBlock.of("$T.of()", List.class)));
        }
        return JavaFiles.of(context.paginatorsPackage(), type.build());
    }

    private JavaFile emitIterable() {
        ClassName self = iterableClass(context, operation);
        ClassName client = context.clientInterface();
        StructureShape input = (StructureShape) context.model().shape(operation.inputShape());
        StructureShape output = (StructureShape) context.model().shape(operation.outputShape());
        ClassName request = context.classOf(input);
        ClassName response = context.classOf(output);
        ClassName pages = ClassName.get("dev.ddbstreams.runtime.paginate", "Pages");
        ClassName sdkIterable = ClassName.get("dev.ddbstreams.runtime.paginate", "SdkIterable");
        Member inputToken = input.members().stream().filter(m -> m.wireName().equals(paginator.inputToken())).findFirst().orElseThrow();
        MemberPath outputToken = new MemberPath(context, output, paginator.outputToken());

        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(sdkIterable, response))
                .addJavadoc("The pages of {@code $L}, fetched lazily: the first request is sent when iteration starts, and each next page\n"
                        + "only when it is reached, with {@code $L} set from the previous page's {@code $L}. Each iteration starts over.\n",
                        operation.name(), paginator.inputToken(), String.join(".", paginator.outputToken()))
                .addField(FieldSpec.builder(ParameterizedTypeName.get(pages, request, response), "pages", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addJavadoc("Pages through {@code $L} with {@code client}, starting with {@code firstRequest}.\n", operation.name())
                        .addParameter(client, "client")
                        .addParameter(request, "firstRequest")
                        .addStatement("this.pages = new $T<>($S, firstRequest, client::$N, $T::nextToken,\n$>$>(request, token) -> request.toBuilder().$N(token).build())$<$<",
                                pages, operation.name(), operation.methodName(), self, inputToken.javaName())
                        .build())
                .addMethod(MethodSpec.methodBuilder("iterator")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(ClassName.get(Iterator.class), response))
                        .addStatement("return pages.iterator()")
                        .build())
                .addMethod(outputToken.getter("nextToken", response, CodeBlock.of("null")));
        if (!paginator.resultKey().isEmpty()) {
            MemberPath items = new MemberPath(context, output, paginator.resultKey());
            ListShape list = (ListShape) items.target();
            TypeName element = context.storageType(list.memberShape());
            String itemsName = itemsMethodName(items.last());
            type.addMethod(MethodSpec.methodBuilder(itemsName)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(ParameterizedTypeName.get(sdkIterable, element))
                    .addJavadoc("The {@code $L} of every page, in order, fetched as lazily as the pages.\n", String.join(".", paginator.resultKey()))
                    .addStatement("return pages.items($T::$N)", self, itemsName + "OfPage")
                    .build());
            MethodSpec getter = items.getter(itemsName + "OfPage", response, CodeBlock.of("$T.of()", List.class));
            type.addMethod(getter);
        }
        return JavaFiles.of(context.paginatorsPackage(), type.build());
    }
}
