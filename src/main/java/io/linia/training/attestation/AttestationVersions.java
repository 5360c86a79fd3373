package io.linia.training.attestation;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A new programme version starts with the attestation of the version before it (settings, the questions and tasks in
 * use); the old version keeps its own for the people enrolled in it.
 */
@Component
public class AttestationVersions {

    private final AttestationStore store;
    private final Clock clock;

    AttestationVersions(AttestationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void copy(long fromVersionId, long toVersionId) {
        store.jdbc().sql("insert into training_attestation (version_id, question_count, time_limit_minutes, pass_mark, retake_pause_minutes,"
                        + " practical_weight, updated_at, updated_by_name) select :to, question_count, time_limit_minutes, pass_mark,"
                        + " retake_pause_minutes, practical_weight, updated_at, updated_by_name from training_attestation where version_id = :from")
                .param("to", toVersionId).param("from", fromVersionId).update();
        store.jdbc().sql("insert into training_attestation_question (version_id, kind, text, options, correct, article_id, weight, created_at)"
                        + " select :to, kind, text, options, correct, article_id, weight, created_at from training_attestation_question"
                        + " where version_id = :from and retired = false order by id")
                .param("to", toVersionId).param("from", fromVersionId).update();
        List<AttestationDefinition.Task> tasks = store.tasks(fromVersionId);
        for (AttestationDefinition.Task t : tasks) {
            store.addTask(toVersionId, t.title(), t.text(), t.criteria().stream()
                    .map(c -> new AttestationDefinitions.Criterion(c.text(), c.maxPoints())).toList(), clock.instant());
        }
    }
}
