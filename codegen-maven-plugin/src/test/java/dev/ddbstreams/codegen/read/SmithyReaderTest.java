package dev.ddbstreams.codegen.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.codegen.CodeGenerator;
import dev.ddbstreams.codegen.ModelFiles;
import dev.ddbstreams.codegen.model.EnumShape;
import dev.ddbstreams.codegen.model.ListShape;
import dev.ddbstreams.codegen.model.MapShape;
import dev.ddbstreams.codegen.model.Member;
import dev.ddbstreams.codegen.model.ModelException;
import dev.ddbstreams.codegen.model.ScalarShape;
import dev.ddbstreams.codegen.model.ScalarType;
import dev.ddbstreams.codegen.model.ServiceInfo;
import dev.ddbstreams.codegen.model.ServiceModel;
import dev.ddbstreams.codegen.model.StructureShape;
import dev.ddbstreams.codegen.model.StructureShape.Role;
import dev.ddbstreams.codegen.model.UnionShape;
import dev.ddbstreams.codegen.model.Waiter;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmithyReaderTest {

    @TempDir
    Path dir;

    /** A Smithy IDL model of an awsJson1_0 service with these operations, followed by {@code shapes}. */
    private static String idl(String operations, String shapes) {
        return """
                $version: "2.0"

                namespace example.widgets

                /// <p>Widgets, made and sold.</p>
                @aws.api#service(sdkId: "Widgets", endpointPrefix: "widgets", arnNamespace: "widgetry")
                @aws.auth#sigv4(name: "widgets-signing")
                @aws.protocols#awsJson1_0
                @title("Example Widgets")
                service Widgets_20200101 {
                    version: "2020-01-01"
                    operations: [%s]
                }

                %s
                """.formatted(operations, shapes);
    }

    private ServiceModel read(String name, String content) throws ModelException {
        return SmithyReader.read(ModelSources.besides(ModelFiles.write(dir, name, content)));
    }

    private String problemsOf(String name, String content) {
        Path file = ModelFiles.write(dir, name, content);
        try {
            SmithyReader.read(ModelSources.besides(file));
        } catch (ModelException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the model to be refused");
    }

    @Test
    void takesTheServiceFactsFromTheAwsTraitsOfAJsonAst() throws Exception {
        ServiceModel model = read("widgets.json", """
                {
                  "smithy": "2.0",
                  "shapes": {
                    "example.widgets#Widgets_20200101": {
                      "type": "service",
                      "version": "2020-01-01",
                      "traits": {
                        "aws.api#service": {"sdkId": "Widget Works", "endpointPrefix": "widgets"},
                        "aws.auth#sigv4": {"name": "widgets-signing"},
                        "aws.protocols#awsJson1_0": {},
                        "smithy.api#title": "Example Widgets",
                        "smithy.api#documentation": "<p>Widgets.</p>"
                      }
                    }
                  }
                }
                """);
        assertThat(model.info()).isEqualTo(new ServiceInfo("Widget Works", "Example Widgets", "2020-01-01", "json", "1.0",
                "Widgets_20200101", "widgets-signing", "widgets", "<p>Widgets.</p>", "WidgetWorks"));
    }

    @Test
    void fallsBackWhereTheAwsTraitsAreMissing() throws Exception {
        ServiceModel model = read("plain.smithy", """
                $version: "2.0"
                namespace example.plain
                @aws.protocols#awsJson1_1
                service PlainService { version: "1" }
                """);
        ServiceInfo info = model.info();
        assertThat(info.jsonVersion()).isEqualTo("1.1");
        assertThat(info.serviceId()).isEqualTo("PlainService");
        assertThat(info.fullName()).isEqualTo("PlainService");
        assertThat(info.endpointPrefix()).isEqualTo("plainservice");
        assertThat(info.signingName()).isEqualTo("plainservice");
        assertThat(info.targetPrefix()).isEqualTo("PlainService");
    }

    @Test
    void takesTheEndpointPrefixFromTheArnNamespaceWhenItIsNotGiven() throws Exception {
        ServiceModel model = read("arn.smithy", """
                $version: "2.0"
                namespace example.arn
                @aws.api#service(sdkId: "Arn", arnNamespace: "arnish")
                @aws.protocols#awsJson1_0
                service ArnService { version: "1" }
                """);
        assertThat(model.info().endpointPrefix()).isEqualTo("arnish");
        assertThat(model.info().signingName()).isEqualTo("arnish");
    }

    @Test
    void refusesOtherProtocolsNamingThem() {
        String message = problemsOf("rest.smithy", """
                $version: "2.0"
                namespace example.rest
                @aws.protocols#restJson1
                service RestService { version: "1" }
                """);
        assertThat(message).contains("rest.smithy:4:1: service \"example.rest#RestService\" has the protocol aws.protocols#restJson1; "
                + "this generator emits clients for the AWS JSON protocol only");
    }

    @Test
    void namesRequestsAndResponsesAfterTheOperationWhateverTheModelCallsThem() throws Exception {
        ServiceModel model = read("widgets.smithy", idl("GetWidget, DropWidget", """
                operation GetWidget {
                    input: WidgetQuery
                    output := { Name: String }
                }
                operation DropWidget {
                    input := { Id: String }
                }
                structure WidgetQuery { Id: String }
                """));
        StructureShape query = (StructureShape) model.shape("WidgetQuery");
        assertThat(query.javaName()).isEqualTo("GetWidgetRequest");
        assertThat(query.role()).isEqualTo(Role.REQUEST);
        assertThat(((StructureShape) model.shape("GetWidgetOutput")).javaName()).isEqualTo("GetWidgetResponse");
        assertThat(model.operation("DropWidget").orElseThrow().outputShape()).as("Unit output").isNull();
        assertThat(model.operations()).extracting(op -> op.methodName()).containsExactly("dropWidget", "getWidget");
    }

    @Test
    void mapsSmithyTraitsToWhatTheC2jFormatSays() throws Exception {
        ServiceModel model = read("widgets.smithy", idl("MakeWidget", """
                /// <p>Makes one.</p>
                @deprecated
                operation MakeWidget {
                    input := {
                        @required
                        Name: WidgetName
                        /// <p>The color.</p>
                        Color: Color
                        Count: Count
                        @deprecated
                        Legacy: Secret
                        Value: Value
                        Parts: Parts
                        Tags: Tags
                        Level: Level
                    }
                    errors: [Gone, Broken]
                }
                @length(min: 1, max: 64)
                @pattern("^[a-z]+$")
                string WidgetName
                enum Color {
                    RED = "red"
                    DARK_BLUE = "dark-blue"
                }
                @range(min: 1, max: 10)
                integer Count
                @sensitive
                string Secret
                union Value {
                    S: String
                    NULL: Boolean
                }
                @length(max: 3)
                list Parts { member: String }
                map Tags { key: String, value: Integer }
                intEnum Level {
                    LOW = 1
                    HIGH = 2
                }
                /// <p>Gone for good.</p>
                @error("client")
                @httpError(410)
                structure Gone { message: String }
                @error("server")
                structure Broken { message: String }
                """));
        StructureShape input = (StructureShape) model.shape("MakeWidgetInput");
        assertThat(input.members()).extracting(Member::wireName)
                .containsExactly("Name", "Color", "Count", "Legacy", "Value", "Parts", "Tags", "Level");
        assertThat(input.members()).extracting(Member::required).containsExactly(true, false, false, false, false, false, false, false);
        assertThat(input.members().get(1).documentation()).isEqualTo("<p>The color.</p>");
        assertThat(input.members().get(3).deprecated()).isTrue();
        assertThat(input.members().get(1).location().toString()).contains("widgets.smithy:22:9");

        ScalarShape name = (ScalarShape) model.shape("WidgetName");
        assertThat(name.constraints().min()).isEqualTo(1L);
        assertThat(name.constraints().max()).isEqualTo(64L);
        assertThat(name.constraints().pattern()).isEqualTo("^[a-z]+$");
        assertThat(((ScalarShape) model.shape("Count")).constraints().max()).isEqualTo(10L);
        assertThat(((ScalarShape) model.shape("Secret")).sensitive()).isTrue();
        assertThat(((ScalarShape) model.shape("Level")).type()).isEqualTo(ScalarType.INTEGER);
        assertThat(((EnumShape) model.shape("Color")).values()).containsExactly(
                new EnumShape.EnumValue("red", "RED"), new EnumShape.EnumValue("dark-blue", "DARK_BLUE"));
        assertThat(((UnionShape) model.shape("Value")).members()).extracting(Member::javaName).containsExactly("s", "nul");
        assertThat(((ListShape) model.shape("Parts")).constraints().max()).isEqualTo(3L);
        assertThat(((MapShape) model.shape("Tags")).valueShape()).isEqualTo("smithy.api#Integer");
        assertThat(model.shape("smithy.api#Integer")).isInstanceOf(ScalarShape.class);

        StructureShape gone = (StructureShape) model.shape("Gone");
        assertThat(gone.role()).isEqualTo(Role.ERROR);
        assertThat(gone.javaName()).isEqualTo("GoneException");
        assertThat(gone.documentation()).isEqualTo("<p>Gone for good.</p>");
        assertThat(gone.error()).isEqualTo(new StructureShape.ErrorInfo("Gone", 410, false));
        assertThat(((StructureShape) model.shape("Broken")).error()).isEqualTo(new StructureShape.ErrorInfo("Broken", 0, true));

        var op = model.operation("MakeWidget").orElseThrow();
        assertThat(op.deprecated()).isTrue();
        assertThat(op.documentation()).isEqualTo("<p>Makes one.</p>");
        assertThat(op.errors()).containsExactly("Gone", "Broken");
    }

    @Test
    void readsOperationsOfResourcesAndAddsTheServicesErrorsAfterTheirOwn() throws Exception {
        ServiceModel model = read("shop.smithy", """
                $version: "2.0"
                namespace example.shop
                @aws.protocols#awsJson1_0
                service Shop {
                    version: "1"
                    resources: [Widget]
                    errors: [Throttled]
                }
                resource Widget {
                    identifiers: { Id: String }
                    read: GetWidget
                }
                @readonly
                operation GetWidget {
                    input := { @required Id: String }
                    errors: [Gone]
                }
                @error("client") structure Gone {}
                @error("client") structure Throttled {}
                """);
        assertThat(model.operation("GetWidget").orElseThrow().errors()).containsExactly("Gone", "Throttled");
    }

    @Test
    void completesPaginatedTraitsWithTheServicesDefaults() throws Exception {
        ServiceModel model = read("paged.smithy", """
                $version: "2.0"
                namespace example.paged
                @aws.protocols#awsJson1_0
                @paginated(inputToken: "NextToken", outputToken: "NextToken", pageSize: "MaxResults")
                service Paged { version: "1", operations: [ListWidgets, ListParts] }
                @readonly
                @paginated(items: "Widgets")
                operation ListWidgets {
                    input := { NextToken: String, MaxResults: Integer }
                    output := { NextToken: String, Widgets: Names }
                }
                @readonly
                @paginated(inputToken: "Start", outputToken: "Page.Next", items: "Page.Parts", pageSize: "Limit")
                operation ListParts {
                    input := { Start: String, Limit: Integer }
                    output := { Page: Page }
                }
                structure Page { Next: String, Parts: Names }
                list Names { member: String }
                """);
        assertThat(model.paginators()).hasSize(2);
        assertThat(model.paginators().get(0)).satisfies(p -> {
            assertThat(p.operationName()).isEqualTo("ListParts");
            assertThat(p.inputTokens()).containsExactly("Start");
            assertThat(p.outputTokens()).containsExactly("Page.Next");
            assertThat(p.resultKeys()).containsExactly("Page.Parts");
            assertThat(p.limitKey()).isEqualTo("Limit");
        });
        assertThat(model.paginators().get(1)).satisfies(p -> {
            assertThat(p.operationName()).isEqualTo("ListWidgets");
            assertThat(p.inputTokens()).containsExactly("NextToken");
            assertThat(p.outputTokens()).containsExactly("NextToken");
            assertThat(p.resultKeys()).containsExactly("Widgets");
            assertThat(p.limitKey()).isEqualTo("MaxResults");
        });
    }

    private static final String WAITABLE_SHAPES = """
            operation GetWidget {
                input := { Id: String }
                output := { Status: String, Ready: Boolean, Parts: Parts }
                errors: [Gone]
            }
            structure Part { Status: String }
            list Parts { member: Part }
            @error("client") structure Gone {}
            """;

    @Test
    void readsWaitersAsAWaitersFileWouldStateThem() throws Exception {
        ServiceModel model = read("waiting.smithy", idl("GetWidget", """
                @smithy.waiters#waitable(
                    WidgetReady: {
                        documentation: "Waits for the widget."
                        minDelay: 5
                        maxDelay: 22
                        acceptors: [
                            { state: "success", matcher: { output: { path: "Status", expected: "READY", comparator: "stringEquals" } } }
                            { state: "success", matcher: { output: { path: "Ready", expected: "true", comparator: "booleanEquals" } } }
                            { state: "failure", matcher: { output: { path: "Parts[].Status", expected: "BROKEN", comparator: "anyStringEquals" } } }
                            { state: "success", matcher: { output: { path: "Parts[].Status", expected: "OK", comparator: "allStringEquals" } } }
                            { state: "retry", matcher: { errorType: "Gone" } }
                            { state: "success", matcher: { success: true } }
                            { state: "failure", matcher: { success: false } }
                        ]
                    }
                    WidgetAround: {
                        acceptors: [{ state: "success", matcher: { success: true } }]
                    }
                )
                """ + WAITABLE_SHAPES));
        assertThat(model.waiters()).extracting(Waiter::name).containsExactly("WidgetAround", "WidgetReady");
        Waiter around = model.waiters().get(0);
        assertThat(around.delaySeconds()).as("Smithy's default minDelay").isEqualTo(2);
        assertThat(around.maxAttempts()).as("120 s of polling every 2 s").isEqualTo(60);
        Waiter ready = model.waiters().get(1);
        assertThat(ready.operationName()).isEqualTo("GetWidget");
        assertThat(ready.description()).isEqualTo("Waits for the widget.");
        assertThat(ready.delaySeconds()).isEqualTo(5);
        assertThat(ready.maxAttempts()).as("22 s of polling every 5 s, rounded up").isEqualTo(5);
        assertThat(ready.acceptors()).containsExactly(
                new Waiter.Acceptor("success", "path", "Status", "READY"),
                new Waiter.Acceptor("success", "path", "Ready", true),
                new Waiter.Acceptor("failure", "pathAny", "Parts[].Status", "BROKEN"),
                new Waiter.Acceptor("success", "pathAll", "Parts[].Status", "OK"),
                new Waiter.Acceptor("retry", "error", null, "Gone"),
                new Waiter.Acceptor("success", "error", null, false),
                new Waiter.Acceptor("failure", "error", null, true));
    }

    @Test
    void namesWhatIsWrongWithAWaiter() {
        String message = problemsOf("waiting.smithy", idl("GetWidget", """
                @smithy.waiters#waitable(
                    Odd: {
                        minDelay: 10
                        maxDelay: 5
                        acceptors: [
                            { state: "success", matcher: { inputOutput: { path: "input.Id", expected: "x", comparator: "stringEquals" } } }
                            { state: "success", matcher: { output: { path: "Status", expected: "x", comparator: "equals" } } }
                            { state: "done", matcher: { success: true } }
                        ]
                    }
                )
                """ + WAITABLE_SHAPES));
        assertThat(message)
                .contains("waiter \"Odd\" has maxDelay 5 below minDelay 10")
                .contains("waiter \"Odd\" has a \"inputOutput\" matcher, which is not supported (supported: output, errorType, success)")
                .contains("waiter \"Odd\" has the comparator \"equals\"; expected one of")
                .contains("waiter \"Odd\" has an acceptor with state \"done\"")
                .contains("waiting.smithy:21:");
    }

    @Test
    void smithysOwnProblemsNameFileLineAndShape() {
        String message = problemsOf("broken.smithy", idl("GetWidget", """
                operation GetWidget {
                    input := {
                        Id: Strng
                    }
                }
                """));
        assertThat(message).contains("broken.smithy:17:9: example.widgets#GetWidgetInput$Id: member shape targets an unresolved shape "
                + "`example.widgets#Strng` (Smithy Target.UnresolvedShape)");
    }

    @Test
    void jsonSyntaxErrorsAreLocated() {
        String message = problemsOf("broken.json", "{\n  \"smithy\": \"2.0\",\n  \"shapes\": {\n    \"a.b#C\": {\"type\": \"string\",}\n  }\n}\n");
        assertThat(message).contains("broken.json:4:").contains("Error parsing JSON");
    }

    @Test
    void misspelledTraitsAreRefusedWhileAwsTraitsNeedNoDefinition() {
        String message = problemsOf("typo.smithy", idl("GetWidget", """
                operation GetWidget {
                    input := {
                        @requried
                        Id: String
                    }
                }
                """));
        assertThat(message).contains("typo.smithy:17:9: example.widgets#GetWidgetInput$Id: the trait @example.widgets#requried is not defined;")
                .contains("The model has a problem:");
    }

    @Test
    void needsExactlyOneService() {
        assertThat(problemsOf("none.smithy", "$version: \"2.0\"\nnamespace a.b\nstring S\n"))
                .contains("none.smithy: the model defines no service; it must define exactly one");
        assertThat(problemsOf("two.smithy", "$version: \"2.0\"\nnamespace a.b\nservice One {}\nservice Two {}\n"))
                .contains("the model defines 2 services (a.b#One, a.b#Two)");
    }

    @Test
    void takesAwsJsonAmongSeveralProtocolTraits() throws Exception {
        // As AWS's Smithy model of CloudWatch: RPC v2 CBOR first, then awsJson1_0 and awsQuery.
        ServiceModel model = read("multi.smithy", """
                $version: "2.0"
                namespace example.multi
                @smithy.protocols#rpcv2Cbor
                @aws.protocols#awsJson1_1
                @aws.protocols#awsQuery
                service Multi_2024 { version: "2024-01-01", operations: [Ping] }
                operation Ping {}
                """);
        assertThat(model.info().protocol()).isEqualTo("json");
        assertThat(model.info().jsonVersion()).isEqualTo("1.1");
        assertThat(model.info().targetPrefix()).isEqualTo("Multi_2024");
    }

    @Test
    void anOperationWithAnEventStreamIsLeftOutWithAWarning() throws Exception {
        ServiceModel model = read("feeds.smithy", idl("ListFeeds, SubscribeToFeed", """
                operation ListFeeds { output := { Names: Names } }
                operation SubscribeToFeed {
                    input := { Name: String }
                    output := { Events: FeedEvents }
                    errors: [FeedGone]
                }
                @streaming
                union FeedEvents { Tick: Tick, Gone: FeedGone }
                structure Tick { At: Timestamp }
                @error("client")
                structure FeedGone { message: String }
                list Names { member: String }
                """));
        assertThat(model.operations()).extracting(op -> op.name()).containsExactly("ListFeeds");
        assertThat(model.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.location().toString()).matches(".*feeds\\.smithy:\\d+:\\d+");
            assertThat(warning.message()).isEqualTo("operation \"SubscribeToFeed\" is left out: it uses the event stream \"FeedEvents\" "
                    + "(member \"Events\" of shape \"SubscribeToFeedOutput\"), which this generator does not support; "
                    + "add it to excludeOperations to leave it out without this warning");
        });
        assertThat(model.shapes()).doesNotContainKeys("FeedEvents", "Tick", "FeedGone", "SubscribeToFeedInput", "SubscribeToFeedOutput");
        assertThat(model.shapes()).containsKeys("ListFeedsOutput", "Names");
    }

    @Test
    void unsupportedShapesAreNamed() {
        String message = problemsOf("unit.smithy", idl("GetWidget", """
                operation GetWidget { input := { Choice: Choice } }
                union Choice { A: String, Nothing: Unit }
                """));
        assertThat(message)
                .contains("shape \"Choice\" member \"Nothing\" targets smithy.api#Unit; union members without a value are not supported");
    }

    /** The Smithy forms of what C2J calls timestampFormat, document, idempotencyToken, jsonvalue and awsQueryCompatible. */
    @Test
    void readsTimestampFormatsDocumentsTokensJsonTextAndQueryCompatibility() throws Exception {
        ServiceModel model = read("traits.smithy", idl("PutWidget", """
                operation PutWidget {
                    input := {
                        Plain: Timestamp
                        Iso: IsoTime
                        @timestampFormat("http-date")
                        Http: IsoTime
                        Policy: Document
                        @idempotencyToken
                        Token: String
                        Results: JsonText
                    }
                    errors: [Gone]
                }
                @timestampFormat("date-time")
                timestamp IsoTime
                @mediaType("application/json")
                string JsonText
                @error("client")
                @aws.protocols#awsQueryError(code: "AWS.Gone", httpResponseCode: 410)
                structure Gone { message: String, RequestId: String }
                """).replace("@aws.protocols#awsJson1_0", "@aws.protocols#awsJson1_0\n@aws.protocols#awsQueryCompatible"));
        java.util.List<Member> members = ((StructureShape) model.shape("PutWidgetInput")).members();
        assertThat(members).extracting(Member::timestampFormat)
                .containsExactly(null, null, dev.ddbstreams.codegen.model.TimestampFormat.HTTP_DATE, null, null, null);
        assertThat(((ScalarShape) model.shape("IsoTime")).timestampFormat()).isEqualTo(dev.ddbstreams.codegen.model.TimestampFormat.DATE_TIME);
        assertThat(((ScalarShape) model.shape("smithy.api#Document")).type()).isEqualTo(ScalarType.DOCUMENT);
        assertThat(members).extracting(Member::idempotencyToken).containsExactly(false, false, false, false, true, false);
        assertThat(members).extracting(Member::jsonValue).containsExactly(false, false, false, false, false, true);
        assertThat(model.info().awsQueryCompatible()).isTrue();
        StructureShape gone = (StructureShape) model.shape("Gone");
        assertThat(gone.error().errorCode()).isEqualTo("AWS.Gone");
        assertThat(gone.members()).extracting(Member::javaName).containsExactly("message", "requestIdValue");
    }

    @Test
    void refusesATimestampFormatOnAListMember() {
        String message = problemsOf("times.smithy", idl("GetWidget", """
                operation GetWidget { input := { Times: Times } }
                list Times {
                    @timestampFormat("date-time")
                    member: Timestamp
                }
                """));
        assertThat(message).contains("shape \"Times\" member has @timestampFormat, which this generator supports on timestamp shapes "
                + "and structure members only");
    }

    private static final String PAGED_SHAPES = """
            @readonly
            @paginated(inputToken: "NextToken", outputToken: "NextToken", items: "Names")
            operation ListWidgets {
                input := { NextToken: String }
                output := { NextToken: String, Names: Names }
            }
            @readonly
            operation ListParts {
                input := { Start: String }
                output := { Next: String, Parts: Names, Status: String }
            }
            list Names { member: String }
            """;

    @Test
    void paginatorsAndWaitersFilesGivenWithASmithyModelAddToItsTraits() throws Exception {
        Path file = ModelFiles.write(dir, "widgets.smithy", idl("ListWidgets, ListParts", PAGED_SHAPES));
        Path paginators = ModelFiles.write(dir, "paginators-1.json", """
                {"pagination": {"ListParts": {"input_token": "Start", "output_token": "Next", "result_key": "Parts"}}}
                """);
        Path waiters = ModelFiles.write(dir, "waiters-2.json", """
                {"version": 2, "waiters": {"PartsDone": {"operation": "ListParts", "delay": 3, "maxAttempts": 4,
                  "acceptors": [{"matcher": "path", "argument": "Status", "expected": "DONE", "state": "success"}]}}}
                """);
        assertThat(ModelSources.besides(file).paginators()).as("not picked up from beside a Smithy model").isNull();
        assertThat(ModelSources.besides(file).waiters()).isNull();
        ServiceModel model = SmithyReader.read(new ModelSources(file, paginators, waiters, new TreeSet<>()));
        assertThat(model.paginators()).extracting(p -> p.operationName()).containsExactly("ListParts", "ListWidgets");
        assertThat(model.paginators().get(0).location().toString()).contains("paginators-1.json:");
        assertThat(model.waiters()).singleElement().satisfies(w -> {
            assertThat(w.name()).isEqualTo("PartsDone");
            assertThat(w.maxAttempts()).isEqualTo(4);
        });
    }

    @Test
    void aPaginatorStatedByATraitAndAFileIsRefusedNamingBoth() {
        Path file = ModelFiles.write(dir, "widgets.smithy", idl("ListWidgets, ListParts", PAGED_SHAPES));
        Path paginators = ModelFiles.write(dir, "elsewhere/pages.json", """
                {"pagination": {"ListWidgets": {"input_token": "NextToken", "output_token": "NextToken"}}}
                """);
        assertThatThrownBy(() -> SmithyReader.read(new ModelSources(file, paginators, null, new TreeSet<>())))
                .hasMessageContaining("pages.json:1:32: the paginator of operation \"ListWidgets\" is stated both here and by @paginated "
                        + "in the Smithy model (")
                .hasMessageContaining("widgets.smithy:16:1); keep one");
    }

    @Test
    void declaredUnionsApplyToSmithyStructuresToo() throws Exception {
        Path file = ModelFiles.write(dir, "widgets.smithy", idl("GetWidget", """
                operation GetWidget { input := { Value: Value } }
                structure Value { S: String, N: String }
                """));
        ServiceModel model = SmithyReader.read(ModelSources.besides(file).withUnionShapes(Set.of("Value")));
        assertThat(model.shape("Value")).isInstanceOf(UnionShape.class);
        assertThatThrownBy(() -> SmithyReader.read(ModelSources.besides(file).withUnionShapes(Set.of("Valeu"))))
                .hasMessageContaining("shape \"Valeu\" is declared a union, but the model has no shape of that name");
    }

    @Test
    void aSmithy1JsonAstWithTheEnumTraitGivesAnEnum() throws Exception {
        ServiceModel model = read("old.json", """
                {
                  "smithy": "1.0",
                  "shapes": {
                    "a.b#Old": {
                      "type": "service", "version": "1",
                      "operations": [{"target": "a.b#Get"}],
                      "traits": {"aws.protocols#awsJson1_0": {}}
                    },
                    "a.b#Get": {"type": "operation", "input": {"target": "a.b#GetInput"}},
                    "a.b#GetInput": {"type": "structure", "members": {"Mode": {"target": "a.b#Mode"}}},
                    "a.b#Mode": {"type": "string", "traits": {"smithy.api#enum": [{"value": "on"}, {"value": "off-ish"}]}}
                  }
                }
                """);
        assertThat(((EnumShape) model.shape("Mode")).values()).extracting(EnumShape.EnumValue::constantName).containsExactly("ON", "OFF_ISH");
    }

    @Test
    void aSmithyModelGeneratesThroughTheUsualEntryPoint() throws Exception {
        Path file = ModelFiles.write(dir, "widgets.smithy", idl("GetWidget", """
                operation GetWidget { input := { Id: String }, output := { Tags: Tags } }
                map Tags { key: String, value: String }
                """));
        var files = CodeGenerator.render(CodeGenerator.load(ModelSources.besides(file)), "com.example");
        assertThat(files).containsKeys("com/example/WidgetsClient.java", "com/example/model/GetWidgetRequest.java",
                "com/example/internal/TagsJson.java");
        assertThat(files.get("com/example/DefaultWidgetsClient.java")).contains("\"Widgets_20200101\"", "\"widgets-signing\"");
    }
}
