package dev.ddbstreams.codegen.naming;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

/** "Did you mean" hints for names that do not resolve, since most are typos. */
public final class NameSuggestions {

    private NameSuggestions() {}

    /** {@code "; did you mean \"X\"?"} for the closest known name within a few edits, otherwise empty. */
    public static String didYouMean(String name, Collection<String> known) {
        int budget = Math.max(2, name.length() / 4);
        return known.stream()
                .map(candidate -> new Object[] {candidate, distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT))})
                .filter(pair -> (int) pair[1] <= budget)
                .min(Comparator.comparingInt((Object[] pair) -> (int) pair[1]).thenComparing(pair -> (String) pair[0]))
                .map(pair -> "; did you mean \"" + pair[0] + "\"?")
                .orElse("");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
