package io.linia.analytics.alert;

import io.linia.shared.TextAnalysis;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;

/**
 * The words that are new in a spike's tickets: each text (subject and first message) is cut into words, each word
 * reduced to its stem by Linia's one text analysis (Russian and English stemming, stop words dropped, "ё" as "е"),
 * and a stem scores by how much more often the spike's tickets hold it than the background's (the same category or
 * channel in the weeks before): {@code (df_spike + 0.5) / (n_spike + 1)} over {@code (df_background + 0.1) /
 * (n_background + 1)}, where df counts tickets holding the stem. A stem is listed when at least two tickets and a
 * quarter of the spike's hold it and it is at least three times as frequent as in the background, best first; it is
 * shown in the form the spike's tickets use most.
 */
public final class NewWords {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
    private static final double MIN_LIFT = 3.0;
    private static final Analyzer ANALYZER = TextAnalysis.analyzer();

    private NewWords() {
    }

    public static List<String> of(Collection<String> spike, Collection<String> background, int limit) {
        Map<String, Map<String, Integer>> forms = new HashMap<>();
        Map<String, Integer> spikeDf = documentFrequencies(spike, forms);
        Map<String, Integer> backgroundDf = documentFrequencies(background, new HashMap<>());
        int ns = spike.size();
        int nb = background.size();
        record Scored(String stem, double score, int df) {
        }
        List<Scored> scored = new ArrayList<>();
        spikeDf.forEach((stem, df) -> {
            if (df < 2 || df * 4 < ns) {
                return;
            }
            double lift = ((df + 0.5) / (ns + 1.0)) / ((backgroundDf.getOrDefault(stem, 0) + 0.1) / (nb + 1.0));
            if (lift >= MIN_LIFT) {
                scored.add(new Scored(stem, lift, df));
            }
        });
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Comparator.comparingInt(Scored::df).reversed())
                .thenComparing(Scored::stem));
        return scored.stream().limit(limit).map(s -> forms.get(s.stem()).entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(s.stem())).toList();
    }

    /** In how many texts each stem occurs; the surface forms seen per stem with their counts go into {@code forms}. */
    private static Map<String, Integer> documentFrequencies(Collection<String> texts, Map<String, Map<String, Integer>> forms) {
        Map<String, Integer> df = new HashMap<>();
        Map<String, String> stemOf = new HashMap<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('ё', 'е'));
            while (m.find()) {
                String word = m.group();
                if (word.length() < 3 || word.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String stem = stemOf.computeIfAbsent(word, w -> {
                    List<String> stems = TextAnalysis.stems(ANALYZER, w);
                    return stems.size() == 1 ? stems.get(0) : "";
                });
                if (stem.isEmpty()) {
                    continue;
                }
                forms.computeIfAbsent(stem, s -> new HashMap<>()).merge(word, 1, Integer::sum);
                if (seen.add(stem)) {
                    df.merge(stem, 1, Integer::sum);
                }
            }
        }
        return df;
    }
}
