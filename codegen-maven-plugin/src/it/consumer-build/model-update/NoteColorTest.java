package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.notes.model.Note;
import org.junit.jupiter.api.Test;

/** Written after the model gained Note.Color: compiles only against the regenerated client. */
class NoteColorTest {

    @Test
    void theNewMemberHasItsAccessorAndBuilderMethod() {
        Note note = Note.builder().title("Groceries").color("green").build();
        assertEquals("green", note.color());
        assertEquals(note, note.toBuilder().build());
    }
}
