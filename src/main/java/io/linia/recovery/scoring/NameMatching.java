package io.linia.recovery.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Fuzzy matching of names the user remembers against the directory's: case folded (Russian too), ё as е,
 * punctuation and spaces normalised, then Jaro-Winkler similarity at a threshold; addresses match only exactly.
 * Counting is a one-to-one matching, best pairs first: each given name and each known item is used at most once, where
 * a known item may go by several aliases (a contact's address and name) and still counts as one.
 */
public final class NameMatching {

    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}@]+");
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private final double threshold;

    public NameMatching(double threshold) {
        this.threshold = threshold;
    }

    /** Lower case, ё as е, every run of punctuation and spaces as one space, trimmed. */
    public static String normalise(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace('ё', 'е');
        return NOT_LETTER_OR_DIGIT.matcher(lower).replaceAll(" ").strip();
    }

    /** Similarity of two names after normalising; addresses (with @) match only exactly. */
    public static double similarity(String a, String b) {
        String x = normalise(a);
        String y = normalise(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        if (x.contains("@") || y.contains("@")) { // a near miss of an address is another person's address
            return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT)) ? 1 : 0;
        }
        return JARO_WINKLER.apply(x, y);
    }

    /** How many of the given names match a distinct known name (each known name a thing of its own). */
    public int countMatches(List<String> given, List<String> known) {
        return countItemMatches(given, known.stream().map(List::of).toList());
    }

    /**
     * How many of the given names match a distinct known item, an item being one thing known under several aliases
     * (a contact's address and display name). A given name matches an item at its best similarity over the aliases;
     * each given name and each item is used at most once, best pairs first, so two aliases of one contact given as two
     * answers count once.
     */
    public int countItemMatches(List<String> given, List<List<String>> known) {
        record Pair(int given, int known, double similarity) { }
        List<Pair> pairs = new ArrayList<>();
        for (int g = 0; g < given.size(); g++) {
            for (int k = 0; k < known.size(); k++) {
                double best = 0;
                for (String alias : known.get(k)) {
                    best = Math.max(best, similarity(given.get(g), alias));
                }
                if (best >= threshold) {
                    pairs.add(new Pair(g, k, best));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::similarity).reversed());
        boolean[] givenUsed = new boolean[given.size()];
        boolean[] knownUsed = new boolean[known.size()];
        int matches = 0;
        for (Pair p : pairs) {
            if (!givenUsed[p.given()] && !knownUsed[p.known()]) {
                givenUsed[p.given()] = true;
                knownUsed[p.known()] = true;
                matches++;
            }
        }
        return matches;
    }
}
