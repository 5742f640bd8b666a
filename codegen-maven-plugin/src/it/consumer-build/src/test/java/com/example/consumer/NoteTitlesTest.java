package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.notes.NotesClient;
import com.example.notes.model.NoteNotFoundException;
import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generated client talks the AWS JSON protocol to a server that answers as the Notes service would. */
class NoteTitlesTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private NotesClient client;

    @BeforeEach
    void connect() {
        client = NotesClient.builder()
                .region("us-east-1")
                .endpointOverride(server.url("/").uri())
                .credentialsProvider(StaticCredentialsProvider.create("AKIDEXAMPLE", "secret"))
                .build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void callsTheServiceAndReadsTheGeneratedShapes() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/x-amz-json-1.0")
                .body("{\"Note\": {\"NoteId\": \"n-1\", \"Title\": \"Groceries\", \"Tags\": [\"home\"], \"Body\": {\"Text\": \"milk\"}}}")
                .build());

        assertEquals("Groceries: milk", new NoteTitles(client).describe("n-1"));

        RecordedRequest request = server.takeRequest();
        assertEquals("Notes_20240101.GetNote", request.getHeaders().get("X-Amz-Target"));
        assertEquals("application/x-amz-json-1.0", request.getHeaders().get("Content-Type"));
        assertEquals("{\"NoteId\":\"n-1\"}", request.getBody().utf8());
        assertTrue(request.getHeaders().get("Authorization").contains("/us-east-1/notes/aws4_request"),
                request.getHeaders().get("Authorization"));
    }

    @Test
    void aModeledErrorArrivesAsItsGeneratedException() {
        server.enqueue(new MockResponse.Builder()
                .code(400)
                .addHeader("Content-Type", "application/x-amz-json-1.0")
                .body("{\"__type\": \"NoteNotFound\", \"message\": \"no note n-2\"}")
                .build());

        NoteNotFoundException e = assertThrows(NoteNotFoundException.class, () -> new NoteTitles(client).describe("n-2"));
        assertEquals("no note n-2", e.errorMessage());
    }
}
