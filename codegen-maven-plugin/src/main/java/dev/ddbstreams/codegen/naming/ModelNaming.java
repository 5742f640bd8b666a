package dev.ddbstreams.codegen.naming;

import dev.ddbstreams.codegen.model.ServiceModel;
import dev.ddbstreams.codegen.model.Shape;
import java.util.SortedMap;

/**
 * Decides the Java names that depend on the whole model, once, after reading and before validation: each
 * operation's own request and response classes ({@link OperationShapes}), then class and codec names made
 * distinct ({@link DistinctNames}). The names of single shapes and members ({@link JavaNames}) are decided by
 * the readers; the emitters only use what the model says.
 */
public final class ModelNaming {

    private ModelNaming() {}

    /** The model with every class and codec name decided. */
    public static ServiceModel apply(ServiceModel model) {
        OperationShapes.Result io = OperationShapes.apply(model.operations(), model.shapes());
        SortedMap<String, Shape> shapes = DistinctNames.classes(io.shapes(), JavaNames.baseExceptionName(model.info().clientBaseName()));
        return model.named(io.operations(), shapes, DistinctNames.codecs(shapes));
    }
}
