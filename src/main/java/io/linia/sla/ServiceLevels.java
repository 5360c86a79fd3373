package io.linia.sla;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.sla.internal.SlaAdministration;
import io.linia.shared.DomainException;
import io.linia.tickets.TicketNumber;
import io.linia.tickets.TicketService;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Service levels as pages, the API and other modules see them: a ticket's targets, the policies
 * (admins change them), the team lead's notices, and one evaluation pass on demand.
 */
@Service
public class ServiceLevels {

    private final SlaAdministration admin;
    private final TicketService tickets;

    ServiceLevels(SlaAdministration admin, TicketService tickets) {
        this.admin = admin;
        this.tickets = tickets;
    }

    /** The ticket's targets, current stint first; staff who may see the ticket only. */
    public List<TicketTargetView> forTicket(Actor actor, String number) {
        if (!actor.isStaff() || !tickets.isVisibleTo(actor, number)) {
            throw DomainException.notFound("linia.error.ticketNotFound", number);
        }
        return admin.targetsOf(TicketNumber.parse(number).orElseThrow());
    }

    public List<SlaPolicyView> policies(Actor actor) {
        requireStaff(actor);
        return admin.policies();
    }

    /** @throws DomainException not found */
    public SlaPolicyView policy(Actor actor, long id) {
        requireStaff(actor);
        return admin.policy(id);
    }

    /** Which policy applies to which queue, gaps and policies that never apply; staff read it. */
    public SlaCoverage coverage(Actor actor) {
        requireStaff(actor);
        return admin.coverage();
    }

    /** Admins create and change policies; everyone else on the staff reads them. */
    public boolean mayChangePolicies(Actor actor) {
        return actor.has(Role.ADMIN);
    }

    /**
     * Every refusal {@link #create}/{@link #update} would give this command for the desk's data (unknown
     * group, no target, calendar without business time…), by the command's field names; empty when it
     * can be saved. The bean-validation constraints on the command itself are the caller's to check
     * (the API with {@code @Valid}, the page with the validator). Admins only.
     */
    public Map<String, DomainException> problems(Actor actor, SlaPolicyCommand command) {
        requireAdmin(actor);
        return admin.problems(command);
    }

    public SlaPolicyView create(Actor actor, SlaPolicyCommand command) {
        requireAdmin(actor);
        return admin.create(command);
    }

    public SlaPolicyView update(Actor actor, long id, SlaPolicyCommand command) {
        requireAdmin(actor);
        return admin.update(id, command);
    }

    public List<SlaNoticeView> notices(Actor actor, int limit) {
        requireStaff(actor);
        return admin.notices(actor.id(), limit);
    }

    public long unreadNotices(Actor actor) {
        return actor.isStaff() ? admin.unread(actor.id()) : 0;
    }

    public void markNoticesRead(Actor actor) {
        requireStaff(actor);
        admin.markRead(actor.id());
    }

    /** One pass now (the job runs it every {@code linia.sla.evaluate-every}); admins and tests. */
    public EvaluationResult evaluate(Actor actor) {
        requireAdmin(actor);
        return admin.evaluate();
    }

    public record EvaluationResult(int warned, int breached, long millis) {
    }

    private static void requireStaff(Actor actor) {
        if (!actor.isStaff()) {
            throw DomainException.forbidden("linia.error.forbidden");
        }
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw DomainException.forbidden("linia.error.forbidden");
        }
    }
}
