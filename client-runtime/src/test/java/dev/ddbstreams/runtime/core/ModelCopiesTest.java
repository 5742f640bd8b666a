package dev.ddbstreams.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelCopiesTest {

    @Test
    void callersCollectionsAreCopiedEvenWhenAlreadyUnmodifiable() {
        List<String> mine = new ArrayList<>(List.of("a"));
        List<String> view = Collections.unmodifiableList(mine);
        List<String> copy = ModelCopies.list(view, "Shape.member");
        mine.add("b");
        assertThat(copy).containsExactly("a");
        assertThatThrownBy(() -> copy.add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void whatAReaderAdoptedIsNotCopiedAgainAndCannotBeChanged() {
        ArrayList<String> read = new ArrayList<>(List.of("a", "b"));
        List<String> adopted = ModelCopies.adoptUnsafe(read);
        assertThat(ModelCopies.list(adopted, "Shape.member")).isSameAs(adopted);
        assertThat(ModelCopies.list(adopted, String::toUpperCase, "Shape.member")).isSameAs(adopted);
        assertThat(adopted).isEqualTo(List.of("a", "b")).hasSameHashCodeAs(List.of("a", "b"));
        assertThatThrownBy(() -> adopted.add("c")).isInstanceOf(UnsupportedOperationException.class);

        OrderedMapBuilder<Integer> map = new OrderedMapBuilder<>();
        map.put("z", 1);
        map.put("a", 2);
        Map<String, Integer> adoptedMap = map.build();
        assertThat(ModelCopies.map(adoptedMap, "Shape.member")).isSameAs(adoptedMap);
        assertThat(adoptedMap.keySet()).containsExactly("z", "a");
        assertThat(adoptedMap).isEqualTo(Map.of("z", 1, "a", 2)).hasSameHashCodeAs(Map.of("z", 1, "a", 2));
        assertThatThrownBy(() -> adoptedMap.put("b", 3)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> adoptedMap.entrySet().iterator().next().setValue(5)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullElementsAreRefusedWithTheMemberNamed() {
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> ModelCopies.list(withNull, "Shape.member"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("Shape.member cannot contain a null element (index 0)");
    }
}
