package io.linia.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.knowledge.KnowledgeBase;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;

/** The certification register (revoke, expiry), rotation rules on given days, and the history with its CSV. */
@TrainingTest
class TrainingRegisterTest {

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
    Rotations rotations;
    @Autowired
    TrainingHistory history;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory users;
    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    RoutingDirectory routing;
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

    private EnrolmentView pass(ProgrammeView p, UserRef trainee) {
        EnrolmentView e = enrolments.enrol(lead, new EnrolmentCommand(p.id(), trainee.id(), trainer.id(), null));
        return progress.attestationPassed(e.id(), new BigDecimal("90"), "test", null);
    }

    @Test
    void aCertificationIsRevokedWithAReasonAndExpiresAtTheEndOfItsValidity() {
        ProgrammeView p = fx.create(fx.attestationOnly("Срок действия", TargetKind.FIRST_LINE, null, 1));
        UserRef expiring = fx.newAgent("Истекающий Сертификат");
        UserRef revoked = fx.newAgent("Отозванный Сертификат");
        pass(p, expiring);
        pass(p, revoked);
        CertificationView c = certifications.of(revoked.id()).get(0);
        assertThat(c.active()).isTrue();

        clock.advance(Duration.ofDays(3));
        assertThatThrownBy(() -> certifications.revoke(trainer, c.id(), "ошибки")).hasFieldOrPropertyWithValue("kind", DomainException.Kind.FORBIDDEN);
        assertThatThrownBy(() -> certifications.revoke(lead, c.id(), " ")).hasFieldOrPropertyWithValue("field", "reason");
        CertificationView r = certifications.revoke(lead, c.id(), "Грубые ошибки в ответах");
        assertThat(r.active()).isFalse();
        assertThat(r.revokedBy()).isEqualTo("Елена Морозова");
        assertThat(certifications.holds(revoked.id(), CertificationTarget.firstLine(), clock.instant())).isFalse();
        assertThat(certifications.holds(revoked.id(), CertificationTarget.firstLine(), clock.instant().minusSeconds(60))).isTrue();
        assertThatThrownBy(() -> certifications.revoke(lead, c.id(), "ещё раз")).hasFieldOrPropertyWithValue("kind", DomainException.Kind.CONFLICT);

        clock.set(Instant.parse("2026-12-23T06:59:59Z"));
        certifications.expire();
        assertThat(certifications.of(expiring.id()).get(0).expiredAt()).isNull();
        assertThat(certifications.holders(CertificationTarget.firstLine(), clock.instant())).contains(expiring.id()).doesNotContain(revoked.id());
        clock.set(Instant.parse("2026-12-23T07:00:00Z"));
        assertThat(certifications.expire()).isGreaterThanOrEqualTo(1);
        CertificationView expired = certifications.of(expiring.id()).get(0);
        assertThat(expired.expiredAt()).isEqualTo(Instant.parse("2026-12-23T07:00:00Z"));
        assertThat(expired.active()).isFalse();
        assertThat(certifications.holds(expiring.id(), CertificationTarget.firstLine(), clock.instant())).isFalse();
        // the revoked one is not expired on top
        assertThat(certifications.of(revoked.id()).get(0).expiredAt()).isNull();
        certifications.expire();
        assertThat(events.stream(CertificationChanged.class).filter(e -> e.userId() == expiring.id() || e.userId() == revoked.id()))
                .extracting(e -> e.userId() == expiring.id() ? "expiring:" + e.change() : "revoked:" + e.change())
                .containsExactly("expiring:GRANTED", "revoked:GRANTED", "revoked:REVOKED", "expiring:EXPIRED");
    }

    @Test
    void theRotationRuleListsWhoIsDueOnAGivenDayAndTheLeadEnrolsThemAllAtOnce() {
        long web = routing.groupByCode("web").orElseThrow().id();
        ProgrammeView group = fx.create(fx.attestationOnly("Веб — ротационный тест", TargetKind.GROUP, web, null));
        ProgrammeView course = fx.create(fx.attestationOnly("Ротация на первую линию", TargetKind.ROTATION, null, null));
        UserRef early = fx.newUser("Ранний Вебщик", Set.of(Role.AGENT_L2), Set.of());
        UserRef later = fx.newUser("Поздний Вебщик", Set.of(Role.AGENT_L2), Set.of());
        pass(group, early);
        clock.set(Instant.parse("2026-12-23T07:00:00Z"));
        pass(group, later);
        assertThatThrownBy(() -> rotations.create(trainer, new RotationRuleCommand("Полгода", web, 6, 2, course.id())))
                .hasFieldOrPropertyWithValue("kind", DomainException.Kind.FORBIDDEN);
        assertThatThrownBy(() -> rotations.create(lead, new RotationRuleCommand("Полгода", web, 6, 2, group.id())))
                .hasFieldOrPropertyWithValue("field", "programmeId");
        RotationRuleView rule = rotations.create(lead, new RotationRuleCommand("Полгода во второй линии", web, 6, 2, course.id()));
        List<Long> ours = List.of(early.id(), later.id());
        ruleId = rule.id();

        assertThat(dueOn(LocalDate.of(2027, 5, 22), ours)).isEmpty();
        assertThat(dueOn(LocalDate.of(2027, 5, 23), ours)).extracting(RotationDue::userId, RotationDue::since, RotationDue::dueFrom,
                RotationDue::dueBy, RotationDue::overdue).containsExactly(org.assertj.core.groups.Tuple.tuple(early.id(),
                LocalDate.of(2026, 11, 23), LocalDate.of(2027, 5, 23), LocalDate.of(2027, 7, 23), false));
        assertThat(dueOn(LocalDate.of(2027, 6, 23), ours)).extracting(RotationDue::userId).containsExactly(early.id(), later.id());
        assertThat(dueOn(LocalDate.of(2027, 7, 24), ours)).extracting(RotationDue::userId, RotationDue::overdue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(early.id(), true), org.assertj.core.groups.Tuple.tuple(later.id(), false));

        clock.set(Instant.parse("2027-06-23T07:00:00Z"));
        assertThatThrownBy(() -> rotations.enrolDue(trainer, rule.id(), trainer.id())).hasFieldOrPropertyWithValue("kind", DomainException.Kind.FORBIDDEN);
        List<EnrolmentView> enrolled = rotations.enrolDue(lead, rule.id(), trainer.id());
        assertThat(enrolled).filteredOn(e -> ours.contains(e.traineeId())).extracting(EnrolmentView::programmeId, EnrolmentView::trainerId)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(course.id(), trainer.id())).hasSize(2);
        assertThat(dueOn(LocalDate.of(2027, 6, 23), ours)).isEmpty();

        // a completed rotation starts the clock again
        EnrolmentView earlyRotation = enrolled.stream().filter(e -> e.traineeId() == early.id()).findFirst().orElseThrow();
        clock.set(Instant.parse("2027-06-24T07:00:00Z"));
        progress.attestationPassed(earlyRotation.id(), new BigDecimal("80"), "test", null);
        assertThat(dueOn(LocalDate.of(2027, 12, 23), ours)).isEmpty();
        assertThat(dueOn(LocalDate.of(2027, 12, 24), ours)).extracting(RotationDue::userId, RotationDue::lastRotation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(early.id(), LocalDate.of(2027, 6, 24)));
    }

    long ruleId;

    /** This test's people under this test's rule (the demo's rule for any group lists them too). */
    private List<RotationDue> dueOn(LocalDate day, List<Long> ours) {
        return rotations.due(lead, day).stream().filter(d -> d.ruleId() == ruleId && ours.contains(d.userId())).toList();
    }

    @Test
    void theHistoryHoldsTheWholePathAndItsCsvExactly() {
        long web = routing.groupByCode("web").orElseThrow().id();
        ProgrammeView p = fx.create(fx.attestationOnly("История — группа", TargetKind.GROUP, web, 12));
        UserRef agent = fx.newAgent("Агент С Историей");
        EnrolmentView e = enrolments.enrol(lead, new EnrolmentCommand(p.id(), agent.id(), trainer.id(), null));
        progress.attestationFailed(e.id(), new BigDecimal("60.00"), "test", null);
        clock.advance(Duration.ofDays(1));
        progress.attestationPassed(e.id(), new BigDecimal("90.5"), "test", null);
        clock.advance(Duration.ofDays(2));
        certifications.revoke(lead, certifications.of(agent.id()).get(0).id(), "Проверка, повтор");

        AgentHistory h = history.of(agent.toActor(), agent.id());
        assertThat(h.enrolments()).singleElement().satisfies(x -> {
            assertThat(x.trainerName()).isEqualTo("Павел Новиков");
            assertThat(x.stages().get(0).attestations()).extracting(a -> a.score().stripTrailingZeros().toPlainString())
                    .containsExactly("60", "90.5");
        });
        assertThat(h.certifications()).singleElement().extracting(CertificationView::revokeReason).isEqualTo("Проверка, повтор");
        assertThatThrownBy(() -> history.of(fx.actor("l1b"), agent.id())).hasFieldOrPropertyWithValue("kind", DomainException.Kind.NOT_FOUND);

        assertThat(history.csv(lead, agent.id())).isEqualTo(TrainingHistory.CSV_HEADER + "\r\n"
                + "stage,История — группа,1,GROUP:" + web + ",Павел Новиков,2026-11-23,COMPLETED,1,ATTESTATION,Аттестация,2026-11-23,"
                + "2026-11-26,2026-11-24,,,60(failed)/90.5,,,,\r\n"
                + "certification,История — группа,,GROUP:" + web + ",,,ENDED,,,,,,,,,,2026-11-24,2027-11-24,2026-11-26,"
                + "\"revoked: Проверка, повтор\"\r\n");
    }
}
