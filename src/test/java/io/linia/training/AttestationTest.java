package io.linia.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.knowledge.KnowledgeBase;
import io.linia.shared.DomainException;
import io.linia.training.attestation.AttemptStatus;
import io.linia.training.attestation.Attempt;
import io.linia.training.attestation.AttestationDefinition;
import io.linia.training.attestation.AttestationDefinitions;
import io.linia.training.attestation.AttestationDefinitions.Criterion;
import io.linia.training.attestation.AttestationDefinitions.QuestionCommand;
import io.linia.training.attestation.AttestationDefinitions.Settings;
import io.linia.training.attestation.AttestationDefinitions.TaskCommand;
import io.linia.training.attestation.AttestationPage;
import io.linia.training.attestation.Attestations;
import io.linia.training.attestation.QuestionKind;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Attestation on both stores: the draw, grading, the time limit, one attempt at a time, the retake pause, rubric grading, who may act. */
@TrainingTest
class AttestationTest {

    @Autowired
    TrainingTest.TrainingClock clock;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory users;
    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    TrainingProgrammes programmes;
    @Autowired
    Enrolments enrolments;
    @Autowired
    Certifications certifications;
    @Autowired
    AttestationDefinitions definitions;
    @Autowired
    Attestations attestations;

    TrainingFixtures fx;
    Actor trainer;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-11-23T07:00:00Z"));
        fx = new TrainingFixtures(administration, users, knowledge, programmes);
        trainer = fx.actor("trainer");
    }

    /** A programme of one attestation stage with a pool of {@code n} single-choice questions (the right option is 1). */
    private ProgrammeView programme(String name, int n, Settings settings) {
        ProgrammeView p = fx.create(fx.attestationOnly(name, TargetKind.ROTATION, null, null));
        for (int i = 1; i <= n; i++) {
            definitions.addQuestion(trainer, p.id(), new QuestionCommand(QuestionKind.SINGLE, "Вопрос " + i, List.of("верно " + i, "неверно " + i,
                    "тоже неверно " + i), List.of(1), null, null, 1));
        }
        definitions.saveSettings(trainer, p.id(), settings);
        return p;
    }

    private record Trainee(UserRef user, Actor actor, EnrolmentView enrolment) {
    }

    private Trainee enrol(ProgrammeView p, String name) {
        UserRef agent = fx.newAgent(name);
        EnrolmentView e = enrolments.enrol(fx.actor("lead"), new EnrolmentCommand(p.id(), agent.id(), trainer.id(), null));
        return new Trainee(agent, users.user(agent.id()).orElseThrow().toActor(), e);
    }

    /** Answers every question of the attempt with option 1 (right in {@link #programme}). */
    private static Map<Integer, String> allFirst(Attempt a) {
        Map<Integer, String> answers = new HashMap<>();
        a.items().forEach(i -> answers.put(i.position(), "1"));
        return answers;
    }

    private static DomainException refusal(Runnable r) {
        try {
            r.run();
        } catch (DomainException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void anAttemptDrawsItsCountFromThePoolAndTheDrawChangesFromAttemptToAttempt() {
        ProgrammeView p = programme("Аттестация — выборка", 10, new Settings(5, 20, 80, 0, 0));
        Trainee t = enrol(p, "Стажёр Выборки");
        Set<String> pool = new HashSet<>();
        definitions.definition(trainer, p.id()).questions().forEach(q -> pool.add(q.text()));
        Set<List<String>> draws = new HashSet<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            Attempt a = attestations.start(t.actor(), t.enrolment().id());
            List<String> texts = a.items().stream().map(Attempt.Item::text).toList();
            assertThat(texts).hasSize(5).doesNotHaveDuplicates().allMatch(pool::contains);
            for (Attempt.Item i : a.items()) {
                assertThat(i.options()).extracting(Attempt.Option::number).containsExactlyInAnyOrder(1, 2, 3);
                assertThat(i.right()).isNull();
            }
            draws.add(texts);
            Attempt done = attestations.submit(t.actor(), a.id(), Map.of(), Map.of());
            assertThat(done.status()).isEqualTo(AttemptStatus.FAILED);
            assertThat(done.score()).isEqualByComparingTo("0");
        }
        // three equal ordered draws of 5 out of 10 would happen about once in 10^9 runs
        assertThat(draws).hasSizeGreaterThan(1);
        assertThat(enrolments.enrolment(t.actor(), t.enrolment().id()).stages().get(0).attestations()).hasSize(3)
                .allMatch(r -> !r.passed());
    }

    @Test
    void choiceAndShortAnswersAreGradedByWeightAndPassingCertifies() {
        ProgrammeView p = fx.create(fx.attestationOnly("Аттестация — оценка", TargetKind.GROUP, fx.users.userByLogin("l2")
                .orElseThrow().groupIds().iterator().next(), 12));
        definitions.addQuestion(trainer, p.id(), new QuestionCommand(QuestionKind.SINGLE, "Куда передать заявку о потерянном доступе?",
                List.of("В группу «Восстановление доступа»", "Закрыть", "В бухгалтерию"), List.of(1), null, fx.articles(1).get(0).id(), 2));
        definitions.addQuestion(trainer, p.id(), new QuestionCommand(QuestionKind.MULTIPLE, "Что спросить у владельца ящика?",
                List.of("Дату регистрации", "Старые пароли", "Паспорт супруга", "Названия папок"), List.of(1, 2, 4), null, null, 3));
        definitions.addQuestion(trainer, p.id(), new QuestionCommand(QuestionKind.SHORT, "Через сколько рабочих дней приходит ответ?",
                null, null, List.of("5", "пять"), null, 1));
        definitions.addQuestion(trainer, p.id(), new QuestionCommand(QuestionKind.SHORT, "Какой утилитой проверить компьютер?",
                null, null, List.of("Dr.Web CureIt!", "CureIt"), null, 4));
        definitions.saveSettings(trainer, p.id(), new Settings(4, 30, 60, 0, 50));
        Trainee t = enrol(p, "Стажёр Оценки");

        Attempt a = attestations.start(t.actor(), t.enrolment().id());
        Map<Integer, String> answers = new HashMap<>();
        for (Attempt.Item i : a.items()) {
            answers.put(i.position(), switch (i.kind()) {
                case SINGLE -> "1";
                case MULTIPLE -> "1,2"; // not the whole right set: wrong
                case SHORT -> i.text().contains("утилитой") ? "  dr.web   CUREIT! " : "Пять.";
            });
        }
        attestations.answer(t.actor(), a.id(), answers, Map.of());
        Attempt done = attestations.submit(t.actor(), a.id(), Map.of(), Map.of());
        // right: weights 2 + 1 + 4 of 10
        assertThat(done.testScore()).isEqualByComparingTo("70.00");
        assertThat(done.score()).isEqualByComparingTo("70.00");
        assertThat(done.status()).isEqualTo(AttemptStatus.PASSED);
        assertThat(done.items()).allMatch(i -> i.right() == (i.kind() != QuestionKind.MULTIPLE));
        EnrolmentView e = enrolments.enrolment(t.actor(), t.enrolment().id());
        assertThat(e.status()).isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(e.stages().get(0).attestations().get(0).score()).isEqualByComparingTo("70.00");
        assertThat(certifications.holds(t.user().id(), CertificationTarget.group(p.groupId()), clock.instant())).isTrue();
        assertThat(refusal(() -> attestations.start(t.actor(), t.enrolment().id())).messageKey()).isEqualTo("training.error.notAttestationStage");
    }

    @Test
    void answersAfterTheDeadlineAreRefusedAndTheAttemptIsGradedAsItStood() {
        ProgrammeView p = programme("Аттестация — время", 4, new Settings(4, 10, 50, 60, 0));
        Trainee t = enrol(p, "Стажёр Времени");
        Attempt a = attestations.start(t.actor(), t.enrolment().id());
        assertThat(a.deadline()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        List<Attempt.Item> items = a.items();
        attestations.answer(t.actor(), a.id(), Map.of(items.get(0).position(), "1", items.get(1).position(), "1"), Map.of());
        clock.advance(Duration.ofMinutes(10).plusSeconds(20)); // past the deadline, within the grace
        attestations.answer(t.actor(), a.id(), Map.of(items.get(2).position(), "1"), Map.of());
        clock.advance(Duration.ofSeconds(20)); // past the grace
        DomainException late = refusal(() -> attestations.answer(t.actor(), a.id(), Map.of(items.get(3).position(), "1"), Map.of()));
        assertThat(late.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(late.messageKey()).isEqualTo("attestation.error.timeUp");
        Attempt closed = attestations.attempt(t.actor(), a.id());
        assertThat(closed.status()).isEqualTo(AttemptStatus.PASSED);
        assertThat(closed.closedByClock()).isTrue();
        assertThat(closed.submittedAt()).isEqualTo(a.deadline());
        assertThat(closed.testScore()).isEqualByComparingTo("75.00");
        assertThat(closed.items().get(3).answer()).isNull();
        assertThat(refusal(() -> attestations.submit(t.actor(), a.id(), Map.of(), Map.of())).messageKey())
                .isEqualTo("attestation.error.attemptClosed");
    }

    @Test
    void anAttemptPastItsDeadlineIsClosedWhenNextLookedAt() {
        ProgrammeView p = programme("Аттестация — забытая попытка", 3, new Settings(3, 5, 90, 60, 0));
        Trainee t = enrol(p, "Стажёр Забывчивый");
        Attempt a = attestations.start(t.actor(), t.enrolment().id());
        attestations.answer(t.actor(), a.id(), allFirst(a), Map.of());
        clock.advance(Duration.ofHours(3));
        AttestationPage page = attestations.page(trainer, t.enrolment().id());
        assertThat(page.open()).isNull();
        assertThat(page.past()).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(AttemptStatus.PASSED);
            assertThat(x.score()).isEqualByComparingTo("100");
            assertThat(x.closedByClock()).isTrue();
        });
        assertThat(enrolments.enrolment(t.actor(), t.enrolment().id()).status()).isEqualTo(EnrolmentStatus.COMPLETED);
    }

    @Test
    void onlyOneAttemptIsOpenAtATimeAndARetakeWaitsForThePause() {
        ProgrammeView p = programme("Аттестация — пересдача", 3, new Settings(3, 30, 100, 24 * 60, 0));
        Trainee t = enrol(p, "Стажёр Пересдачи");
        Attempt a = attestations.start(t.actor(), t.enrolment().id());
        DomainException twice = refusal(() -> attestations.start(t.actor(), t.enrolment().id()));
        assertThat(twice.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(twice.messageKey()).isEqualTo("attestation.error.attemptOpen");
        Map<Integer, String> oneWrong = allFirst(a);
        oneWrong.put(1, "2");
        Attempt failed = attestations.submit(t.actor(), a.id(), oneWrong, Map.of());
        assertThat(failed.status()).isEqualTo(AttemptStatus.FAILED);
        assertThat(failed.score()).isEqualByComparingTo("66.67");
        assertThat(failed.items().get(0).right()).isFalse();

        clock.advance(Duration.ofHours(23));
        DomainException early = refusal(() -> attestations.start(t.actor(), t.enrolment().id()));
        assertThat(early.messageKey()).isEqualTo("attestation.error.retakePause");
        Instant from = failed.gradedAt().plus(Duration.ofHours(24));
        assertThat(early.properties()).containsEntry("retakeFrom", from.toString());
        AttestationPage page = attestations.page(t.actor(), t.enrolment().id());
        assertThat(page.mayStart()).isFalse();
        assertThat(page.retakeFrom()).isEqualTo(from);
        assertThat(page.blockedBy()).isEqualTo("attestation.error.retakePause");

        clock.advance(Duration.ofHours(1));
        assertThat(attestations.page(t.actor(), t.enrolment().id()).mayStart()).isTrue();
        Attempt retake = attestations.start(t.actor(), t.enrolment().id());
        assertThat(attestations.submit(t.actor(), retake.id(), allFirst(retake), Map.of()).status()).isEqualTo(AttemptStatus.PASSED);
    }

    @Test
    void theTrainerGradesPracticalTasksByTheRubricAndThePassCompletesTheProgramme() {
        ProgrammeView p = programme("Аттестация — практика", 2, new Settings(2, 60, 70, 60, 40));
        AttestationDefinition d = definitions.addTask(trainer, p.id(), new TaskCommand("Ответ на три заявки",
                "Ответьте на три обезличенные заявки прошлого месяца.", List.of(new Criterion("Вежливость", 4), new Criterion("Точность", 6))));
        AttestationDefinition.Task task = d.tasks().get(0);
        Trainee t = enrol(p, "Стажёр Практики");
        Attempt a = attestations.start(t.actor(), t.enrolment().id());
        assertThat(a.works()).singleElement().satisfies(w -> assertThat(w.text()).contains("обезличенные"));
        Attempt submitted = attestations.submit(t.actor(), a.id(), allFirst(a), Map.of(1, "Здравствуйте! ..."));
        assertThat(submitted.status()).isEqualTo(AttemptStatus.AWAITING_GRADING);
        assertThat(submitted.testScore()).isEqualByComparingTo("100");
        assertThat(refusal(() -> attestations.start(t.actor(), t.enrolment().id())).messageKey()).isEqualTo("attestation.error.awaitingGrading");
        assertThat(attestations.awaitingGrading(trainer)).extracting(Attempt::id).contains(a.id());

        long polite = task.criteria().get(0).id();
        long exact = task.criteria().get(1).id();
        UserRef otherTrainer = fx.newUser("Другой Тренер", Set.of(Role.TRAINER), Set.of());
        assertThat(refusal(() -> attestations.grade(otherTrainer.toActor(), a.id(), Map.of(polite, 4, exact, 6), null)).kind())
                .isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThat(refusal(() -> attestations.grade(t.actor(), a.id(), Map.of(polite, 4, exact, 6), null)).kind())
                .isEqualTo(DomainException.Kind.FORBIDDEN);
        DomainException tooMany = refusal(() -> attestations.grade(trainer, a.id(), Map.of(polite, 4, exact, 7), null));
        assertThat(tooMany.field()).isEqualTo("points[" + exact + "]");
        assertThat(refusal(() -> attestations.grade(trainer, a.id(), Map.of(polite, 4), null)).field()).isEqualTo("points[" + exact + "]");
        assertThat(attestations.attempt(trainer, a.id()).status()).as("nothing changed").isEqualTo(AttemptStatus.AWAITING_GRADING);

        Attempt graded = attestations.grade(trainer, a.id(), Map.of(polite, 2, exact, 3), "Точнее с регламентом");
        // test 100 × 0.6 + practical 50 × 0.4 = 80 ≥ 70
        assertThat(graded.practicalScore()).isEqualByComparingTo("50.00");
        assertThat(graded.score()).isEqualByComparingTo("80.00");
        assertThat(graded.status()).isEqualTo(AttemptStatus.PASSED);
        assertThat(graded.gradedBy()).isEqualTo(trainer.name());
        assertThat(graded.works().get(0).marks()).extracting(Attempt.Mark::points).containsExactly(2, 3);
        assertThat(enrolments.enrolment(t.actor(), t.enrolment().id()).status()).isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(certifications.of(t.user().id())).isEmpty(); // a rotation course grants no certification
        assertThat(refusal(() -> attestations.grade(trainer, a.id(), Map.of(polite, 4, exact, 6), null)).messageKey())
                .isEqualTo("attestation.error.notAwaitingGrading");
    }

    @Test
    void onlyTheTraineeTakesTheirAttemptAndOthersDoNotSeeIt() {
        ProgrammeView p = programme("Аттестация — права", 2, new Settings(2, 30, 50, 0, 0));
        Trainee t = enrol(p, "Стажёр Права");
        Trainee other = enrol(p, "Стажёр Чужой");
        assertThat(refusal(() -> attestations.start(trainer, t.enrolment().id())).kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
        assertThat(refusal(() -> attestations.start(other.actor(), t.enrolment().id())).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        Attempt a = attestations.start(t.actor(), t.enrolment().id());
        assertThat(refusal(() -> attestations.answer(trainer, a.id(), Map.of(1, "1"), Map.of())).kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
        assertThat(refusal(() -> attestations.attempt(other.actor(), a.id())).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThat(refusal(() -> attestations.submit(other.actor(), a.id(), Map.of(), Map.of())).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThat(refusal(() -> definitions.definition(t.actor(), p.id())).kind()).as("the pool holds the answers")
                .isEqualTo(DomainException.Kind.FORBIDDEN);
        assertThat(refusal(() -> attestations.answer(t.actor(), a.id(), Map.of(1, "7"), Map.of())).field()).isEqualTo("answers[1]");
        assertThat(refusal(() -> attestations.answer(t.actor(), a.id(), Map.of(1, "1,2"), Map.of())).field()).isEqualTo("answers[1]");
        assertThat(refusal(() -> attestations.answer(t.actor(), a.id(), Map.of(9, "1"), Map.of())).field()).isEqualTo("answers[9]");
        assertThat(refusal(() -> attestations.answer(t.actor(), a.id(), Map.of(), Map.of(1, "работа"))).field()).isEqualTo("works[1]");
        assertThat(attestations.attempt(t.actor(), a.id()).answered()).isZero();
    }

    @Test
    void badDefinitionsNameTheirFieldAndANewProgrammeVersionKeepsTheOldAttestation() {
        ProgrammeView p = programme("Аттестация — определение", 3, new Settings(3, 30, 80, 60, 0));
        Actor lead = fx.actor("lead");
        assertThat(refusal(() -> definitions.addQuestion(lead, p.id(), new QuestionCommand(QuestionKind.SINGLE, "?", List.of("a", "b"),
                List.of(1), null, null, 1))).kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
        Map<String, QuestionCommand> bad = Map.of(
                "kind", new QuestionCommand(null, "Вопрос", List.of("a", "b"), List.of(1), null, null, 1),
                "text", new QuestionCommand(QuestionKind.SINGLE, " ", List.of("a", "b"), List.of(1), null, null, 1),
                "options", new QuestionCommand(QuestionKind.SINGLE, "Вопрос", List.of("a"), List.of(1), null, null, 1),
                "correct", new QuestionCommand(QuestionKind.SINGLE, "Вопрос", List.of("a", "b"), List.of(1, 2), null, null, 1),
                "accepted", new QuestionCommand(QuestionKind.SHORT, "Вопрос", null, null, List.of(" "), null, 1),
                "articleId", new QuestionCommand(QuestionKind.SHORT, "Вопрос", null, null, List.of("да"), 987654321L, 1),
                "weight", new QuestionCommand(QuestionKind.SHORT, "Вопрос", null, null, List.of("да"), null, 11));
        bad.forEach((field, command) -> assertThat(refusal(() -> definitions.addQuestion(trainer, p.id(), command)).field())
                .as(field).isEqualTo(field));
        assertThat(refusal(() -> definitions.saveSettings(trainer, p.id(), new Settings(3, 30, 101, 60, 0))).field()).isEqualTo("passMark");
        assertThat(refusal(() -> definitions.addTask(trainer, p.id(), new TaskCommand("Задание", "Текст",
                List.of(new Criterion("Критерий", 0))))).field()).isEqualTo("criteria[0].maxPoints");
        AttestationDefinition before = definitions.definition(trainer, p.id());
        assertThat(before.questions()).hasSize(3);
        assertThat(before.passMark()).isEqualTo(80);
        assertThat(before.tasks()).isEmpty();

        Trainee t = enrol(p, "Стажёр Версии");
        ProgrammeCommand changed = p.toCommand();
        ProgrammeCommand twoStages = new ProgrammeCommand(changed.name(), changed.description(), changed.target(), changed.groupId(),
                changed.validityMonths(), changed.active(), List.of(new ProgrammeCommand.StageCommand(StageKind.TRAINER_SESSION, "Встреча", 1,
                null, null, List.of(), List.of("Разбор")), changed.stages().get(0)));
        ProgrammeView v2 = programmes.update(trainer, p.id(), twoStages);
        assertThat(v2.versionNumber()).isEqualTo(2);
        AttestationDefinition copied = definitions.definition(trainer, p.id());
        assertThat(copied.versionId()).isEqualTo(v2.versionId());
        assertThat(copied.questions()).extracting(AttestationDefinition.Question::text)
                .containsExactlyElementsOf(before.questions().stream().map(AttestationDefinition.Question::text).toList());
        definitions.removeQuestion(trainer, p.id(), copied.questions().get(0).id());
        definitions.saveSettings(trainer, p.id(), new Settings(2, 30, 50, 60, 0));
        // the trainee enrolled in version 1 is drawn three questions under the old rules
        Attempt a = attestations.start(t.actor(), t.enrolment().id());
        assertThat(a.items()).hasSize(3);
        assertThat(a.passMark()).isEqualTo(80);
    }
}
