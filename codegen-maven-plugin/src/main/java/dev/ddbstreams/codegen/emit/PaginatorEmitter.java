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

    private static final String PAGINATE = "dev.ddbstreams.runtime.paginate";
    private static final ClassName SDK_ITERABLE = ClassName.get(PAGINATE, "SdkIterable");
    private static final TypeName DONE = ParameterizedTypeName.get(CompletableFuture.class, Void.class);

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
        StructureShape input = (StructureShape) context.model().shape(operation.inputShape());
        StructureShape output = (StructureShape) context.model().shape(operation.outputShape());
        ClassName self = async ? publisherClass(context, operation) : iterableClass(context, operation);
        ClassName client = async ? ClientEmitter.asyncClientInterface(context) : context.clientInterface();
        ClassName request = context.classOf(input);
        ClassName response = context.classOf(output);
        ClassName pages = ClassName.get(PAGINATE, async ? "AsyncPages" : "Pages");
        Member inputToken = input.members().stream().filter(m -> m.wireName().equals(paginator.inputToken())).findFirst().orElseThrow();
        String tokenPath = String.join(".", paginator.outputToken());

        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addField(FieldSpec.builder(ParameterizedTypeName.get(pages, request, response), "pages", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addJavadoc("Pages through {@code $L} with {@code client}, starting with {@code firstRequest}.\n", operation.name())
                        .addParameter(client, "client")
                        .addParameter(request, "firstRequest")
                        .addStatement("this.pages = new $T<>($S, firstRequest, client::$N, $T::nextToken,\n$>$>(request, token) -> request.toBuilder().$N(token).build())$<$<",
                                pages, operation.name(), operation.methodName(), self, inputToken.javaName())
                        .build());
        if (async) {
            type.addJavadoc("The pages of {@code $L} for the asynchronous client: a {@code forEach} requests each next page only after\n"
                            + "the consumer has taken the previous one, with {@code $L} set from its {@code $L}.\n",
                            operation.name(), paginator.inputToken(), tokenPath)
                    .addMethod(MethodSpec.methodBuilder("forEach")
                            .addModifiers(Modifier.PUBLIC)
                            .returns(DONE)
                            .addJavadoc("Gives every page to {@code consumer}, in order; completes after the last one, or fails with the first failure.\n")
                            .addParameter(consumerOf(response), "consumer")
                            .addStatement("return pages.forEach(consumer)")
                            .build());
        } else {
            type.addSuperinterface(ParameterizedTypeName.get(SDK_ITERABLE, response))
                    .addJavadoc("The pages of {@code $L}, fetched lazily: the first request is sent when iteration starts, and each next page\n"
                            + "only when it is reached, with {@code $L} set from the previous page's {@code $L}. Each iteration starts over.\n",
                            operation.name(), paginator.inputToken(), tokenPath)
                    .addMethod(MethodSpec.methodBuilder("iterator")
                            .addAnnotation(Override.class)
                            .addModifiers(Modifier.PUBLIC)
                            .returns(ParameterizedTypeName.get(ClassName.get(Iterator.class), response))
                            .addStatement("return pages.iterator()")
                            .build());
        }
        type.addMethod(new MemberPath(context, output, paginator.outputToken()).getter("nextToken", response, CodeBlock.of("null")));
        if (!paginator.resultKey().isEmpty()) {
            addItemsView(type, self, output, response);
        }
        return JavaFiles.of(context.paginatorsPackage(), type.build());
    }

    /** The flattened view of the items the model names as {@code result_key}. */
    private void addItemsView(TypeSpec.Builder type, ClassName self, StructureShape output, ClassName response) {
        MemberPath items = new MemberPath(context, output, paginator.resultKey());
        TypeName element = context.storageType(((ListShape) items.target()).memberShape());
        String itemsName = itemsMethodName(items.last());
        String path = String.join(".", paginator.resultKey());
        if (async) {
            type.addMethod(MethodSpec.methodBuilder(itemsName)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(DONE)
                    .addJavadoc("Gives every one of the {@code $L} of every page to {@code consumer}, in order, fetched as lazily as the pages.\n", path)
                    .addParameter(consumerOf(element), "consumer")
                    .addStatement("return pages.forEachItem($T::$N, consumer)", self, itemsName + "OfPage")
                    .build());
        } else {
            type.addMethod(MethodSpec.methodBuilder(itemsName)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(ParameterizedTypeName.get(SDK_ITERABLE, element))
                    .addJavadoc("The {@code $L} of every page, in order, fetched as lazily as the pages.\n", path)
                    .addStatement("return pages.items($T::$N)", self, itemsName + "OfPage")
                    .build());
        }
        type.addMethod(items.getter(itemsName + "OfPage", response, CodeBlock.of("$T.of()", List.class)));
    }

    private static TypeName consumerOf(TypeName type) {
        return ParameterizedTypeName.get(ClassName.get(Consumer.class), WildcardTypeName.supertypeOf(type));
    }
}
