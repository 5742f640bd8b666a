package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.ddbstreams.codegen.model.ListShape;
import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.Operation;
import dev.ddbstreams.codegen.model.Paginator;
import dev.ddbstreams.codegen.model.StructureShape;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
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

    PaginatorEmitter(GenerationContext context, Paginator paginator) {
        this.context = context;
        this.paginator = paginator;
        this.operation = context.model().operation(paginator.operationName()).orElseThrow();
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
