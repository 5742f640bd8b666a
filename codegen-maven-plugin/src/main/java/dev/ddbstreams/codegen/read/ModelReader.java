package dev.ddbstreams.codegen.read;

import dev.ddbstreams.codegen.model.ModelException;
import dev.ddbstreams.codegen.model.ServiceModel;

/** Reads a model in whichever format it is written: the one entry point to the readers. */
public final class ModelReader {

    private ModelReader() {}

    /** Reads the model with the reader for its format ({@link ModelSources#format()}), or fails with every problem found. */
    public static ServiceModel read(ModelSources sources) throws ModelException {
        return switch (sources.format().resolve(sources.service())) {
            case SMITHY -> SmithyReader.read(sources);
            case C2J, AUTO -> C2jReader.read(sources);
        };
    }
}
