package io.linia.training.attestation;

import io.linia.accounts.Actor;
import io.linia.knowledge.KnowledgeBase;
import io.linia.shared.DomainException;
import io.linia.training.ProgrammeView;
import io.linia.training.TrainingProgrammes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attestation of a programme's current version, edited by administrators and trainers: settings, the question
 * pool and the practical tasks. Questions and tasks are never changed in place: a change retires the old one and
 * adds the new, so attempts already made keep what they were asked; settings apply to attempts started after the
 * change. A new programme version starts with a copy ({@link AttestationVersions}), so an enrolment keeps the
 * attestation of its own version. Refusals name the field.
 */
@Service
@Transactional
public class AttestationDefinitions {

    /** Settings; null fields keep their value (or the default). */
    public record Settings(Integer questionCount, Integer timeLimitMinutes, Integer passMark, Integer retakePauseMinutes,
                           Integer practicalWeight) {
    }

    /**
     * A question: for choice questions the options and the numbers (1-based) of the right ones; for a short answer the
     * accepted answers. Weight 1..10 (default 1).
     */
    public record QuestionCommand(QuestionKind kind, String text, List<String> options, List<Integer> correct, List<String> accepted,
                                  Long articleId, Integer weight) {

        public QuestionCommand {
            options = options == null ? List.of() : options;
            correct = correct == null ? List.of() : correct;
            accepted = accepted == null ? List.of() : accepted;
        }
    }

    public record Criterion(String text, Integer maxPoints) {
    }

    public record TaskCommand(String title, String text, List<Criterion> criteria) {

        public TaskCommand {
            criteria = criteria == null ? List.of() : criteria;
        }
    }

    private final AttestationStore store;
    private final TrainingProgrammes programmes;
    private final KnowledgeBase knowledge;
    private final Clock clock;

    AttestationDefinitions(AttestationStore store, TrainingProgrammes programmes, KnowledgeBase knowledge, Clock clock) {
        this.store = store;
        this.programmes = programmes;
        this.knowledge = knowledge;
        this.clock = clock;
    }

    /** Editors only: the definition holds the right answers. */
    @Transactional(readOnly = true)
    public AttestationDefinition definition(Actor actor, long programmeId) {
        requireEditor(actor);
        return read(programmes.programme(actor, programmeId));
    }

    AttestationDefinition read(ProgrammeView p) {
        AttestationStore.Settings s = store.settings(p.versionId());
        return new AttestationDefinition(p.id(), p.versionId(), p.versionNumber(), s.questionCount(), s.timeLimitMinutes(), s.passMark(),
                s.retakePauseMinutes(), s.practicalWeight(), store.questions(p.versionId()), store.tasks(p.versionId()));
    }

    public AttestationDefinition saveSettings(Actor actor, long programmeId, Settings c) {
        requireEditor(actor);
        ProgrammeView p = programmes.programme(actor, programmeId);
        AttestationStore.Settings now = store.settings(p.versionId());
        int count = range("questionCount", c.questionCount(), now.questionCount(), 1, 100);
        int minutes = range("timeLimitMinutes", c.timeLimitMinutes(), now.timeLimitMinutes(), 1, 600);
        int mark = range("passMark", c.passMark(), now.passMark(), 1, 100);
        int pause = range("retakePauseMinutes", c.retakePauseMinutes(), now.retakePauseMinutes(), 0, 366 * 24 * 60);
        int weight = range("practicalWeight", c.practicalWeight(), now.practicalWeight(), 0, 100);
        store.saveSettings(p.versionId(), new AttestationStore.Settings(count, minutes, mark, pause, weight), clock.instant(), actor.name());
        return read(p);
    }

    private static int range(String field, Integer value, int current, int min, int max) {
        int v = value == null ? current : value;
        if (v < min || v > max) {
            throw DomainException.invalid(field, "attestation.error.range", min, max);
        }
        return v;
    }

    public AttestationDefinition addQuestion(Actor actor, long programmeId, QuestionCommand c) {
        requireEditor(actor);
        ProgrammeView p = programmes.programme(actor, programmeId);
        write(actor, p, c);
        return read(p);
    }

    /** A changed question: the old one leaves the pool (attempts that drew it keep it), the new one joins. */
    public AttestationDefinition replaceQuestion(Actor actor, long programmeId, long questionId, QuestionCommand c) {
        requireEditor(actor);
        ProgrammeView p = programmes.programme(actor, programmeId);
        write(actor, p, c);
        if (!store.retireQuestion(p.versionId(), questionId)) {
            throw DomainException.notFound("attestation.error.questionNotFound", questionId);
        }
        return read(p);
    }

    public AttestationDefinition removeQuestion(Actor actor, long programmeId, long questionId) {
        requireEditor(actor);
        ProgrammeView p = programmes.programme(actor, programmeId);
        if (!store.retireQuestion(p.versionId(), questionId)) {
            throw DomainException.notFound("attestation.error.questionNotFound", questionId);
        }
        return read(p);
    }

    private void write(Actor actor, ProgrammeView p, QuestionCommand c) {
        ensureSettings(actor, p);
        if (c.kind() == null) {
            throw DomainException.invalid("kind", "attestation.error.required");
        }
        String text = text("text", c.text(), 2000);
        Long article = c.articleId();
        if (article != null) {
            try {
                knowledge.get(actor, article);
            } catch (DomainException e) {
                throw DomainException.invalid("articleId", "attestation.error.noSuchArticle", article);
            }
        }
        int weight = c.weight() == null ? 1 : c.weight();
        if (weight < 1 || weight > 10) {
            throw DomainException.invalid("weight", "attestation.error.range", 1, 10);
        }
        List<String> options = List.of();
        String correct;
        if (c.kind().choice()) {
            options = c.options().stream().map(o -> o == null ? "" : o.strip()).filter(o -> !o.isEmpty()).toList();
            if (options.size() < 2 || options.size() > 10 || options.stream().anyMatch(o -> o.length() > 300)
                    || options.stream().distinct().count() < options.size()) {
                throw DomainException.invalid("options", "attestation.error.options");
            }
            Set<Integer> right = new TreeSet<>();
            for (Integer n : c.correct()) {
                if (n == null || n < 1 || n > options.size()) {
                    throw DomainException.invalid("correct", "attestation.error.correctNumber", options.size());
                }
                right.add(n);
            }
            if (right.isEmpty() || (c.kind() == QuestionKind.SINGLE && right.size() != 1)) {
                throw DomainException.invalid("correct", c.kind() == QuestionKind.SINGLE ? "attestation.error.correctOne"
                        : "attestation.error.correctSome");
            }
            correct = Grading.joinNumbers(right);
        } else {
            List<String> accepted = c.accepted().stream().map(a -> a == null ? "" : a.strip()).filter(a -> !Grading.normalise(a).isEmpty())
                    .distinct().toList();
            if (accepted.isEmpty() || accepted.size() > 20 || accepted.stream().anyMatch(a -> a.length() > 200)) {
                throw DomainException.invalid("accepted", "attestation.error.accepted");
            }
            correct = String.join("\n", accepted);
        }
        store.addQuestion(p.versionId(), c.kind(), text, options, correct, article, weight, clock.instant());
    }

    public AttestationDefinition addTask(Actor actor, long programmeId, TaskCommand c) {
        requireEditor(actor);
        ProgrammeView p = programmes.programme(actor, programmeId);
        ensureSettings(actor, p);
        String title = text("title", c.title(), 200);
        String text = text("text", c.text(), 8000);
        if (c.criteria().isEmpty() || c.criteria().size() > 20) {
            throw DomainException.invalid("criteria", "attestation.error.criteria");
        }
        List<Criterion> criteria = new ArrayList<>();
        for (int i = 0; i < c.criteria().size(); i++) {
            Criterion k = c.criteria().get(i);
            String t = text("criteria[" + i + "].text", k == null ? null : k.text(), 500);
            Integer max = k.maxPoints();
            if (max == null || max < 1 || max > 100) {
                throw DomainException.invalid("criteria[" + i + "].maxPoints", "attestation.error.range", 1, 100);
            }
            criteria.add(new Criterion(t, max));
        }
        store.addTask(p.versionId(), title, text, criteria, clock.instant());
        return read(p);
    }

    public AttestationDefinition removeTask(Actor actor, long programmeId, long taskId) {
        requireEditor(actor);
        ProgrammeView p = programmes.programme(actor, programmeId);
        if (!store.retireTask(p.versionId(), taskId)) {
            throw DomainException.notFound("attestation.error.taskNotFound", taskId);
        }
        return read(p);
    }

    /** The first change writes the default settings, so the definition is a row of its own from then on. */
    private void ensureSettings(Actor actor, ProgrammeView p) {
        Integer exists = store.jdbc().sql("select count(*) from training_attestation where version_id = :v").param("v", p.versionId())
                .query(Integer.class).single();
        if (exists == 0) {
            store.saveSettings(p.versionId(), AttestationStore.Settings.DEFAULT, clock.instant(), actor.name());
        }
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, "attestation.error.required");
        }
        String v = value.strip();
        if (v.length() > max) {
            throw DomainException.invalid(field, "attestation.error.tooLong", max);
        }
        return v;
    }

    private static void requireEditor(Actor actor) {
        if (!TrainingProgrammes.mayEdit(actor)) {
            throw DomainException.forbidden("training.error.editorsOnly");
        }
    }
}
