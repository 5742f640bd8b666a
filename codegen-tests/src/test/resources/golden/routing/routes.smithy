$version: "2.0"

namespace example.routes

@aws.api#service(sdkId: "Routes", endpointPrefix: "routes")
@aws.auth#sigv4(name: "routes")
@aws.protocols#awsJson1_0
@aws.protocols#awsQueryCompatible
@aws.api#clientEndpointDiscovery(operation: DescribeEndpoints, error: InvalidEndpoint)
@title("Example Routes")
service Routes_20240601 {
    version: "2024-06-01"
    operations: [DescribeEndpoints, GetId, GetToken, DiscoverInstances, Ping, PutMetrics, GetItem, WriteRecords]
    errors: [InvalidEndpoint]
}

@error("client")
@httpError(421)
structure InvalidEndpoint {
    Message: String
}

operation DescribeEndpoints {
    input := {}
    output := {
        @required
        Endpoints: Endpoints
    }
}

list Endpoints {
    member: Endpoint
}

structure Endpoint {
    @required
    Address: String

    @required
    CachePeriodInMinutes: Long
}

@optionalAuth
operation GetId {
    input: GetIdInput
    output: GetIdOutput
}

@auth([])
operation GetToken {
    input: GetIdInput
    output: GetIdOutput
}

structure GetIdInput {
    PoolId: String
}

structure GetIdOutput {
    IdentityId: String
}

@endpoint(hostPrefix: "data-{NamespaceName}.")
operation DiscoverInstances {
    input := {
        @required
        @hostLabel
        NamespaceName: String

        ServiceName: String
    }
    output := {
        Instances: Strings
    }
}

list Strings {
    member: String
}

@endpoint(hostPrefix: "ping.")
operation Ping {}

@requestCompression(encodings: ["gzip"])
operation PutMetrics {
    input := {
        Data: Strings
    }
}

@aws.api#clientDiscoveredEndpoint(required: false)
operation GetItem {
    input := {
        Key: String
    }
    output := {
        Value: String
    }
}

@aws.api#clientDiscoveredEndpoint(required: true)
operation WriteRecords {
    input := {
        @aws.api#clientEndpointDiscoveryId
        TableName: String

        Records: Strings
    }
    output := {
        Written: Long
    }
}
