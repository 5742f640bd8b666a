package dev.ddbstreams.runtime.paginate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagesTest {

    /** A page: its items and the token of the next one. */
    record Page(List<String> items, String next) {}

    /** A fake service that serves pages by token and records every request. */
    static final class FakeService {
        final Map<String, Page> pagesByToken;
        final List<String> requests = new ArrayList<>();

        FakeService(Map<String, Page> pagesByToken) {
            this.pagesByToken = pagesByToken;
        }

        Page call(String token) {
            requests.add(token);
            return pagesByToken.get(token);
        }

        Pages<String, Page, String> pages() {
            return new Pages<>("ListThings", "", this::call, page -> page.next() == null || page.next().isEmpty() ? null : page.next(),
                    (first, token) -> token);
        }
    }

    @Test
    void fetchesEachPageOnlyWhenItIsReached() {
        FakeService service = new FakeService(Map.of(
                "", new Page(List.of("a", "b"), "t1"),
                "t1", new Page(List.of("c"), "t2"),
                "t2", new Page(List.of("d"), null)));
        Pages<String, Page, String> pages = service.pages();
        assertThat(service.requests).isEmpty();

        Iterator<Page> iterator = pages.iterator();
        assertThat(iterator.hasNext()).isTrue();
        assertThat(service.requests).isEmpty();
        iterator.next();
        assertThat(service.requests).containsExactly("");
        iterator.next();
        assertThat(service.requests).containsExactly("", "t1");

        assertThat(pages.items(Page::items).stream().limit(3).toList()).containsExactly("a", "b", "c");
        assertThat(service.requests).containsExactly("", "t1", "", "t1");
    }

    @Test
    void anEmptyTokenEndsPaginationLikeAnAbsentOne() {
        FakeService service = new FakeService(Map.of("", new Page(List.of("a"), "")));
        assertThat(service.pages().items(Page::items)).containsExactly("a");
        assertThat(service.requests).containsExactly("");
    }

    @Test
    void emptyPagesWithATokenAreSkippedOver() {
        FakeService service = new FakeService(Map.of(
                "", new Page(List.of(), "t1"),
                "t1", new Page(List.of(), "t2"),
                "t2", new Page(List.of("z"), null)));
        assertThat(service.pages().items(Page::items).stream().toList()).containsExactly("z");
    }

    @Test
    void aRepeatedTokenEndsWithAClearErrorInsteadOfLoopingForever() {
        FakeService service = new FakeService(Map.of(
                "", new Page(List.of("a"), "t1"),
                "t1", new Page(List.of("b"), "t2"),
                "t2", new Page(List.of("c"), "t1")));
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> service.pages().items(Page::items).forEach(seen::add))
                .isInstanceOf(PaginationException.class)
                .hasMessage("ListThings returned the pagination token \"t1\" a second time; stopping, since following it would never end");
        assertThat(service.requests).containsExactly("", "t1", "t2");
        assertThat(seen).as("the page that repeats the token is still delivered").containsExactly("a", "b", "c");
    }

    @Test
    void tokensNeedNotBeStrings() {
        // DynamoDB's Query pages with a map (LastEvaluatedKey); several tokens travel as one record.
        record Key(String hash, int range) {}
        Map<Key, List<String>> pagesByKey = Map.of(new Key("a", 1), List.of("x"), new Key("b", 2), List.of("y"));
        List<Key> requests = new ArrayList<>();
        Pages<Key, List<String>, Key> pages = new Pages<>("Query", new Key("a", 1), key -> {
            requests.add(key);
            return pagesByKey.get(key);
        }, page -> page.contains("x") ? new Key("b", 2) : null, (first, token) -> token);
        assertThat(pages.items(page -> page)).containsExactly("x", "y");
        assertThat(requests).containsExactly(new Key("a", 1), new Key("b", 2));
    }
}
