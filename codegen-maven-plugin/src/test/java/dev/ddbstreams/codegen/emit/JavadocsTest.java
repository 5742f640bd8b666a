package dev.ddbstreams.codegen.emit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavadocsTest {

    @Test
    void commentTerminatorsCannotEscape() {
        assertThat(Javadocs.fromModel("<p>ends */ here</p>")).doesNotContain("*/");
        assertThat(Javadocs.fromModel("*<b>/</b>")).doesNotContain("*/");
        assertThat(Javadocs.escapePlain("a*/b")).doesNotContain("*/");
    }

    @Test
    void tagsAndUnicodeEscapesAreNeutralised() {
        String doc = Javadocs.fromModel("<p>@deprecated use {@link X} and \\u002a\\u002f</p>");
        assertThat(doc).doesNotContain("@").doesNotContain("\\u");
    }

    @Test
    void keepsSimpleFormattingAndDropsTheRest() {
        String doc = Javadocs.fromModel("<p>Use <code>GetRecords</code>, see <a href=\"https://x\">the guide</a>.</p><note>Careful</note>");
        assertThat(doc).isEqualTo("Use <code>GetRecords</code>, see the guide.Careful\n");
    }

    @Test
    void bareAngleBracketsAreEscaped() {
        assertThat(Javadocs.fromModel("a < b and c > d")).isEqualTo("a &lt; b and c &gt; d\n");
    }
}
