package com.example.consumer;

import com.example.notes.NotesClient;
import com.example.notes.model.Body;
import com.example.notes.model.Note;

/** Application code written against the generated client, as a consumer of the plugin writes it. */
public final class NoteTitles {

    private final NotesClient client;

    public NoteTitles(NotesClient client) {
        this.client = client;
    }

    /** The note's title, with its text body when it has one. */
    public String describe(String noteId) {
        Note note = client.getNote(request -> request.noteId(noteId)).note();
        String body = note.body() instanceof Body.Text text ? ": " + text.value() : "";
        return note.title() + body;
    }
}
