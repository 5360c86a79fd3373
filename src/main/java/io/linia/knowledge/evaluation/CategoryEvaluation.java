package io.linia.knowledge.evaluation;

import java.util.List;

/**
 * The category part of an evaluation: how the text was given to the categoriser ({@code input}),
 * where the gold categories came from ({@code goldFrom}), how many cases were scored ({@code cases})
 * and how many had no gold category ({@code casesWithoutCategory}, left out), the majority baseline
 * to beat, and per setting the {@link CategoryScore}.
 */
public record CategoryEvaluation(String input, String goldFrom, int cases, int casesWithoutCategory,
                                 Majority majority, List<CategoryScore> scores) {

    /**
     * Always answering the most frequent category of the knowledge base's articles: the leaf
     * (level 2) and, separately, the level-1 category; the accuracy that gives on the cases.
     */
    public record Majority(String level2Category, double level2Accuracy, String level1Category, double level1Accuracy) {
    }
}
