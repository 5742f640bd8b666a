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
import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.Operation;
import dev.ddbstreams.codegen.model.Paginator;
import dev.ddbstreams.codegen.model.StructureShape;
import dev.ddbstreams.codegen.model.path.PathExpression;
import dev.ddbstreams.codegen.model.path.PathType;
import dev.ddbstreams.codegen.model.path.PathType.ListType;
import dev.ddbstreams.codegen.model.path.PathType.MapType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * The pages of one paginated operation: a lazy {@code Iterable} for the blocking client ({@code ListStreamsIterable})
 * and a Reactive Streams publisher for the asynchronous one ({@code ListStreamsPublisher}), each with an items view
 * per result key. The tokens, {@code more_results} and result keys are JMESPath compiled here by {@link PathCode};
 * the iterable holds them as package-private static methods, which the publisher reuses, so the two page alike.
 * The runtime's {@code Pages} and {@code AsyncPages} do the fetching and refuse a repeated token.
 */
final class PaginatorEmitter implements FileEmitter {

    private static final String PAGINATE = "dev.ddbstreams.runtime.paginate";
    private static final ClassName SDK_ITERABLE = ClassName.get(PAGINATE, "SdkIterable");
    private static final ClassName SDK_PUBLISHER = ClassName.get(PAGINATE, "SdkPublisher");
    private static final ClassName SUBSCRIBER = ClassName.get("org.reactivestreams", "Subscriber");

    /** Names an items view must not take: what the class has already, or its supertypes do. */
    private static final Set<String> TAKEN = Set.of("iterator", "stream", "forEach", "spliterator", "subscribe", "equals", "hashCode",
            "toString", "getClass", "notify", "notifyAll", "wait", "nextToken", "withToken");

    private final GenerationContext context;
    private final Paginator paginator;
    private final Operation operation;
    private final boolean async;
    private final PathCode paths;

    /** @param async whether to emit the asynchronous client's {@code XxxPublisher} instead of the {@code XxxIterable} */
    PaginatorEmitter(GenerationContext context, Paginator paginator, boolean async) {
        this.context = context;
        this.paginator = paginator;
        this.operation = context.model().operation(paginator.operationName()).orElseThrow();
        this.async = async;
        this.paths = new PathCode(context);
    }

    /** The generated class of the asynchronous client's pages of an operation. */
    static ClassName publisherClass(GenerationContext context, Operation operation) {
        return ClassName.get(context.paginatorsPackage(), JavaFilesNames.capitalize(operation.name()) + "Publisher");
    }

    /** The generated class for a paginated operation. */
    static ClassName iterableClass(GenerationContext context, Operation operation) {
        return ClassName.get(context.paginatorsPackage(), JavaFilesNames.capitalize(operation.name()) + "Iterable");
    }

    /** A result key: its expression, the name of its items view, and the type of its items. */
    private record ResultKey(String expression, String name, PathType type, TypeName itemType) {}

    @Override
    public JavaFile emit() {
        StructureShape input = (StructureShape) context.model().shape(operation.inputShape());
        ClassName iterable = iterableClass(context, operation);
        ClassName self = async ? publisherClass(context, operation) : iterable;
        ClassName client = async ? ClientEmitter.asyncClientInterface(context) : context.clientInterface();
        ClassName request = context.classOf(input);
        ClassName response = context.classOf(operation.outputShape());
        TypeName token = tokenType(input);
        ClassName pagesClass = ClassName.get(PAGINATE, async ? "AsyncPages" : "Pages");
        TypeName pagesType = ParameterizedTypeName.get(pagesClass, request, response, token);

        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(classDoc())
                .addField(FieldSpec.builder(pagesType, "pages", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addJavadoc("Pages through {@code $L} with {@code client}, starting with {@code firstRequest}.\n", operation.name())
                        .addParameter(client, "client")
                        .addParameter(request, "firstRequest")
                        .addStatement("this.pages = new $T<>($S, firstRequest, client::$N, $T::nextToken, $T::withToken)",
                                pagesClass, operation.name(), operation.methodName(),
                                iterable, iterable)
                        .build());
        if (async) {
            type.addSuperinterface(ParameterizedTypeName.get(SDK_PUBLISHER, response))
                    .addMethod(MethodSpec.methodBuilder("subscribe")
                            .addAnnotation(Override.class)
                            .addModifiers(Modifier.PUBLIC)
                            .addJavadoc("Walks the pages from the first request for this subscriber, one request per page it asks for.\n")
                            .addParameter(ParameterizedTypeName.get(SUBSCRIBER, WildcardTypeName.supertypeOf(response)), "subscriber")
                            .addStatement("pages.subscribe(subscriber)")
                            .build());
        } else {
            type.addSuperinterface(ParameterizedTypeName.get(SDK_ITERABLE, response))
                    .addMethod(MethodSpec.methodBuilder("iterator")
                            .addAnnotation(Override.class)
                            .addModifiers(Modifier.PUBLIC)
                            .returns(ParameterizedTypeName.get(ClassName.get(Iterator.class), response))
                            .addStatement("return pages.iterator()")
                            .build());
        }
        List<ResultKey> keys = resultKeys(response);
        for (ResultKey key : keys) {
            TypeName view = ParameterizedTypeName.get(async ? SDK_PUBLISHER : SDK_ITERABLE, key.itemType());
            type.addMethod(MethodSpec.methodBuilder(key.name())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(view)
                    .addJavadoc("The $L of every page, in order, fetched as lazily as the pages$L.\n", itemsDoc(key),
                            async ? ": each page is requested when the subscriber wants an item and the previous page's are delivered" : "")
                    .addStatement("return pages.items($T::$N)", iterable, key.name() + "OfPage")
                    .build());
        }
        if (!async) {
            addPagingMethods(type, input, request, response, token);
            keys.forEach(key -> type.addMethod(ofPageMethod(key, response)));
        }
        return JavaFiles.of(context.paginatorsPackage(), type.build());
    }

    private String classDoc() {
        String tokens = paginator.inputTokens().size() == 1
                ? "{@code " + paginator.inputTokens().get(0) + "} set from the previous page's " + PathCode.javadoc(paginator.outputTokens().get(0))
                : "its tokens set from the previous page's (" + pairs() + ")";
        StringBuilder doc = new StringBuilder();
        if (async) {
            doc.append("The pages of {@code ").append(operation.name()).append("} for the asynchronous client, as a Reactive Streams\n")
                    .append("publisher: each subscriber walks the pages from the first request, sending one request per page it asks for,\n")
                    .append("never more than one at a time; the next page is requested with ").append(tokens).append(".\n");
        } else {
            doc.append("The pages of {@code ").append(operation.name()).append("}, fetched lazily: the first request is sent when iteration starts,\n")
                    .append("and each next page only when it is reached, with ").append(tokens).append(". Each iteration starts over.\n");
        }
        if (paginator.moreResults() != null) {
            doc.append("<p>There are more pages while ").append(PathCode.javadoc(paginator.moreResults())).append(" is true.\n");
        }
        if (paginator.limitKey() != null) {
            doc.append("<p>Set {@code ").append(paginator.limitKey()).append("} on the request to choose how many results a page has.\n");
        }
        if (!paginator.nonAggregateKeys().isEmpty()) {
            doc.append("<p>The same on every page, so read them from any page: ")
                    .append(paginator.nonAggregateKeys().stream().map(PathCode::javadoc).collect(Collectors.joining(", "))).append(".\n");
        }
        return doc.toString();
    }

    private String pairs() {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < paginator.inputTokens().size(); i++) {
            pairs.add("{@code " + paginator.inputTokens().get(i) + "} from " + PathCode.javadoc(paginator.outputTokens().get(i)));
        }
        return String.join(", ", pairs);
    }

    private String itemsDoc(ResultKey key) {
        String path = PathCode.javadoc(key.expression());
        if (key.type() instanceof ListType) {
            return "elements of " + path;
        }
        if (key.type() instanceof MapType) {
            return "entries of " + path;
        }
        return "values of " + path + " (one per page that has it)";
    }

    /** The items views, named after the member each result key ends with. */
    private List<ResultKey> resultKeys(ClassName response) {
        List<ResultKey> keys = new ArrayList<>();
        Set<String> used = new HashSet<>();
        PathType root = responseType();
        for (String expression : paginator.resultKeys()) {
            PathExpression parsed = PathExpression.parse(expression);
            String name = paths.typing().lastMember(parsed, root).map(Member::javaName).orElse("items");
            if (TAKEN.contains(name)) {
                name = name + "Items";
            }
            String unique = name;
            for (int n = 2; !used.add(unique); n++) {
                unique = name + n;
            }
            PathType type = paths.typing().type(parsed, root);
            TypeName item;
            if (type instanceof ListType list) {
                item = paths.javaType(list.element());
            } else if (type instanceof MapType map) {
                item = ParameterizedTypeName.get(ClassName.get(Map.Entry.class), ClassName.get(String.class), paths.javaType(map.value()));
            } else {
                item = paths.javaType(type);
            }
            keys.add(new ResultKey(expression, unique, type, item));
        }
        return keys;
    }

    private PathType responseType() {
        return new PathType.StructureType(operation.outputShape());
    }

    /** The token's Java type: the input token's, or a record of them when there are several. */
    private TypeName tokenType(StructureShape input) {
        List<Member> members = inputTokens(input);
        if (members.size() == 1) {
            return context.storageType(members.get(0).targetShape());
        }
        return iterableClass(context, operation).nestedClass("Tokens");
    }

    private List<Member> inputTokens(StructureShape input) {
        return paginator.inputTokens().stream()
                .map(name -> input.members().stream().filter(m -> m.wireName().equals(name)).findFirst().orElseThrow())
                .toList();
    }

    /** {@code nextToken}, {@code withToken} and, for several tokens, the {@code Tokens} record. */
    private void addPagingMethods(TypeSpec.Builder type, StructureShape input, ClassName request, ClassName response, TypeName token) {
        List<Member> members = inputTokens(input);
        PathType root = responseType();
        MethodSpec.Builder next = MethodSpec.methodBuilder("nextToken")
                .addModifiers(Modifier.STATIC)
                .returns(token)
                .addJavadoc("The token of the page after {@code response}, or null when it is the last page$L.\n",
                        paginator.moreResults() == null ? "" : " (" + PathCode.javadoc(paginator.moreResults()) + " is false)")
                .addParameter(response, "response");
        if (paginator.moreResults() != null) {
            next.beginControlFlow("if (!$L)", paths.truth(PathExpression.parse(paginator.moreResults()), "response", root))
                    .addStatement("return null")
                    .endControlFlow();
        }
        MethodSpec.Builder with = MethodSpec.methodBuilder("withToken")
                .addModifiers(Modifier.STATIC)
                .returns(request)
                .addJavadoc("The request of the next page: {@code request} with {@code token} set.\n")
                .addParameter(request, "request")
                .addParameter(token, "token");
        if (members.size() == 1) {
            CodeBlock value = paths.value(PathExpression.parse(paginator.outputTokens().get(0)), "response", root);
            next.addStatement("$T token = $L", token, value)
                    .addStatement("return $T.truthy(token) ? token : null", PathCode.PATH_VALUES);
            with.addStatement("return request.toBuilder().$N(token).build()", members.get(0).javaName());
        } else {
            TypeSpec.Builder tokens = TypeSpec.recordBuilder("Tokens")
                    .addJavadoc("The tokens of a next page, each null when the page had none.\n");
            MethodSpec.Builder components = MethodSpec.constructorBuilder();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                Member member = members.get(i);
                // Locals must not take the names of the method's parameter or of the lambdas PathCode writes.
                String name = member.javaName().equals("response") || member.javaName().startsWith("item") ? "next" + JavaFilesNames.capitalize(member.javaName())
                        : member.javaName();
                names.add(name);
                TypeName memberType = context.storageType(member.targetShape());
                components.addParameter(memberType, name);
                next.addStatement("$T $N = $L", memberType, name, paths.value(PathExpression.parse(paginator.outputTokens().get(i)), "response", root));
            }
            type.addType(tokens.recordConstructor(components.build()).build());
            CodeBlock none = names.stream().map(name -> CodeBlock.of("!$T.truthy($N)", PathCode.PATH_VALUES, name)).collect(CodeBlock.joining(" && "));
            next.beginControlFlow("if ($L)", none).addStatement("return null").endControlFlow();
            CodeBlock each = names.stream().map(name -> CodeBlock.of("$T.truthy($N) ? $N : null", PathCode.PATH_VALUES, name, name))
                    .collect(CodeBlock.joining(",\n"));
            next.addStatement("return new $T(\n$>$L$<)", token, each);
            CodeBlock.Builder set = CodeBlock.builder().add("return request.toBuilder()");
            for (int i = 0; i < members.size(); i++) {
                set.add("\n$>.$N(token.$N())$<", members.get(i).javaName(), names.get(i));
            }
            with.addStatement("$L\n$>.build()$<", set.build());
        }
        type.addMethod(next.build());
        type.addMethod(with.build());
    }

    /** What one page holds of a result key, as the items view takes it. */
    private MethodSpec ofPageMethod(ResultKey key, ClassName response) {
        PathExpression parsed = PathExpression.parse(key.expression());
        PathType root = responseType();
        CodeBlock value = paths.value(parsed, "response", root);
        MethodSpec.Builder method = MethodSpec.methodBuilder(key.name() + "OfPage")
                .addModifiers(Modifier.STATIC)
                .addJavadoc("The $L of one page.\n", itemsDoc(key))
                .addParameter(response, "response");
        if (key.type() instanceof ListType) {
            return method.returns(ParameterizedTypeName.get(ClassName.get(List.class), key.itemType()))
                    .addStatement("return $L", value)
                    .build();
        }
        if (key.type() instanceof MapType) {
            return method.returns(ParameterizedTypeName.get(ClassName.get(Set.class), key.itemType()))
                    .addStatement("return $L.entrySet()", value)
                    .build();
        }
        method.returns(ParameterizedTypeName.get(ClassName.get(List.class), key.itemType()));
        if (!paths.nullable(parsed, "response", root)) {
            return method.addStatement("return $T.of($L)", List.class, value).build();
        }
        return method.addStatement("$T value = $L", key.itemType(), value)
                .addStatement("return value == null ? $T.of() : $T.of(value)", List.class, List.class)
                .build();
    }
}
