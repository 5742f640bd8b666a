package dev.ddbstreams.codegen.tests;

import dev.ddbstreams.codegen.read.ModelSources;
import dev.ddbstreams.wire.JsonTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The AWS service models botocore ships in its {@code data/} folder (PyPI {@code botocore}), as the generator reads
 * them: {@code <service>/<version>/service-2.json} beside {@code paginators-1.json} and {@code waiters-2.json}.
 * Recent botocore releases gzip the service file ({@code service-2.json.gz}); such a file is unpacked to a work folder
 * first, and the companions are read where they are.
 */
final class BotocoreModels {

    private static final String PLAIN = "service-2.json";
    private static final String GZIPPED = PLAIN + ".gz";

    private BotocoreModels() {}

    /**
     * The ids ({@code kinesis/2013-12-02}) of the folder's models that can be spoken over the AWS JSON protocol:
     * {@code metadata.protocol} is {@code json} or {@code metadata.protocols} lists it; sorted.
     */
    static List<String> jsonProtocolModels(Path data) throws IOException {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> versions = Files.find(data, 2, (path, attributes) -> attributes.isDirectory())) {
            for (Path version : versions.filter(v -> data.relativize(v).getNameCount() == 2).sorted().toList()) {
                Map<String, Object> metadata = metadata(version);
                if (metadata != null && speaksJson(metadata)) {
                    ids.add(data.relativize(version).toString().replace('\\', '/'));
                }
            }
        }
        return ids;
    }

    /** The model {@code id} of the folder {@code data}, its service file unpacked under {@code work} when gzipped. */
    static ModelSources sources(Path data, String id, Path work) throws IOException {
        Path version = data.resolve(id);
        Path service = version.resolve(PLAIN);
        if (!Files.isRegularFile(service)) {
            service = work.resolve(id).resolve(PLAIN);
            Files.createDirectories(service.getParent());
            try (InputStream in = new GZIPInputStream(Files.newInputStream(version.resolve(GZIPPED)))) {
                Files.copy(in, service);
            }
        }
        return new ModelSources(service, existing(version.resolve("paginators-1.json")), existing(version.resolve("waiters-2.json")),
                new TreeSet<>());
    }

    /**
     * The operations of a model in botocore's form whose input or output has a member that is an event stream: the ones
     * the generator must leave out, each with a warning.
     */
    static List<String> eventStreamOperations(Path serviceModel) throws IOException {
        Map<String, Object> model = object(JsonTree.parse(Files.readAllBytes(serviceModel)));
        Map<String, Object> shapes = object(model.get("shapes"));
        List<String> operations = new ArrayList<>();
        object(model.get("operations")).forEach((name, operation) -> {
            boolean usesEventStream = Stream.of("input", "output")
                    .map(side -> object(operation).get(side))
                    .filter(ref -> ref != null)
                    .map(ref -> object(shapes.get(object(ref).get("shape"))))
                    .flatMap(structure -> object(structure.getOrDefault("members", Map.of())).values().stream())
                    .anyMatch(member -> Boolean.TRUE.equals(object(shapes.get(object(member).get("shape"))).get("eventstream")));
            if (usesEventStream) {
                operations.add(name);
            }
        });
        return operations.stream().sorted().toList();
    }

    private static boolean speaksJson(Map<String, Object> metadata) {
        return "json".equals(metadata.get("protocol"))
                || metadata.get("protocols") instanceof List<?> protocols && protocols.contains("json");
    }

    /** The metadata of the version folder's service model, or null when it has none. */
    private static Map<String, Object> metadata(Path version) throws IOException {
        byte[] json;
        if (Files.isRegularFile(version.resolve(PLAIN))) {
            json = Files.readAllBytes(version.resolve(PLAIN));
        } else if (Files.isRegularFile(version.resolve(GZIPPED))) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(version.resolve(GZIPPED)))) {
                json = in.readAllBytes();
            }
        } else {
            return null;
        }
        return object(object(JsonTree.parse(json)).get("metadata"));
    }

    /** {@code value} as a JSON object, or an error saying what it is instead. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        if (!(value instanceof Map)) {
            throw new UncheckedIOException(new IOException("expected a JSON object, found " + value));
        }
        return (Map<String, Object>) value;
    }

    /** {@code file}, or null when it does not exist (the optional companion files). */
    static Path existing(Path file) {
        return Files.isRegularFile(file) ? file : null;
    }
}
