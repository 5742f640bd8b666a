package dev.ddbstreams.codegen.validate;

import java.util.Collection;

/** The validator's "did you mean" hints: {@link dev.ddbstreams.codegen.naming.NameSuggestions}, which readers use too. */
final class NameSuggestions {

    private NameSuggestions() {}

    static String didYouMean(String name, Collection<String> known) {
        return dev.ddbstreams.codegen.naming.NameSuggestions.didYouMean(name, known);
    }
}
