package io.linia.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Actor;
import io.linia.accounts.AgentShifts;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.knowledge.KnowledgeBase;
import io.linia.recovery.requests.RecoveryDeciders;
import io.linia.routing.RoutingDirectory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a certification from training entitles to: a passed group programme puts the group among the agent's
 * certified groups (which "next ticket", the roster and who is on shift read) and, for the access-recovery
 * group, lets the agent decide on recovery requests; a revocation takes both away at once.
 */
@TrainingTest
class CertificationSyncTest {

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
    AgentShifts shifts;
    @Autowired
    RecoveryDeciders deciders;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory users;
    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    RoutingDirectory routing;

    TrainingFixtures fx;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-11-23T07:00:00Z"));
        fx = new TrainingFixtures(administration, users, knowledge, programmes);
    }

    @Test
    void passingTheRecoveryProgrammeCertifiesForAssignmentAndRecoveryDecisionsAndRevokingTakesItAway() {
        long recovery = routing.groupByCode("recovery").orElseThrow().id();
        ProgrammeView p = fx.create(fx.attestationOnly("Восстановление доступа — допуск", TargetKind.GROUP, recovery, 12));
        UserRef agent = fx.newUser("Новый Специалист Восстановления", Set.of(Role.AGENT_L2), Set.of(recovery));
        Actor lead = fx.actor("lead");
        assertThat(shifts.certifiedGroups(agent.id())).doesNotContain(recovery);
        assertThat(deciders.mayDecide(agent.toActor())).isFalse();

        EnrolmentView e = enrolments.enrol(lead, new EnrolmentCommand(p.id(), agent.id(), fx.actor("trainer").id(), null));
        progress.attestationPassed(e.id(), new BigDecimal("92"), "test", null);

        assertThat(shifts.certifiedGroups(agent.id())).contains(recovery);
        assertThat(deciders.trained(agent.id(), recovery)).isTrue();
        assertThat(deciders.mayDecide(agent.toActor())).isTrue();
        assertThat(deciders.active(agent.id())).as("no hand-granted certification needed").isEmpty();

        certifications.revoke(lead, certifications.of(agent.id()).get(0).id(), "Ошибка в решении о восстановлении");

        assertThat(shifts.certifiedGroups(agent.id())).doesNotContain(recovery);
        assertThat(deciders.mayDecide(agent.toActor())).isFalse();
    }
}
