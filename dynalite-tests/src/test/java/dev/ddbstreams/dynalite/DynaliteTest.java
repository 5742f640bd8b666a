package dev.ddbstreams.dynalite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.dynalite.dynamodb.DynamoDbClient;
import dev.ddbstreams.dynalite.dynamodb.model.AttributeDefinition;
import dev.ddbstreams.dynalite.dynamodb.model.AttributeValue;
import dev.ddbstreams.dynalite.dynamodb.model.BatchWriteItemResponse;
import dev.ddbstreams.dynalite.dynamodb.model.ConditionalCheckFailedException;
import dev.ddbstreams.dynalite.dynamodb.model.CreateTableResponse;
import dev.ddbstreams.dynalite.dynamodb.model.DeleteItemResponse;
import dev.ddbstreams.dynalite.dynamodb.model.DescribeTableResponse;
import dev.ddbstreams.dynalite.dynamodb.model.DynamoDbException;
import dev.ddbstreams.dynalite.dynamodb.model.GetItemResponse;
import dev.ddbstreams.dynalite.dynamodb.model.KeySchemaElement;
import dev.ddbstreams.dynalite.dynamodb.model.KeyType;
import dev.ddbstreams.dynalite.dynamodb.model.PutItemResponse;
import dev.ddbstreams.dynalite.dynamodb.model.PutRequest;
import dev.ddbstreams.dynalite.dynamodb.model.QueryResponse;
import dev.ddbstreams.dynalite.dynamodb.model.ResourceNotFoundException;
import dev.ddbstreams.dynalite.dynamodb.model.ReturnValue;
import dev.ddbstreams.dynalite.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import dev.ddbstreams.dynalite.dynamodb.model.ScalarAttributeType;
import dev.ddbstreams.dynalite.dynamodb.model.StreamViewType;
import dev.ddbstreams.dynalite.dynamodb.model.TableStatus;
import dev.ddbstreams.dynalite.dynamodb.model.UpdateItemResponse;
import dev.ddbstreams.dynalite.dynamodb.model.WriteRequest;
import dev.ddbstreams.dynalite.dynamodb.waiters.DynamoDbWaiter;
import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.core.Bytes;
import dev.ddbstreams.runtime.http.HttpRequest;
import dev.ddbstreams.runtime.interceptor.Context;
import dev.ddbstreams.runtime.interceptor.ExecutionAttributes;
import dev.ddbstreams.runtime.interceptor.ExecutionInterceptor;
import dev.ddbstreams.runtime.waiter.WaiterOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The client generated from AWS's own DynamoDB model ({@code ../shared/aws-models/corpus/dynamodb}, exactly as botocore
 * publishes it) against dynalite, a DynamoDB implementation nobody here wrote: signing, the AWS JSON protocol in both
 * directions, the {@code AttributeValue} union, paginators, a waiter, modeled and unmodeled errors, response metadata.
 * The tests share one table and run in order, as an application's calls would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DynaliteTest {

    private static final String TABLE = "Orders";

    private static final List<String> sentBodies = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static Dynalite dynalite;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() throws Exception {
        dynalite = Dynalite.start();
        client = DynamoDbClient.builder()
                .endpointOverride(dynalite.endpoint())
                .region("us-east-1")
                .credentialsProvider(StaticCredentialsProvider.create("AKIDDYNALITE", "secret"))
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public HttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
                        sentBodies.add(context.httpRequest().body().asUtf8String());
                        return context.httpRequest();
                    }
                }))
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (dynalite != null) {
            dynalite.close();
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    private static Map<String, AttributeValue> key(String customer, int order) {
        return Map.of("customer", s(customer), "order", n(String.valueOf(order)));
    }

    @Test
    @Order(1)
    void createsATableWithAStreamAndWaitsForIt() {
        CreateTableResponse created = client.createTable(r -> r
                .tableName(TABLE)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("customer").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("order").attributeType(ScalarAttributeType.N).build())
                .keySchema(
                        KeySchemaElement.builder().attributeName("customer").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("order").keyType(KeyType.RANGE).build())
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));

        assertThat(created.tableDescription().tableName()).isEqualTo(TABLE);
        // dynalite 4.0.0 has no streams: it accepts the specification and leaves it out of the table. What was sent:
        assertThat(sentBodies).anySatisfy(body -> assertThat(body)
                .contains("\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}"));
        assertThat(created.tableDescription().streamSpecification()).isNull();
        assertThat(created.responseMetadata().requestId()).isNotBlank();
        assertThat(created.responseMetadata().statusCode()).isEqualTo(200);

        DynamoDbWaiter waiter = new DynamoDbWaiter(client, WaiterOptions.builder().delay(Duration.ofMillis(50)).build());
        DescribeTableResponse described = waiter.waitUntilTableExists(r -> r.tableName(TABLE)).matched().response().orElseThrow();
        assertThat(described.table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(described.table().keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("customer", "order");
        assertThat(client.describeTable(r -> r.tableName(TABLE)).table().itemCount()).isZero();
    }

    @Test
    @Order(2)
    void writesAndReadsEveryKindOfAttributeValue() {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key("alice", 1));
        item.put("note", s("first order, ümlaut and emoji \uD83D\uDCE6"));
        item.put("total", n("12.5"));
        item.put("paid", AttributeValue.fromBool(true));
        item.put("coupon", AttributeValue.fromNul(true));
        item.put("tags", AttributeValue.fromSs(List.of("gift", "express")));
        item.put("sizes", AttributeValue.fromNs(List.of("1", "2.5")));
        item.put("thumbnail", AttributeValue.fromB(Bytes.fromByteArray(new byte[] {0, 1, 2, (byte) 0xFF})));
        item.put("lines", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("sku", s("A-1"), "qty", n("2"))))));

        PutItemResponse put = client.putItem(r -> r.tableName(TABLE).item(item));
        GetItemResponse got = client.getItem(r -> r.tableName(TABLE).key(key("alice", 1)).consistentRead(true));

        assertThat(put.responseMetadata().requestId()).isNotBlank();
        assertThat(got.item()).isEqualTo(item);
        assertThat(got.responseMetadata().requestId()).isNotEqualTo(put.responseMetadata().requestId());
    }

    @Test
    @Order(3)
    void updatesAnItemWithAnExpression() {
        UpdateItemResponse updated = client.updateItem(r -> r.tableName(TABLE).key(key("alice", 1))
                .updateExpression("SET #total = #total + :extra, #status = :status")
                .expressionAttributeNames(Map.of("#total", "total", "#status", "status"))
                .expressionAttributeValues(Map.of(":extra", n("7.5"), ":status", s("SHIPPED")))
                .returnValues(ReturnValue.UPDATED_NEW));

        assertThat(updated.attributes()).containsEntry("total", n("20")).containsEntry("status", s("SHIPPED"));
    }

    @Test
    @Order(4)
    void batchWritesThenPagesThroughQueryAndScan() {
        List<WriteRequest> writes = new ArrayList<>();
        for (int order = 2; order <= 21; order++) {
            Map<String, AttributeValue> item = new java.util.HashMap<>(key(order % 2 == 0 ? "bob" : "carol", order));
            item.put("total", n(String.valueOf(order)));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        BatchWriteItemResponse batch = client.batchWriteItem(r -> r.requestItems(Map.of(TABLE, writes)));
        assertThat(batch.unprocessedItems()).isEmpty();

        List<QueryResponse> pages = new ArrayList<>();
        client.queryPaginator(r -> r.tableName(TABLE).keyConditionExpression("customer = :c")
                .expressionAttributeValues(Map.of(":c", s("bob"))).limit(3)).forEach(pages::add);
        List<String> orders = pages.stream().flatMap(page -> page.items().stream())
                .map(item -> ((AttributeValue.N) item.get("order")).value()).toList();
        assertThat(orders).containsExactly("2", "4", "6", "8", "10", "12", "14", "16", "18", "20");
        assertThat(pages).hasSizeGreaterThanOrEqualTo(4);

        List<Map<String, AttributeValue>> scanned = client.scanPaginator(r -> r.tableName(TABLE).limit(7)).items().stream().toList();
        assertThat(scanned).hasSize(21);
        assertThat(scanned.stream().map(item -> ((AttributeValue.S) item.get("customer")).value()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("alice", "bob", "carol");
    }

    @Test
    @Order(5)
    void aFailedConditionalWriteIsTheModeledException() {
        assertThatThrownBy(() -> client.putItem(r -> r.tableName(TABLE).item(key("alice", 1))
                .conditionExpression("attribute_not_exists(customer)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("ConditionalCheckFailedException");
                    assertThat(e.errorMessage()).isEqualTo("The conditional request failed");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.requestId()).isNotBlank();
                    // dynalite 4.0.0 predates ReturnValuesOnConditionCheckFailure and sends no Item; DynamoDB would.
                    assertThat(e.hasItem()).isFalse();
                });
    }

    @Test
    @Order(6)
    void deletesAnItemAndReturnsWhatItWas() {
        DeleteItemResponse deleted = client.deleteItem(r -> r.tableName(TABLE).key(key("alice", 1)).returnValues(ReturnValue.ALL_OLD));

        assertThat(deleted.attributes()).containsEntry("status", s("SHIPPED"));
        assertThat(client.getItem(r -> r.tableName(TABLE).key(key("alice", 1))).hasItem()).isFalse();
    }

    @Test
    @Order(7)
    void serviceErrorsAreTypedAndCarryTheServersMessage() {
        assertThatThrownBy(() -> client.describeTable(r -> r.tableName("NoSuchTable")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.errorMessage()).isEqualTo("Requested resource not found: Table: NoSuchTable not found");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        // DynamoDB does not model ValidationException: it is the service's base exception, with the server's words.
        assertThatThrownBy(() -> client.getItem(r -> r.tableName(TABLE).key(Map.of("customer", s("bob")))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e).isExactlyInstanceOf(DynamoDbException.class);
                    assertThat(e.errorCode()).isEqualTo("ValidationException");
                    assertThat(e.errorMessage()).isEqualTo("The provided key element does not match the schema");
                    assertThat(e.requestId()).isNotBlank();
                });
    }
}
