package io.linia.training.attestation;

import java.util.List;

/**
 * A programme version's attestation as its editors see it, right answers included (never shown to trainees):
 * how many questions an attempt draws, the time limit, pass mark (percent), pause before a retake, the weight of the
 * practical tasks in the final score (percent), the pool and the practical tasks in use.
 */
public record AttestationDefinition(long programmeId, long versionId, int versionNumber, int questionCount, int timeLimitMinutes,
                                    int passMark, int retakePauseMinutes, int practicalWeight, List<Question> questions,
                                    List<Task> tasks) {

    public static final int DEFAULT_QUESTIONS = 10;
    public static final int DEFAULT_MINUTES = 30;
    public static final int DEFAULT_PASS_MARK = 80;
    public static final int DEFAULT_PAUSE_MINUTES = 24 * 60;
    public static final int DEFAULT_PRACTICAL_WEIGHT = 50;

    /** Enough questions for an attempt. */
    public boolean ready() {
        return !questions.isEmpty() && questions.size() >= questionCount;
    }

    public record Question(long id, QuestionKind kind, String text, List<String> options, String correct, Long articleId, int weight) {
    }

    public record Task(long id, String title, String text, List<Criterion> criteria) {

        public int maxPoints() {
            return criteria.stream().mapToInt(Criterion::maxPoints).sum();
        }
    }

    public record Criterion(long id, String text, int maxPoints) {
    }
}
