package com.example.app;

import com.example.notes.NotesClient;
import com.example.notes.model.Body;
import com.example.shop.ShopClient;
import com.example.shop.model.Order;
import com.example.shop.model.OrderStatus;
import com.example.shop.model.Payment;

/** Uses both generated clients: compiles only if both executions generated their client into their own package. */
public final class Dashboard {

    private final NotesClient notes;
    private final ShopClient shop;

    public Dashboard(NotesClient notes, ShopClient shop) {
        this.notes = notes;
        this.shop = shop;
    }

    /** The note's text (Body is a union because the pom declares it one), and how many orders have shipped. */
    public String summary(String noteId) {
        Body body = notes.getNote(request -> request.noteId(noteId)).note().body();
        String text = body instanceof Body.Text t ? t.value() : "";
        long shipped = shop.listOrders().orders().stream().map(Order::status).filter(OrderStatus.SHIPPED::equals).count();
        return text + " / " + shipped + " shipped";
    }

    /** A union from the Smithy model. */
    public static boolean paidByCard(Order order) {
        return order.payment() instanceof Payment.Card;
    }
}
