package io.linia.knowledge.evaluation;

import java.util.Collection;
import java.util.List;

/**
 * How well one setting ranked the gold article among its first five suggestions: the share of cases
 * with a gold article at rank 1, within the first 3, within the first 5, and the mean reciprocal
 * rank over the first 5 (a gold article at rank r counts 1/r, beyond 5 counts 0).
 */
public record RankingScore(String setting, int cases, double top1, double top3, double top5, double mrr5) {

    public static final int DEPTH = 5;

    /** Adds up cases one by one. */
    static final class Tally {

        private final String setting;
        private int cases;
        private int at1;
        private int at3;
        private int at5;
        private double reciprocal;

        Tally(String setting) {
            this.setting = setting;
        }

        /** Records one case: the suggested ids in order and the ids that count as right. Returns the rank (0 = missed). */
        int add(List<Long> ranked, Collection<Long> gold) {
            cases++;
            int rank = 0;
            for (int i = 0; i < Math.min(DEPTH, ranked.size()); i++) {
                if (gold.contains(ranked.get(i))) {
                    rank = i + 1;
                    break;
                }
            }
            if (rank == 1) {
                at1++;
            }
            if (rank >= 1 && rank <= 3) {
                at3++;
            }
            if (rank >= 1) {
                at5++;
                reciprocal += 1.0 / rank;
            }
            return rank;
        }

        RankingScore score() {
            double n = Math.max(cases, 1);
            return new RankingScore(setting, cases, at1 / n, at3 / n, at5 / n, reciprocal / n);
        }
    }
}
