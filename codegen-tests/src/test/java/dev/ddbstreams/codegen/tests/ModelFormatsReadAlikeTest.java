package dev.ddbstreams.codegen.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.codegen.CodeGenerator;
import dev.ddbstreams.codegen.model.ServiceModel;
import dev.ddbstreams.codegen.model.SourceLocation;
import dev.ddbstreams.codegen.read.ModelSources;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The catalog written as a C2J file set and as a Smithy JSON AST reads into the same intermediate model, down to
 * the paginators and waiters (which no emitter uses yet, so comparing generated code would not show them): only
 * where each thing was written differs. This is the reader-level half of {@link PublicApiEquivalenceTest}.
 */
class ModelFormatsReadAlikeTest {

    private static final Path CATALOG = RepoPaths.root().resolve("codegen-tests/src/test/resources/formats/catalog");

    @Test
    void c2jAndTheSmithyJsonAstGiveOneModelApartFromLocations() throws Exception {
        ServiceModel c2j = CodeGenerator.load(ModelSources.besides(CATALOG.resolve("service-2.json")));
        ServiceModel smithy = CodeGenerator.load(ModelSources.besides(CATALOG.resolve("catalog.json")));

        assertThat(c2j.paginators()).isNotEmpty();
        assertThat(c2j.waiters()).isNotEmpty();
        assertThat(withoutLocations(smithy)).usingRecursiveComparison().isEqualTo(withoutLocations(c2j));
        assertThat(smithy.paginators().get(0).location().file()).as("locations do differ").isNotEqualTo(c2j.paginators().get(0).location().file());
    }

    /** A copy of a model value (records, lists, maps) with every {@link SourceLocation} in it replaced by null. */
    private static Object withoutLocations(Object value) throws ReflectiveOperationException {
        if (value instanceof SourceLocation) {
            return null;
        }
        if (value instanceof List<?> list) {
            Object[] copy = new Object[list.size()];
            for (int i = 0; i < copy.length; i++) {
                copy[i] = withoutLocations(list.get(i));
            }
            return Arrays.asList(copy);
        }
        if (value instanceof Map<?, ?> map) {
            SortedMap<Object, Object> copy = new TreeMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                copy.put(entry.getKey(), withoutLocations(entry.getValue()));
            }
            return copy;
        }
        if (value instanceof Record record) {
            RecordComponent[] components = record.getClass().getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = withoutLocations(components[i].getAccessor().invoke(record));
            }
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            return canonical.newInstance(values);
        }
        return value;
    }
}
