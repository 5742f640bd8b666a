package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/** The clients' {@code waiter()} and {@code waiter(WaiterOptions)}, when the model has waiters: the same on both clients. */
final class ClientWaiterMethods {

    private final GenerationContext context;
    private final boolean async;

    ClientWaiterMethods(GenerationContext context, boolean async) {
        this.context = context;
        this.async = async;
    }

    void addTo(TypeSpec.Builder type) {
        if (context.model().waiters().isEmpty()) {
            return;
        }
        ClassName waiters = WaiterEmitter.waitersClass(context, async);
        type.addMethod(MethodSpec.methodBuilder("waiter")
                .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                .returns(waiters)
                .addJavadoc("Waiters that poll with this client, with the model's delays and attempts.\n")
                .addStatement("return new $T(this, $T.defaults())", waiters, WaiterEmitter.WAITER_OPTIONS)
                .build());
        type.addMethod(MethodSpec.methodBuilder("waiter")
                .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                .returns(waiters)
                .addJavadoc("Waiters that poll with this client, with delays, attempts and timeout from {@code options}.\n")
                .addParameter(WaiterEmitter.WAITER_OPTIONS, "options")
                .addStatement("return new $T(this, options)", waiters)
                .build());
    }
}
