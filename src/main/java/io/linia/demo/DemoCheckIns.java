package io.linia.demo;

import io.linia.accounts.AgentShifts;
import io.linia.accounts.ShiftChanged;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo check-ins ({@code linia.demo.agents-on-shift}, on by default): a demo agent whom the published
 * roster takes off shift checks in again at once, as an agent staying for an unplanned shift would, so
 * someone trying the demo at any hour still finds agents to take tickets. Their open tickets have gone
 * back to the queue as at any shift end, and the attendance log shows both changes (by the roster, then
 * by the agent). Only the demo's own agents, only while the demo is on; with the setting off the roster
 * alone drives them as it drives everybody else.
 */
@Component
class DemoCheckIns {

    private static final Logger log = LoggerFactory.getLogger(DemoCheckIns.class);
    /** The demo's agents (DemoData): logins of the first- and second-line people it puts on shift. */
    static final Set<String> AGENTS = Set.of("l1", "l1b", "l2", "l2web", "l2mail", "trainer");

    private final AgentShifts shifts;
    private final UserDirectory users;
    private final TransactionTemplate tx;
    private final boolean enabled;

    DemoCheckIns(AgentShifts shifts, UserDirectory users, PlatformTransactionManager transactions,
                 @Value("${linia.demo.enabled:true}") boolean demo, @Value("${linia.demo.agents-on-shift:true}") boolean agentsOnShift) {
        this.shifts = shifts;
        this.users = users;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.enabled = demo && agentsOnShift;
    }

    /** After the shift end's own work (tickets back to the queue), which listens at the same phase. */
    @Order(Ordered.LOWEST_PRECEDENCE)
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(ShiftChanged event) {
        if (!enabled || event.onShift() || event.source() != ShiftChanged.Source.SCHEDULE) {
            return;
        }
        UserRef agent = users.user(event.userId()).filter(u -> AGENTS.contains(u.login()) && u.enabled()).orElse(null);
        if (agent == null) {
            return;
        }
        try {
            tx.executeWithoutResult(s -> shifts.changeShift(agent.toActor(), agent.id(), true));
            log.info("Demo check-in: {} stays on shift after the roster took them off (linia.demo.agents-on-shift)", agent.login());
        } catch (RuntimeException e) {
            log.warn("Demo check-in of {} failed: {}", agent.login(), e.toString());
        }
    }
}
