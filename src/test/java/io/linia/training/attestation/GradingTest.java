package io.linia.training.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The grading rules and the random draw, apart from storage. */
class GradingTest {

    @Test
    void shortAnswersIgnoreCaseYoSpacesQuotesAndTheFinalStop() {
        String accepted = "Восстановление доступа\nвосстановление";
        assertThat(Grading.right(QuestionKind.SHORT, accepted, "  ВОССТАНОВЛЕНИЕ   доступа. ")).isTrue();
        assertThat(Grading.right(QuestionKind.SHORT, accepted, "«восстановление»")).isTrue();
        assertThat(Grading.right(QuestionKind.SHORT, "Ёлка", "елка")).isTrue();
        assertThat(Grading.right(QuestionKind.SHORT, "елка", "ЁЛКА")).isTrue();
        assertThat(Grading.right(QuestionKind.SHORT, accepted, "восстановление пароля")).isFalse();
        assertThat(Grading.right(QuestionKind.SHORT, accepted, "   ")).isFalse();
        assertThat(Grading.right(QuestionKind.SHORT, accepted, null)).isFalse();
    }

    @Test
    void singleChoiceNeedsTheRightOptionAndMultipleChoiceExactlyTheRightSet() {
        assertThat(Grading.right(QuestionKind.SINGLE, "2", "2")).isTrue();
        assertThat(Grading.right(QuestionKind.SINGLE, "2", "3")).isFalse();
        assertThat(Grading.right(QuestionKind.MULTIPLE, "1,3", "3, 1")).isTrue();
        assertThat(Grading.right(QuestionKind.MULTIPLE, "1,3", "1")).isFalse();
        assertThat(Grading.right(QuestionKind.MULTIPLE, "1,3", "1,2,3")).as("ticking everything does not pay").isFalse();
        assertThat(Grading.right(QuestionKind.MULTIPLE, "1,3", "")).isFalse();
    }

    @Test
    void theTestScoreWeighsQuestionsAndTheFinalScoreWeighsPracticalWork() {
        BigDecimal test = Grading.testScore(List.of(new Grading.Scored(3, true), new Grading.Scored(1, false), new Grading.Scored(2, true),
                new Grading.Scored(2, false)));
        assertThat(test).isEqualByComparingTo("62.50");
        assertThat(Grading.testScore(List.of())).isEqualByComparingTo("0");
        assertThat(Grading.percent(2, 3)).isEqualByComparingTo("66.67");
        assertThat(Grading.finalScore(test, null, 40)).isEqualByComparingTo("62.50");
        assertThat(Grading.finalScore(test, new BigDecimal("90"), 40)).isEqualByComparingTo("73.50");
        assertThat(Grading.finalScore(test, new BigDecimal("90"), 0)).isEqualByComparingTo("62.50");
        assertThat(Grading.finalScore(test, new BigDecimal("90"), 100)).isEqualByComparingTo("90");
        assertThat(Grading.passed(new BigDecimal("80.00"), 80)).isTrue();
        assertThat(Grading.passed(new BigDecimal("79.99"), 80)).isFalse();
    }

    @Test
    void theDrawTakesDistinctQuestionsOfThePoolInAnOrderThatChangesFromDrawToDraw() {
        List<Integer> pool = IntStream.rangeClosed(1, 12).boxed().toList();
        Random random = new Random(20261126L);
        List<Integer> first = QuestionDraw.draw(pool, 5, random);
        List<Integer> second = QuestionDraw.draw(pool, 5, random);
        assertThat(first).hasSize(5).doesNotHaveDuplicates().allMatch(pool::contains);
        assertThat(second).hasSize(5).doesNotHaveDuplicates().allMatch(pool::contains);
        assertThat(second).isNotEqualTo(first);
        assertThat(QuestionDraw.draw(pool, 5, new Random(20261126L))).as("the same seed, the same draw").isEqualTo(first);
        assertThat(QuestionDraw.draw(pool, 50, random)).hasSize(12).containsExactlyInAnyOrderElementsOf(pool);
        // every question of the pool turns up over many draws
        HashSet<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.addAll(QuestionDraw.draw(pool, 3, random));
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(pool);
        assertThat(QuestionDraw.order(4, random)).containsExactlyInAnyOrder(1, 2, 3, 4);
    }
}
