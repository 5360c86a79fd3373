package io.linia.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.accounts.Actor;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.knowledge.KnowledgeBase;
import io.linia.shared.DomainException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;

/**
 * Stages in order, none skipped, each complete only when its rule holds; counted stages through the progress
 * seam; the attestation result; completion grants the certification with its validity; reading is tracked.
 */
@TrainingTest
class TrainingProgressionTest {

    @Autowired
    TrainingTest.TrainingClock clock;
    @Autowired
    TrainingProgrammes programmes;
    @Autowired
    Enrolments enrolments;
    @Autowired
    TrainingProgress progress;
    @Autowired
    Certifications certifications;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory users;
    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    ApplicationEvents events;

    TrainingFixtures fx;
    Actor lead;
    Actor trainer;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-11-23T07:00:00Z"));
        fx = new TrainingFixtures(administration, users, knowledge, programmes);
        lead = fx.actor("lead");
        trainer = fx.actor("trainer");
    }

    private EnrolmentView enrol(ProgrammeView p, UserRef trainee) {
        return enrolments.enrol(lead, new EnrolmentCommand(p.id(), trainee.id(), trainer.id(), null));
    }

    @Test
    void stagesGoInOrderAndEachCompletesOnlyWhenItsRuleHolds() {
        ProgrammeView p = fx.create(fx.fiveStages("Первая линия — порядок", TargetKind.FIRST_LINE, null, 24));
        UserRef agent = fx.newAgent("Порядок Этапов");
        Actor me = agent.toActor();
        EnrolmentView e = enrol(p, agent);
        assertThat(e.currentPosition()).isEqualTo(1);
        assertThat(e.stages()).extracting(EnrolmentView.StageProgress::dueDate).containsExactly(LocalDate.of(2026, 11, 28),
                LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 10));
        assertThat(events.stream(StageStarted.class).filter(s -> s.enrolmentId() == e.id())).extracting(StageStarted::kind)
                .containsExactly(StageKind.STUDY);

        // no skipping: the checklist, counted work and the attestation do nothing while studying
        long firstItem = e.stages().get(1).checklist().get(0).itemId();
        assertThatThrownBy(() -> enrolments.tick(trainer, e.id(), firstItem)).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", "training.error.notCurrentStage");
        assertThat(progress.record(agent.id(), StageKind.SHADOWING, ActivityCount.tickets(5, "X"), "test")).isEmpty();
        assertThatThrownBy(() -> progress.attestationPassed(e.id(), BigDecimal.TEN, "test", null))
                .hasFieldOrPropertyWithValue("messageKey", "training.error.notAttestationStage");

        // study: both materials, opened then done
        long m1 = e.stages().get(0).materials().get(0).materialId();
        long m2 = e.stages().get(0).materials().get(1).materialId();
        assertThat(e.stages().get(0).materials().get(1).title()).isEqualTo("Вторая статья");
        assertThatThrownBy(() -> enrolments.markDone(me, e.id(), m1)).hasFieldOrPropertyWithValue("messageKey", "training.error.notOpened");
        enrolments.open(me, e.id(), m1);
        assertThat(enrolments.markDone(me, e.id(), m1).currentPosition()).isEqualTo(1);
        enrolments.open(me, e.id(), m2);
        EnrolmentView afterStudy = enrolments.markDone(me, e.id(), m2);
        assertThat(afterStudy.currentPosition()).isEqualTo(2);
        assertThat(afterStudy.stages().get(0).completedAt()).isEqualTo(clock.instant());

        // trainer session: only the trainer ticks, and only every item completes it
        assertThatThrownBy(() -> enrolments.tick(me, e.id(), firstItem)).hasFieldOrPropertyWithValue("messageKey", "training.error.trainerOnly");
        assertThat(enrolments.tick(trainer, e.id(), firstItem).currentPosition()).isEqualTo(2);
        EnrolmentView afterSession = enrolments.tick(trainer, e.id(), e.stages().get(1).checklist().get(1).itemId());
        assertThat(afterSession.currentPosition()).isEqualTo(3);
        assertThat(afterSession.stages().get(1).checklist()).allMatch(c -> "Павел Новиков".equals(c.tickedBy()));

        // shadowing: 2 tickets; supervised work does not count now
        assertThat(progress.record(agent.id(), StageKind.SUPERVISED_WORK, ActivityCount.tickets(3, "X"), "test")).isEmpty();
        assertThat(progress.record(agent.id(), StageKind.SHADOWING, ActivityCount.tickets(1, "000101"), "test")).get()
                .extracting(EnrolmentView::currentPosition).isEqualTo(3);
        assertThat(progress.currentStage(agent.id())).get().extracting(TraineeStage::kind, TraineeStage::trainerId)
                .containsExactly(StageKind.SHADOWING, trainer.id());
        assertThat(progress.traineesIn(trainer.id(), StageKind.SHADOWING)).extracting(TraineeStage::traineeId).contains(agent.id());
        assertThat(progress.record(agent.id(), StageKind.SHADOWING, ActivityCount.tickets(1, "000102"), "test")).get()
                .extracting(EnrolmentView::currentPosition).isEqualTo(4);

        // supervised: one hour, in minutes
        EnrolmentView at59 = progress.record(agent.id(), StageKind.SUPERVISED_WORK, ActivityCount.minutes(59, null), "test").orElseThrow();
        assertThat(at59.currentPosition()).isEqualTo(4);
        assertThat(at59.current().orElseThrow().counted()).isZero();
        assertThatThrownBy(() -> progress.record(me, e.id(), ActivityCount.minutes(1, null)))
                .hasFieldOrPropertyWithValue("messageKey", "training.error.trainerOnly");
        assertThat(progress.record(trainer, e.id(), ActivityCount.minutes(1, null)).currentPosition()).isEqualTo(5);

        // attestation: a failed attempt keeps the stage, a pass completes the enrolment and certifies
        assertThat(progress.attestationFailed(e.id(), new BigDecimal("55.5"), "Аттестация", null).status()).isEqualTo(EnrolmentStatus.ACTIVE);
        assertThat(certifications.holds(agent.id(), CertificationTarget.firstLine(), clock.instant())).isFalse();
        clock.advance(Duration.ofHours(1));
        EnrolmentView done = progress.attestationPassed(e.id(), new BigDecimal("87"), "Аттестация", "хорошо");
        assertThat(done.status()).isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(done.currentPosition()).isZero();
        assertThat(done.stages().get(4).attestations()).extracting(EnrolmentView.AttestationResult::passed).containsExactly(false, true);
        assertThat(events.stream(EnrolmentCompleted.class).filter(c -> c.enrolmentId() == e.id())).hasSize(1);

        Instant granted = clock.instant();
        assertThat(certifications.holds(agent.id(), CertificationTarget.firstLine(), granted)).isTrue();
        assertThat(certifications.holds(agent.id(), CertificationTarget.firstLine(), granted.minusSeconds(1))).isFalse();
        CertificationView c = certifications.of(agent.id()).get(0);
        assertThat(c.validUntil()).isEqualTo(Instant.parse("2028-11-23T08:00:00Z"));
        assertThat(certifications.holds(agent.id(), CertificationTarget.firstLine(), Instant.parse("2028-11-23T07:59:59Z"))).isTrue();
        assertThat(certifications.holds(agent.id(), CertificationTarget.firstLine(), Instant.parse("2028-11-23T08:00:00Z"))).isFalse();
        assertThat(events.stream(CertificationChanged.class).filter(x -> x.userId() == agent.id()))
                .extracting(CertificationChanged::change).containsExactly(CertificationChanged.Change.GRANTED);
    }

    @Test
    void readingCountsTimeBetweenHeartbeatsUpToTheCap() {
        ProgrammeView p = fx.create(fx.fiveStages("Чтение", TargetKind.FIRST_LINE, null, null));
        UserRef agent = fx.newAgent("Читатель Материалов");
        EnrolmentView e = enrol(p, agent);
        long m = e.stages().get(0).materials().get(0).materialId();
        Instant opened = clock.instant();
        assertThat(enrolments.open(agent.toActor(), e.id(), m).openedAt()).isEqualTo(opened);
        clock.advance(Duration.ofSeconds(30));
        assertThat(enrolments.heartbeat(agent.toActor(), e.id(), m).secondsSpent()).isEqualTo(30);
        clock.advance(Duration.ofMinutes(20));
        assertThat(enrolments.heartbeat(agent.toActor(), e.id(), m).secondsSpent()).isEqualTo(90);
        clock.advance(Duration.ofSeconds(15));
        EnrolmentView.MaterialProgress reopened = enrolments.open(agent.toActor(), e.id(), m);
        assertThat(reopened.openedAt()).isEqualTo(opened);
        assertThat(reopened.secondsSpent()).isEqualTo(90);
        // another agent, even the trainer, does not read for the trainee
        assertThatThrownBy(() -> enrolments.open(trainer, e.id(), m)).hasFieldOrPropertyWithValue("messageKey", "training.error.traineeOnly");
        assertThatThrownBy(() -> enrolments.open(fx.actor("l1b"), e.id(), m)).hasFieldOrPropertyWithValue("kind", DomainException.Kind.NOT_FOUND);
        EnrolmentView seen = enrolments.enrolment(lead, e.id());
        assertThat(seen.stages().get(0).materials().get(0).secondsSpent()).isEqualTo(90);
        assertThat(seen.stages().get(0).materials().get(1).openedAt()).isNull();
    }

    @Test
    void aChangeAfterEnrolmentMakesANewVersionAndLeavesTheEnrolledRecordAsItWas() {
        ProgrammeView p = fx.create(fx.fiveStages("Версии", TargetKind.FIRST_LINE, null, 12));
        // nobody enrolled yet: the draft changes in place
        ProgrammeCommand renamed = withStageTitle(p.toCommand(), 0, "Изучение материалов");
        ProgrammeView same = programmes.update(trainer, p.id(), renamed);
        assertThat(same.versionNumber()).isEqualTo(1);
        assertThat(same.stages().get(0).title()).isEqualTo("Изучение материалов");

        UserRef first = fx.newAgent("Первый По Версии");
        EnrolmentView e1 = enrol(p, first);
        enrolments.open(first.toActor(), e1.id(), e1.stages().get(0).materials().get(0).materialId());

        ProgrammeCommand changed = withStageTitle(same.toCommand(), 0, "Изучение — новая редакция");
        ProgrammeView v2 = programmes.update(trainer, p.id(), changed);
        assertThat(v2.versionNumber()).isEqualTo(2);
        assertThat(v2.stages().get(0).title()).isEqualTo("Изучение — новая редакция");
        assertThat(programmes.versions(trainer, p.id())).extracting(VersionView::number, VersionView::enrolments)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 0L), org.assertj.core.groups.Tuple.tuple(1, 1L));
        assertThat(programmes.version(trainer, p.id(), 1).stages().get(0).title()).isEqualTo("Изучение материалов");

        EnrolmentView still = enrolments.enrolment(lead, e1.id());
        assertThat(still.versionNumber()).isEqualTo(1);
        assertThat(still.stages().get(0).title()).isEqualTo("Изучение материалов");
        assertThat(still.stages().get(0).materials().get(0).openedAt()).isNotNull();

        UserRef second = fx.newAgent("Второй По Версии");
        assertThat(enrol(p, second).versionNumber()).isEqualTo(2);
        // the same definition again changes nothing
        assertThat(programmes.update(trainer, p.id(), changed).latestVersionNumber()).isEqualTo(2);
    }

    @Test
    void onlyTeamLeadsEnrolOnlyAdminsAndTrainersEditAndAnAgentSeesOnlyTheirOwn() {
        ProgrammeCommand command = fx.fiveStages("Права", TargetKind.FIRST_LINE, null, null);
        assertThatThrownBy(() -> programmes.create(lead, command)).hasFieldOrPropertyWithValue("kind", DomainException.Kind.FORBIDDEN);
        assertThatThrownBy(() -> programmes.create(fx.actor("l1"), command)).hasFieldOrPropertyWithValue("kind", DomainException.Kind.FORBIDDEN);
        ProgrammeView p = programmes.create(fx.actor("admin"), command);
        UserRef agent = fx.newAgent("Права Агента");
        for (String login : List.of("trainer", "admin", "l1")) {
            assertThatThrownBy(() -> enrolments.enrol(fx.actor(login), new EnrolmentCommand(p.id(), agent.id(), trainer.id(), null)))
                    .as(login).hasFieldOrPropertyWithValue("kind", DomainException.Kind.FORBIDDEN);
        }
        EnrolmentView e = enrol(p, agent);
        assertThatThrownBy(() -> enrol(p, agent)).hasFieldOrPropertyWithValue("messageKey", "training.error.alreadyEnrolled");
        assertThatThrownBy(() -> enrolments.enrol(lead, new EnrolmentCommand(p.id(), agent.id(), fx.actor("l1").id(), null)))
                .hasFieldOrPropertyWithValue("field", "trainerId");
        assertThatThrownBy(() -> enrolments.enrol(lead, new EnrolmentCommand(p.id(), lead.id(), trainer.id(), null)))
                .hasFieldOrPropertyWithValue("field", "traineeId");

        assertThat(enrolments.mine(agent.toActor())).extracting(EnrolmentView::id).containsExactly(e.id());
        assertThat(enrolments.enrolment(agent.toActor(), e.id()).id()).isEqualTo(e.id());
        assertThat(enrolments.trainees(trainer)).extracting(EnrolmentView::id).contains(e.id());
        assertThat(enrolments.overview(lead)).extracting(EnrolmentView::id).contains(e.id());
        Actor other = fx.actor("l1b");
        assertThatThrownBy(() -> enrolments.enrolment(other, e.id())).hasFieldOrPropertyWithValue("kind", DomainException.Kind.NOT_FOUND);
        assertThat(enrolments.mine(other)).extracting(EnrolmentView::id).doesNotContain(e.id());
        assertThatThrownBy(() -> enrolments.overview(other)).hasFieldOrPropertyWithValue("kind", DomainException.Kind.FORBIDDEN);
    }

    @Test
    void aLateStageIsFlaggedAndTheLeadMovesItsDeadline() {
        ProgrammeView p = fx.create(fx.fiveStages("Сроки", TargetKind.FIRST_LINE, null, null));
        UserRef agent = fx.newAgent("Опоздавший Стажёр");
        EnrolmentView e = enrol(p, agent);
        clock.advance(Duration.ofDays(6));
        EnrolmentView late = enrolments.enrolment(lead, e.id());
        assertThat(late.late()).isTrue();
        assertThat(enrolments.overview(lead).get(0).late()).isTrue();
        assertThatThrownBy(() -> enrolments.setDueDate(trainer, e.id(), 1, LocalDate.of(2026, 12, 5)))
                .hasFieldOrPropertyWithValue("kind", DomainException.Kind.FORBIDDEN);
        assertThatThrownBy(() -> enrolments.setDueDate(lead, e.id(), 1, LocalDate.of(2026, 11, 20)))
                .hasFieldOrPropertyWithValue("field", "dueDate");
        assertThat(enrolments.setDueDate(lead, e.id(), 1, LocalDate.of(2026, 12, 5)).late()).isFalse();
    }

    @Test
    void programmeDefinitionsAreCheckedFieldByField() {
        ProgrammeCommand ok = fx.fiveStages("Проверки", TargetKind.FIRST_LINE, null, null);
        assertThatThrownBy(() -> programmes.create(trainer, new ProgrammeCommand("Группа", null, TargetKind.GROUP, 999999L, null, true, ok.stages())))
                .hasFieldOrPropertyWithValue("field", "groupId");
        ProgrammeCommand.StageCommand noMinimum = new ProgrammeCommand.StageCommand(StageKind.SHADOWING, "Наблюдение", 3, null,
                MinimumUnit.TICKETS, List.of(), List.of());
        assertThatThrownBy(() -> programmes.create(trainer, new ProgrammeCommand("Без минимума", null, TargetKind.FIRST_LINE, null, null,
                true, List.of(ok.stages().get(0), noMinimum)))).hasFieldOrPropertyWithValue("field", "stages[1].minimumAmount");
        ProgrammeCommand.StageCommand badArticle = new ProgrammeCommand.StageCommand(StageKind.STUDY, "Изучение", 3, null, null,
                List.of(new ProgrammeCommand.MaterialCommand(ok.stages().get(0).materials().get(0).articleId(), null, null),
                        new ProgrammeCommand.MaterialCommand(99999999L, null, null)), List.of());
        assertThatThrownBy(() -> programmes.create(trainer, new ProgrammeCommand("Нет статьи", null, TargetKind.FIRST_LINE, null, null,
                true, List.of(badArticle)))).hasFieldOrPropertyWithValue("field", "stages[0].materials[1].articleId");
        ProgrammeCommand.StageCommand emptyChecklist = new ProgrammeCommand.StageCommand(StageKind.TRAINER_SESSION, "Встреча", 3, null,
                null, List.of(), List.of());
        assertThatThrownBy(() -> programmes.create(trainer, new ProgrammeCommand("Пустой список", null, TargetKind.FIRST_LINE, null, null,
                true, List.of(emptyChecklist)))).hasFieldOrPropertyWithValue("field", "stages[0].checklist");
        ProgrammeView p = programmes.create(trainer, ok);
        assertThatThrownBy(() -> programmes.update(trainer, p.id(), new ProgrammeCommand("Проверки", null, TargetKind.ROTATION, null, null,
                true, ok.stages()))).hasFieldOrPropertyWithValue("field", "target");
    }

    @Test
    void documentsAreRecognisedByTheirBytesAndLimitedInSize() {
        byte[] pdf = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        DocumentView doc = programmes.upload(trainer, "Регламент.pdf", pdf);
        assertThat(doc.contentType()).isEqualTo("application/pdf");
        assertThat(programmes.document(fx.actor("l1"), doc.id()).content()).isEqualTo(pdf);
        assertThat(programmes.upload(trainer, "памятка.md", "# Памятка\nОтвечайте вежливо.".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .contentType()).isEqualTo("text/markdown");
        assertThatThrownBy(() -> programmes.upload(trainer, "virus.pdf.exe", new byte[]{0x4D, 0x5A, 0, 0}))
                .hasFieldOrPropertyWithValue("messageKey", "training.error.fileType");
        assertThatThrownBy(() -> programmes.upload(trainer, "big.txt", new byte[10 * 1024 * 1024 + 1]))
                .hasFieldOrPropertyWithValue("messageKey", "training.error.fileTooLarge");
        assertThatThrownBy(() -> programmes.upload(lead, "Регламент.pdf", pdf)).hasFieldOrPropertyWithValue("kind", DomainException.Kind.FORBIDDEN);
        // a document is a study material like an article
        ProgrammeView p = fx.create(new ProgrammeCommand("С документом", null, TargetKind.ROTATION, null, null, true, List.of(
                new ProgrammeCommand.StageCommand(StageKind.STUDY, "Регламент", 1, null, null,
                        List.of(new ProgrammeCommand.MaterialCommand(null, doc.id(), null)), List.of()))));
        assertThat(p.stages().get(0).materials().get(0).title()).isEqualTo("Регламент.pdf");
        UserRef agent = fx.newAgent("Читатель Документа");
        EnrolmentView e = enrol(p, agent);
        long m = e.stages().get(0).materials().get(0).materialId();
        enrolments.open(agent.toActor(), e.id(), m);
        EnrolmentView done = enrolments.markDone(agent.toActor(), e.id(), m);
        assertThat(done.status()).isEqualTo(EnrolmentStatus.COMPLETED);
        // a rotation course grants no certification
        assertThat(certifications.of(agent.id())).isEmpty();
    }

    private static ProgrammeCommand withStageTitle(ProgrammeCommand c, int index, String title) {
        List<ProgrammeCommand.StageCommand> stages = new java.util.ArrayList<>(c.stages());
        ProgrammeCommand.StageCommand s = stages.get(index);
        stages.set(index, new ProgrammeCommand.StageCommand(s.kind(), title, s.suggestedDays(), s.minimumAmount(), s.minimumUnit(),
                s.materials(), s.checklist()));
        return new ProgrammeCommand(c.name(), c.description(), c.target(), c.groupId(), c.validityMonths(), c.active(), stages);
    }
}
