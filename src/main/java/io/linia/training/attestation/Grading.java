package io.linia.training.attestation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The grading rules, apart from storage.
 * <ul>
 * <li>A single-choice answer is right when it is the right option; a multiple-choice answer when it is exactly the set of
 * right options (no partial credit: ticking everything must not pay).</li>
 * <li>A short answer is right when, normalised, it equals one of the accepted answers normalised the same way:
 * case, ё→е, and runs of spaces (and spaces at the ends) do not matter; so do not the final full stop and quotes.</li>
 * <li>Test score: the weights of the right answers over all weights of the drawn questions, in percent.</li>
 * <li>Practical score: the rubric points given over the points possible, in percent.</li>
 * <li>Final score: the test score alone when the attempt has no practical tasks; otherwise
 * {@code test × (100 − w) / 100 + practical × w / 100}, w being the programme's practical weight in percent.</li>
 * <li>Passed when the final score reaches the pass mark.</li>
 * </ul>
 * Scores are percentages with two decimals, rounded half up.
 */
public final class Grading {

    private Grading() {
    }

    public static String normalise(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace('ё', 'е')
                .replaceAll("[\"«»“”„']", "").replaceAll("\\s+", " ").strip();
        while (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1).strip();
        }
        return n;
    }

    /** Option numbers from "1, 3" (as stored and as sent), sorted; empty for blank. */
    public static Set<Integer> numbers(String s) {
        if (s == null || s.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).map(Integer::valueOf)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public static String joinNumbers(Set<Integer> numbers) {
        return numbers.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Whether the answer (as stored) is right for the question's key (as stored). */
    public static boolean right(QuestionKind kind, String correct, String answer) {
        if (answer == null || answer.isBlank()) {
            return false;
        }
        return switch (kind) {
            case SINGLE, MULTIPLE -> numbers(correct).equals(numbers(answer));
            case SHORT -> {
                String given = normalise(answer);
                yield correct.lines().map(Grading::normalise).filter(a -> !a.isEmpty()).anyMatch(given::equals);
            }
        };
    }

    public record Scored(int weight, boolean right) {
    }

    public static BigDecimal testScore(List<Scored> answers) {
        int total = answers.stream().mapToInt(Scored::weight).sum();
        int right = answers.stream().filter(Scored::right).mapToInt(Scored::weight).sum();
        return percent(right, total);
    }

    public static BigDecimal percent(long part, long whole) {
        if (whole <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    /** The final score; {@code practical} null when the attempt has no practical tasks. */
    public static BigDecimal finalScore(BigDecimal test, BigDecimal practical, int practicalWeight) {
        if (practical == null) {
            return test.setScale(2, RoundingMode.HALF_UP);
        }
        BigDecimal w = BigDecimal.valueOf(practicalWeight);
        return test.multiply(BigDecimal.valueOf(100).subtract(w)).add(practical.multiply(w))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    public static boolean passed(BigDecimal score, int passMark) {
        return score.compareTo(BigDecimal.valueOf(passMark)) >= 0;
    }
}
