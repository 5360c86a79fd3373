package io.linia.training.attestation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An attempt as the trainee, the trainer and team leads see it. It carries no right answers at all: while it is
 * open, {@code Item.right} is null too; after it is closed each item says whether its answer was right.
 * {@code deadline} is when answers stop being taken (a short grace follows for answers already on their way).
 */
public record Attempt(long id, long enrolmentId, long traineeId, String traineeName, String programmeName, AttemptStatus status,
                      Instant startedAt, Instant deadline, Instant submittedAt, boolean closedByClock, int passMark, int practicalWeight,
                      BigDecimal testScore, BigDecimal practicalScore, BigDecimal score, Instant gradedAt, String gradedBy,
                      String gradingNote, List<Item> items, List<Work> works) {

    public boolean open() {
        return status == AttemptStatus.OPEN;
    }

    public long answered() {
        return items.stream().filter(i -> i.answer() != null && !i.answer().isBlank()).count();
    }

    /** A drawn question with its options in the order shown (each keeps its own number) and the answer given. */
    public record Item(int position, QuestionKind kind, String text, List<Option> options, String answer, Long articleId,
                       Boolean right) {

        public boolean chose(int number) {
            return Grading.numbers(answer == null || kind == QuestionKind.SHORT ? null : answer).contains(number);
        }
    }

    public record Option(int number, String text) {
    }

    /** A practical task of the attempt, the trainee's work and the rubric with the points given (null until graded). */
    public record Work(int position, long taskId, String title, String text, String response, List<Mark> marks) {
    }

    public record Mark(long criterionId, String text, int maxPoints, Integer points) {
    }
}
