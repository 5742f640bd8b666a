package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.JavaFile;
import dev.ddbstreams.codegen.model.EnumShape;
import dev.ddbstreams.codegen.model.ListShape;
import dev.ddbstreams.codegen.model.MapShape;
import dev.ddbstreams.codegen.model.ServiceModel;
import dev.ddbstreams.codegen.model.Shape;
import dev.ddbstreams.codegen.model.StructureShape;
import dev.ddbstreams.codegen.model.UnionShape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every file generated for a validated model, in a stable order. */
public final class Emitters {

    private Emitters() {}

    /** The Java files for a model, under {@code basePackage}. The model must have passed validation. */
    public static List<JavaFile> emitAll(ServiceModel model, String basePackage) {
        GenerationContext context = new GenerationContext(model, basePackage);
        List<FileEmitter> emitters = new ArrayList<>();
        emitters.add(new ExceptionEmitter(context, null));
        for (StructureShape structure : model.shapesOf(StructureShape.class)) {
            if (structure.role() == StructureShape.Role.ERROR) {
                emitters.add(new ExceptionEmitter(context, structure));
            } else {
                emitters.add(new StructureEmitter(context, structure));
            }
        }
        model.shapesOf(UnionShape.class).forEach(union -> emitters.add(new UnionEmitter(context, union)));
        model.shapesOf(EnumShape.class).forEach(enumShape -> emitters.add(new EnumEmitter(context, enumShape)));
        for (Shape shape : model.shapes().values()) {
            boolean aggregate = shape instanceof StructureShape s
                    && (s.role() != StructureShape.Role.ERROR || !ExceptionEmitter.modeledMembers(context, s).isEmpty())
                    || shape instanceof UnionShape || shape instanceof ListShape || shape instanceof MapShape;
            if (aggregate) {
                emitters.add(new JsonCodecEmitter(context, shape));
            }
        }
        emitters.addAll(new ClientEmitter(context, false).emitters());
        emitters.addAll(new ClientEmitter(context, true).emitters());
        emitters.add(new PresignerEmitter(context));
        model.paginators().forEach(paginator -> emitters.add(new PaginatorEmitter(context, paginator, false)));
        model.paginators().forEach(paginator -> emitters.add(new PaginatorEmitter(context, paginator, true)));
        if (!model.waiters().isEmpty()) {
            emitters.add(new WaiterDefinitionsEmitter(context));
            emitters.add(new WaiterEmitter(context, false));
            emitters.add(new WaiterEmitter(context, true));
        }
        List<JavaFile> emitted = new ArrayList<>();
        emitters.forEach(emitter -> emitted.add(emitter.emit()));
        List<JavaFile> files = new ArrayList<>(JavaFiles.withJavaLangUnshadowed(emitted));
        files.sort(Comparator.comparing(file -> file.packageName() + "." + file.typeSpec().name()));
        return files;
    }
}
