package dev.ddbstreams.codegen.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaNamesTest {

    @ParameterizedTest
    @CsvSource({
        "StreamArn, streamArn",
        "eventID, eventID",
        "SSEType, sseType",
        "S, s",
        "SS, ss",
        "NULL, nul",
        "BOOL, bool",
        "ApproximateCreationDateTime, approximateCreationDateTime",
        "default, defaultValue",
        "Class, classValue",
        "builder, builderValue",
        "ToString, toStringValue",
    })
    void memberNamesFollowSdkV2(String wire, String java) {
        assertThat(JavaNames.memberName(wire)).isEqualTo(java);
    }

    @ParameterizedTest
    @CsvSource({"Type, typeValue", "Unknown, unknownValue", "NULL, nul", "M, m", "Value, valueValue"})
    void unionMembersKeepClearOfTheUnionsOwnMethods(String wire, String java) {
        assertThat(JavaNames.unionMemberName(wire, "AttributeValue")).isEqualTo(java);
    }

    @ParameterizedTest
    @CsvSource({"Part, Part, partValue", "part, Part, partValue", "Part, part, partValue", "Parts, Part, parts"})
    void aUnionMemberNamedLikeItsUnionGetsARecordOfAnotherName(String wire, String union, String java) {
        assertThat(JavaNames.unionMemberName(wire, union)).isEqualTo(java);
        assertThat(JavaNames.variantClassName(JavaNames.unionMemberName(wire, union))).isNotEqualTo(JavaNames.className(union));
    }

    @ParameterizedTest
    @CsvSource({"GetRecords, getRecords", "Close, closeValue", "Create, createValue", "Waiter, waiterValue", "Import, importValue",
        "CloseTunnel, closeTunnel"})
    void operationsKeepClearOfTheClientsOwnMethods(String operation, String method) {
        assertThat(JavaNames.methodName(operation)).isEqualTo(method);
    }

    @ParameterizedTest
    @CsvSource({
        "DynamoDB Streams, DynamoDbStreams",
        "EC2, Ec2",
        "S3, S3",
        "API Gateway, ApiGateway",
        "Widgets, Widgets",
        "IoT Data Plane, IoTDataPlane",
    })
    void serviceNamesFoldAcronyms(String serviceId, String java) {
        assertThat(JavaNames.serviceBaseName(serviceId)).isEqualTo(java);
    }

    @ParameterizedTest
    @CsvSource({
        "NEW_AND_OLD_IMAGES, NEW_AND_OLD_IMAGES",
        "application/json, APPLICATION_JSON",
        "t2.micro, T2_MICRO",
        "dark-blue, DARK_BLUE",
        "camelCase, CAMEL_CASE",
        "2x, _2X",
        "'***', ''",
    })
    void enumConstants(String value, String constant) {
        assertThat(JavaNames.enumConstant(value)).isEqualTo(constant);
    }

    @ParameterizedTest
    @CsvSource({"InternalServerError, InternalServerErrorException", "ExpiredIteratorException, ExpiredIteratorException"})
    void exceptionNamesEndInException(String shape, String java) {
        assertThat(JavaNames.exceptionClassName(shape)).isEqualTo(java);
    }
}
