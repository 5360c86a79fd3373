package io.linia.knowledge.evaluation;

import io.linia.routing.Categorisation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * How well one setting's categoriser put the cases in their gold category: top-1 accuracy on the
 * leaf (level 2) and on its parent (level 1: the parent of the suggested leaf, or the leaf itself
 * when it is top-level); {@code unanswered}: the share without any suggestion (no model, or no
 * known word); {@code confidentShare}: the share the categoriser was confident about (what is
 * pre-selected for agents and set on new tickets), with the accuracy on those (null when none);
 * and the level-1 confusion matrix.
 */
public record CategoryScore(String setting, int cases, double level2Accuracy, double level1Accuracy, double unanswered,
                            double confidentShare, Double confidentLevel2Accuracy, Double confidentLevel1Accuracy,
                            Confusion level1Confusion) {

    /**
     * Level-1 confusion: {@code counts.get(gold).get(predicted)} in the order of {@code labels} (short)
     * and {@code names} (full), with one more column at the end for "no suggestion"; per class the
     * precision (right among those predicted as it, null when never predicted) and recall (right
     * among those of it, null when no case is of it).
     */
    public record Confusion(List<String> labels, List<String> names, List<List<Integer>> counts,
                            List<Double> precision, List<Double> recall) {

        public static final String NO_SUGGESTION = "—";
    }

    /** Adds up cases one by one; {@code parent} gives a category's level-1 category (itself when top-level). */
    static final class Tally {

        private final String setting;
        private final LongUnaryOperator parent;
        private final Map<Long, String> level1Names;
        private final Map<Long, Map<Long, Integer>> confusion = new LinkedHashMap<>(); // gold → predicted (-1: none) → n
        private int cases;
        private int right2;
        private int right1;
        private int unanswered;
        private int confident;
        private int confidentRight2;
        private int confidentRight1;

        /** {@code level1Names}: every level-1 category in the order the matrix shows them, by id. */
        Tally(String setting, LongUnaryOperator parent, Map<Long, String> level1Names) {
            this.setting = setting;
            this.parent = parent;
            this.level1Names = level1Names;
        }

        void add(long goldLeaf, Categorisation suggested) {
            cases++;
            long gold1 = parent.applyAsLong(goldLeaf);
            long predicted1 = -1;
            if (suggested.hasSuggestion()) {
                long leaf = suggested.categoryId();
                predicted1 = parent.applyAsLong(leaf);
                boolean ok2 = leaf == goldLeaf;
                boolean ok1 = predicted1 == gold1;
                right2 += ok2 ? 1 : 0;
                right1 += ok1 ? 1 : 0;
                if (suggested.confident()) {
                    confident++;
                    confidentRight2 += ok2 ? 1 : 0;
                    confidentRight1 += ok1 ? 1 : 0;
                }
            } else {
                unanswered++;
            }
            confusion.computeIfAbsent(gold1, g -> new LinkedHashMap<>()).merge(predicted1, 1, Integer::sum);
        }

        CategoryScore score() {
            double n = Math.max(cases, 1);
            return new CategoryScore(setting, cases, right2 / n, right1 / n, unanswered / n, confident / n,
                    confident == 0 ? null : (double) confidentRight2 / confident,
                    confident == 0 ? null : (double) confidentRight1 / confident, matrix());
        }

        private Confusion matrix() {
            List<Long> ids = new ArrayList<>(level1Names.keySet());
            List<String> names = ids.stream().map(level1Names::get).toList();
            List<List<Integer>> counts = new ArrayList<>();
            int[] predictedAs = new int[ids.size()];
            List<Double> recall = new ArrayList<>();
            for (int g = 0; g < ids.size(); g++) {
                Map<Long, Integer> row = confusion.getOrDefault(ids.get(g), Map.of());
                List<Integer> cells = new ArrayList<>();
                int total = 0;
                for (int p = 0; p < ids.size(); p++) {
                    int c = row.getOrDefault(ids.get(p), 0);
                    cells.add(c);
                    predictedAs[p] += c;
                    total += c;
                }
                int none = row.getOrDefault(-1L, 0);
                cells.add(none);
                total += none;
                counts.add(List.copyOf(cells));
                recall.add(total == 0 ? null : (double) cells.get(g) / total);
            }
            List<Double> precision = new ArrayList<>();
            for (int p = 0; p < ids.size(); p++) {
                precision.add(predictedAs[p] == 0 ? null : (double) counts.get(p).get(p) / predictedAs[p]);
            }
            return new Confusion(shortLabels(names), names, counts, precision, recall);
        }
    }

    /**
     * Labels of at most four characters for a terminal table: the initials of a name of several words
     * ("УПРАВЛЕНИЕ АККАУНТОМ" → "УА"), else its first three letters ("ВИДЕО" → "ВИД"); a digit is added
     * when two would be the same.
     */
    static List<String> shortLabels(List<String> names) {
        List<String> labels = new ArrayList<>();
        for (String name : names) {
            String[] words = name.strip().split("[^\\p{L}\\p{N}]+");
            StringBuilder label = new StringBuilder();
            List<String> real = java.util.Arrays.stream(words).filter(w -> !w.isEmpty()).toList();
            if (real.size() >= 2) {
                real.stream().limit(3).forEach(w -> label.append(w.charAt(0)));
            } else if (real.size() == 1) {
                label.append(real.get(0), 0, Math.min(3, real.get(0).length()));
            } else {
                label.append('?');
            }
            String base = label.toString().toUpperCase(java.util.Locale.ROOT);
            String candidate = base;
            for (int i = 2; labels.contains(candidate); i++) {
                candidate = base + i;
            }
            labels.add(candidate);
        }
        return labels;
    }
}
