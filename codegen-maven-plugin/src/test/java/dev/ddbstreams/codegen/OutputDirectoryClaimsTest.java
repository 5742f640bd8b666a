package dev.ddbstreams.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputDirectoryClaimsTest {

    private final Map<String, String> context = new HashMap<>();

    @Test
    void eachExecutionMayHaveItsOwnDirectory() {
        OutputDirectoryClaims claims = new OutputDirectoryClaims(context);
        assertThat(claims.claim(Path.of("target/a"), "streams")).isEmpty();
        assertThat(claims.claim(Path.of("target/b"), "widgets")).isEmpty();
        assertThat(claims.claim(Path.of("target/a"), "streams")).as("the same execution again").isEmpty();
    }

    @Test
    void twoExecutionsCannotShareOneHoweverItIsSpelled() {
        new OutputDirectoryClaims(context).claim(Path.of("target/generated"), "streams");
        assertThat(new OutputDirectoryClaims(context).claim(Path.of("target/other/../generated"), "widgets"))
                .hasValueSatisfying(message -> assertThat(message)
                        .startsWith("Executions \"streams\" and \"widgets\" both generate into ")
                        .contains(Path.of("target/generated").toAbsolutePath().toString())
                        .endsWith("give each execution its own <outputDirectory>, because each removes the files the other generated as stale"));
    }
}
