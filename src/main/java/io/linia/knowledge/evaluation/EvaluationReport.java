package io.linia.knowledge.evaluation;

import java.util.List;
import java.util.Locale;

/**
 * The figures of one evaluation: what was read, and per setting how well the gold article was ranked.
 * {@code casesBlank} had no question, {@code casesWithoutGold} named no article of the knowledge base;
 * both are left out of the scores. {@code categorisation}: how well the categoriser found the cases'
 * categories in the same settings.
 */
public record EvaluationReport(String kb, String cases, int articles, int kbRowsSkipped, int casesRead, int casesBlank,
                               int casesWithoutGold, int casesEvaluated, int folds, long seed,
                               List<RankingScore> articleRanking, CategoryEvaluation categorisation) {

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
        categories(out);
        return out.toString();
    }

    private void categories(StringBuilder out) {
        CategoryEvaluation c = categorisation;
        out.append("\nCategory of the question (top-1)\n");
        out.append("  text given: ").append(c.input()).append('\n');
        out.append("  gold:       ").append(c.goldFrom()).append("; ").append(c.cases()).append(" cases");
        if (c.casesWithoutCategory() > 0) {
            out.append(", ").append(c.casesWithoutCategory()).append(" left out: no gold category");
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT, "  %-17s %6s %8s %8s %10s %9s %9s %10s%n", "setting", "cases", "level-2",
                "level-1", "no answer", "confident", "conf. L2", "conf. L1"));
        CategoryEvaluation.Majority m = c.majority();
        out.append(String.format(Locale.ROOT, "  %-17s %6d %8.3f %8.3f %10s %9s %9s %10s%n", "majority-baseline", c.cases(),
                m.level2Accuracy(), m.level1Accuracy(), "-", "-", "-", "-"));
        for (CategoryScore s : c.scores()) {
            out.append(String.format(Locale.ROOT, "  %-17s %6d %8.3f %8.3f %10.3f %9.3f %9s %10s%n", s.setting(), s.cases(),
                    s.level2Accuracy(), s.level1Accuracy(), s.unanswered(), s.confidentShare(),
                    share(s.confidentLevel2Accuracy()), share(s.confidentLevel1Accuracy())));
        }
        out.append("  (majority: level 2 '").append(m.level2Category()).append("', level 1 '").append(m.level1Category())
                .append("'; confident = the share pre-selected for agents, conf. L2/L1 = the accuracy on those)\n");
        for (CategoryScore s : c.scores()) {
            confusion(out, s);
        }
    }

    private static void confusion(StringBuilder out, CategoryScore s) {
        CategoryScore.Confusion m = s.level1Confusion();
        List<String> labels = m.labels();
        int width = Math.max(5, labels.stream().mapToInt(String::length).max().orElse(1) + 1);
        out.append("\nLevel-1 confusion, ").append(s.setting()).append(" (rows gold, columns suggested, ")
                .append(CategoryScore.Confusion.NO_SUGGESTION).append(" = no suggestion)\n");
        out.append(String.format(Locale.ROOT, "  %-" + width + "s", ""));
        labels.forEach(l -> out.append(String.format(Locale.ROOT, "%" + width + "s", l)));
        out.append(String.format(Locale.ROOT, "%" + width + "s %7s%n", CategoryScore.Confusion.NO_SUGGESTION, "recall"));
        for (int g = 0; g < labels.size(); g++) {
            out.append(String.format(Locale.ROOT, "  %-" + width + "s", labels.get(g)));
            for (int count : m.counts().get(g)) {
                out.append(String.format(Locale.ROOT, "%" + width + "s", count == 0 ? "." : Integer.toString(count)));
            }
            out.append(String.format(Locale.ROOT, " %7s%n", share(m.recall().get(g))));
        }
        out.append(String.format(Locale.ROOT, "  %-" + width + "s", "prec"));
        m.precision().forEach(p -> out.append(String.format(Locale.ROOT, "%" + width + "s", p == null ? "-" : String.format(
                Locale.ROOT, "%.2f", p).replaceFirst("^0", ""))));
        out.append('\n');
        StringBuilder legend = new StringBuilder("  ");
        for (int i = 0; i < labels.size(); i++) {
            legend.append(i == 0 ? "" : ", ").append(labels.get(i)).append(" = ").append(m.names().get(i));
        }
        out.append(legend).append('\n');
    }

    private static String share(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}
