package io.linia.knowledge.evaluation;

import java.util.List;
import java.util.Locale;

/**
 * The figures of one evaluation: what was read, and per setting how well the gold article was ranked.
 * {@code casesBlank} had no question, {@code casesWithoutGold} named no article of the knowledge base;
 * both are left out of the scores.
 */
public record EvaluationReport(String kb, String cases, int articles, int kbRowsSkipped, int casesRead, int casesBlank,
                               int casesWithoutGold, int casesEvaluated, int folds, long seed,
                               List<RankingScore> articleRanking) {

    /** The report as a person reads it in a terminal. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("Linia knowledge-base evaluation\n");
        out.append("  knowledge base: ").append(kb).append(" — ").append(articles).append(" articles");
        if (kbRowsSkipped > 0) {
            out.append(" (").append(kbRowsSkipped).append(" rows without a title skipped)");
        }
        out.append('\n');
        out.append("  cases:          ").append(cases).append(" — ").append(casesRead).append(" rows, ")
                .append(casesEvaluated).append(" evaluated, ").append(casesWithoutGold)
                .append(" left out: no article titled as their gold");
        if (casesBlank > 0) {
            out.append(", ").append(casesBlank).append(" left out: no question");
        }
        out.append('\n');
        out.append("  learned setting: ").append(folds).append("-fold cross-validation (seed ").append(seed).append(")\n\n");
        out.append("Gold article among the suggestions\n");
        out.append(String.format(Locale.ROOT, "  %-15s %6s %7s %7s %7s %7s%n", "setting", "cases", "top-1", "top-3", "top-5", "MRR@5"));
        for (RankingScore s : articleRanking) {
            out.append(String.format(Locale.ROOT, "  %-15s %6d %7.3f %7.3f %7.3f %7.3f%n", s.setting(), s.cases(), s.top1(),
                    s.top3(), s.top5(), s.mrr5()));
        }
        return out.toString();
    }
}
