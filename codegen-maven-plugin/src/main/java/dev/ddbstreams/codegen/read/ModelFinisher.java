package dev.ddbstreams.codegen.read;

import dev.ddbstreams.codegen.model.ModelException;
import dev.ddbstreams.codegen.model.ServiceModel;
import dev.ddbstreams.codegen.model.SourceLocation;
import dev.ddbstreams.codegen.naming.ModelNaming;
import java.util.Map;

/**
 * What every reader does last, whatever the format it read: choose the operations ({@link OperationSelection}),
 * then decide the Java names that depend on the whole model ({@link ModelNaming}).
 */
final class ModelFinisher {

    private ModelFinisher() {}

    /**
     * @param read the model as read, without problems
     * @param unsupported shapes that cannot be generated, by name, each with what it is ("the event stream")
     */
    static ServiceModel finish(ServiceModel read, Map<String, String> unsupported, ModelSources sources) throws ModelException {
        ServiceModel selected = OperationSelection.apply(read, unsupported, sources.operations(), SourceLocation.of(sources.service()));
        return ModelNaming.apply(selected);
    }
}
