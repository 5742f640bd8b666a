$version: "2.0"

namespace example.notes

@aws.protocols#awsJson1_0
service Notes_20240101 {
    version: "2024-01-01"
    operations: [GetNote]
}

operation GetNote {
    input := {
        @required
        NoteId: Strng
    }
}
