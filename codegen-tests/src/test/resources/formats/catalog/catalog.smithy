$version: "2.0"

// The catalog service as a Smithy user would write it: inline inputs and outputs, and the prelude's
// String, Integer, Boolean, Blob and Timestamp where the C2J model names its own plain shapes. The names
// differ, the generated API does not.
namespace example.catalog

/// <p>A small catalog of items, written in every model format the generator reads.</p>
@aws.api#service(sdkId: "Catalog", endpointPrefix: "catalog")
@aws.auth#sigv4(name: "catalog-signing")
@aws.protocols#awsJson1_0
@aws.protocols#awsQueryCompatible
@title("Example Catalog")
@paginated(inputToken: "NextToken", outputToken: "NextToken", pageSize: "MaxResults")
service Catalog_20240101 {
    version: "2024-01-01"
    resources: [CatalogItem]
    operations: [ListItems, PutItem]
    errors: [ServiceFault, Throttled]
}

resource CatalogItem {
    identifiers: { ItemId: ItemId }
    read: GetItem
    delete: DeleteItem
}

@idempotent
operation DeleteItem {
    input := {
        @required
        ItemId: ItemId
    }
    errors: [ItemNotFound]
}

/// <p>Returns one item.</p>
@readonly
@smithy.waiters#waitable(
    ItemReady: {
        documentation: "Waits until the item is ready."
        minDelay: 5
        maxDelay: 60
        acceptors: [
            {
                state: "success"
                matcher: { output: { path: "Item.Status", expected: "READY", comparator: "stringEquals" } }
            }
            {
                state: "failure"
                matcher: { output: { path: "Item.Status", expected: "Retired", comparator: "stringEquals" } }
            }
            {
                state: "retry"
                matcher: { errorType: "ItemNotFound" }
            }
        ]
    }
)
operation GetItem {
    input := {
        /// <p>The item to return.</p>
        @required
        ItemId: ItemId
    }
    output := {
        Item: Item
    }
    errors: [ItemNotFound]
}

@readonly
@paginated(items: "Items")
operation ListItems {
    input := {
        MaxResults: PageSize
        NextToken: String
    }
    output := {
        Items: ItemList
        NextToken: String
    }
}

operation PutItem {
    input := {
        @required
        Item: Item
        Tags: TagMap
        @idempotencyToken
        ClientToken: String
    }
    output := {
        ItemId: ItemId
    }
}

@length(max: 50)
map AttributeMap {
    key: String
    value: Value
}

/// <p>Something the catalog lists.</p>
structure Item {
    ItemId: ItemId
    Name: ItemName
    Status: ItemStatus
    Price: Double
    Quantity: Long
    Created: Timestamp
    Thumbnail: Thumbnail
    Attributes: AttributeMap
    @deprecated
    Legacy: String
    @timestampFormat("date-time")
    Updated: Timestamp
    Spec: Spec
    Notes: JsonText
}

/// <p>Open content: any JSON value.</p>
document Spec

@mediaType("application/json")
string JsonText

@length(min: 3, max: 64)
@pattern("^[a-z0-9-]+$")
string ItemId

list ItemList {
    member: Item
}

@length(min: 1, max: 255)
string ItemName

/// <p>No item has that id.</p>
@error("client")
@httpError(404)
structure ItemNotFound {
    message: String
    ItemId: ItemId
}

enum ItemStatus {
    READY = "READY"
    IN_PROGRESS = "in-progress"
    RETIRED = "Retired"
}

@range(min: 1, max: 100)
integer PageSize

@error("server")
@httpError(500)
structure ServiceFault {
    message: String
}

map TagMap {
    key: String
    value: String
}

@error("client")
@httpError(429)
@aws.protocols#awsQueryError(code: "Throttling", httpResponseCode: 429)
structure Throttled {
    message: String
}

@sensitive
blob Thumbnail

/// <p>A value of one of several types.</p>
union Value {
    S: String
    N: String
    B: Blob
    L: ValueList
    M: AttributeMap
    BOOL: Boolean
    NULL: Boolean
}

list ValueList {
    member: Value
}
