package io.linia.recovery.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import io.linia.sla.ServiceLevels;
import io.linia.sla.SlaPolicyView;
import io.linia.support.StoreTest;
import io.linia.tickets.Line;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A desk started without the demo data still has the access-recovery queue: the group the questionnaire's tickets go
 * to, and its deadline — solved by the end of the 5th business day. Setting it up again adds nothing, and a desk's own
 * policy for the group (even one switched off) is never doubled.
 */
@StoreTest
@TestPropertySource(properties = {"linia.demo.enabled=false", "linia.admin.initial-password=correct horse battery",
        "linia.test.context=recovery-setup", "linia.test.pg.schema=ctx_recovery_setup"})
class RecoveryQueueSetupTest {

    private static final Actor ADMIN = new Actor(1, "admin", Set.of(Role.ADMIN), Set.of());

    @Autowired
    RoutingDirectory routing;
    @Autowired
    ServiceLevels levels;
    @Autowired
    RecoveryQueueSetup setup;
    @Autowired
    RecoveryDeciders deciders;

    @Test
    void withoutTheDemoTheRecoveryGroupExistsWithItsFiveBusinessDayDeadline() {
        GroupRef group = routing.groupByCode("recovery").orElseThrow();
        assertThat(group.active()).isTrue();
        assertThat(deciders.group()).map(GroupRef::id).contains(group.id());
        List<SlaPolicyView> policies = policiesOf(group.id());
        assertThat(policies).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(Line.SECOND);
            assertThat(p.resolutionDays()).isEqualTo(5);
            assertThat(p.resolutionMinutes()).isNull();
            assertThat(p.businessTime()).isTrue();
            assertThat(p.active()).isTrue();
            assertThat(p.priority()).isNull();
            assertThat(p.categoryId()).isNull();
        });

        // a second start changes nothing
        assertThat(setup.ensure()).isEqualTo(group.id());
        assertThat(policiesOf(group.id())).isEqualTo(policies);

        // the desk switches the policy off: it stays off, and no other is added
        SlaPolicyView p = policies.get(0);
        SlaPolicyView off = levels.update(ADMIN, p.id(), new io.linia.sla.SlaPolicyCommand(p.name(), p.line(), p.groupId(),
                p.priority(), p.categoryId(), p.firstResponseMinutes(), p.nextResponseMinutes(), p.resolutionMinutes(),
                p.resolutionDays(), p.businessTime(), p.calendarId(), p.raisePriority(), p.moveToGroupId(), p.notifyAssignee(),
                p.notifyUserId(), false, p.version()));
        assertThat(off.active()).isFalse();
        setup.ensure();
        assertThat(policiesOf(group.id())).singleElement().satisfies(q -> assertThat(q.active()).isFalse());
    }

    private List<SlaPolicyView> policiesOf(long groupId) {
        return levels.policies(ADMIN).stream().filter(p -> Long.valueOf(groupId).equals(p.groupId())).toList();
    }
}
