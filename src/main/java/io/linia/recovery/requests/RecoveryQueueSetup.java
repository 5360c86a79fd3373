package io.linia.recovery.requests;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.routing.GroupCommand;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingAdministration;
import io.linia.routing.RoutingDirectory;
import io.linia.sla.ServiceLevels;
import io.linia.sla.SlaPolicyCommand;
import io.linia.tickets.Line;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes sure, at every start, that the access-recovery queue exists and has its deadline — on any desk, not only the
 * demo: the second-line group of {@code linia.recovery.requests.group-code} (created as «Восстановление доступа» when
 * the desk has no group with that code, so the public questionnaire has somewhere to go), and an SLA policy for that
 * group's tickets: solved by the end of the 5th business day (the default calendar), first answer within 8 business
 * hours. When any policy already names the group — an admin's own, or one they switched off — nothing is added: the
 * desk's choice stands. Runs after the SLA defaults of an empty desk ({@code @Order(30)}).
 */
@Component
@Order(40)
class RecoveryQueueSetup implements ApplicationRunner {

    /** The recovery deadline the issue sets: five business days. */
    static final int RESOLUTION_DAYS = 5;
    /** The first answer on a recovery ticket: one business day of 8 hours (the second line's usual next answer). */
    static final int FIRST_RESPONSE_MINUTES = 480;

    private static final Logger log = LoggerFactory.getLogger(RecoveryQueueSetup.class);
    /** Who sets the queue up: the system with the administrator's right to change policies. */
    private static final Actor SETUP = new Actor(Actor.system().id(), "Linia", Set.of(Role.ADMIN), Set.of());

    private final RoutingDirectory routing;
    private final RoutingAdministration groups;
    private final ServiceLevels levels;
    private final RecoveryRequestProperties settings;
    private final TransactionTemplate tx;

    RecoveryQueueSetup(RoutingDirectory routing, RoutingAdministration groups, ServiceLevels levels,
                       RecoveryRequestProperties settings, PlatformTransactionManager transactions) {
        this.routing = routing;
        this.groups = groups;
        this.levels = levels;
        this.settings = settings;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(s -> ensure());
    }

    /** The group and its policy, each created only when missing; the group's id. */
    long ensure() {
        GroupRef group = routing.groupByCode(settings.groupCode()).orElseGet(() -> {
            log.info("No support group '{}' for access recovery: creating it", settings.groupCode());
            return groups.createGroup(new GroupCommand(settings.groupCode(), "Восстановление доступа", "Access recovery",
                    "Восстановление доступа к ящику: только владельцу, по проверке владения (анкета, оценка, решение).", true));
        });
        boolean covered = levels.policies(SETUP).stream().anyMatch(p -> Long.valueOf(group.id()).equals(p.groupId()));
        if (!covered) {
            log.info("No SLA policy for the access-recovery group: solved within {} business days", RESOLUTION_DAYS);
            levels.create(SETUP, new SlaPolicyCommand("Восстановление доступа", Line.SECOND, group.id(), null, null,
                    FIRST_RESPONSE_MINUTES, FIRST_RESPONSE_MINUTES, null, RESOLUTION_DAYS, true, null, false, null, true, null));
        }
        return group.id();
    }
}
