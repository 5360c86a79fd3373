package io.linia.sla.internal;

import io.linia.accounts.Role;
import io.linia.accounts.UserDirectory;
import io.linia.routing.BusinessCalendars;
import io.linia.routing.CategoryRef;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.sla.ServiceLevels.EvaluationResult;
import io.linia.sla.SlaCoverage;
import io.linia.sla.SlaNoticeView;
import io.linia.sla.SlaPolicyCommand;
import io.linia.sla.SlaPolicyView;
import io.linia.sla.TicketTargetView;
import io.linia.tickets.Line;
import io.linia.tickets.Priority;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Policies, notices and the periodic pass for {@link io.linia.sla.ServiceLevels}. On a desk without
 * policies the defaults are created at start: the seed's first-line promise (first answer within
 * 60 business minutes; 15/30/60/120 by priority), second line (first answer 4 business hours, next 8,
 * solution 3 business days). The access-recovery group's policy (solution within 5 business days) is the recovery
 * module's, set up at every start when missing.
 */
@Component
@Order(30)
public class SlaAdministration implements ApplicationRunner {

    private final SlaPolicyRepository policies;
    private final SlaNoticeRepository notices;
    private final SlaClocks clocks;
    private final RoutingDirectory routing;
    private final BusinessCalendars calendars;
    private final UserDirectory users;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    SlaAdministration(SlaPolicyRepository policies, SlaNoticeRepository notices, SlaClocks clocks, RoutingDirectory routing,
                      BusinessCalendars calendars, UserDirectory users, PlatformTransactionManager transactions, Clock clock,
                      @Value("${linia.sla.evaluate:true}") boolean enabled) {
        this.policies = policies;
        this.notices = notices;
        this.clocks = clocks;
        this.routing = routing;
        this.calendars = calendars;
        this.users = users;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(s -> {
            if (policies.count() > 0) {
                return;
            }
            for (Priority p : Priority.values()) {
                int minutes = switch (p) {
                    case URGENT -> 15;
                    case HIGH -> 30;
                    case NORMAL -> 60;
                    case LOW -> 120;
                };
                policies.save(new SlaPolicy(new SlaPolicyCommand("Первая линия — " + p.name(), Line.FIRST, null, p, null,
                        minutes, minutes, null, null, true, null, false, null, true, null)));
            }
            policies.save(new SlaPolicy(new SlaPolicyCommand("Вторая линия", Line.SECOND, null, null, null,
                    240, 480, null, 3, true, null, false, null, true, null)));
        });
    }

    @Scheduled(fixedDelayString = "${linia.sla.evaluate-every:PT30S}", initialDelayString = "${linia.sla.evaluate-every:PT30S}")
    void scheduled() {
        if (enabled) {
            clocks.evaluate();
        }
    }

    public EvaluationResult evaluate() {
        SlaClocks.Evaluation e = clocks.evaluate();
        return new EvaluationResult(e.warned(), e.breached(), e.took().toMillis());
    }

    public List<TicketTargetView> targetsOf(long ticketId) {
        return tx.execute(s -> clocks.targetsOf(ticketId));
    }

    public List<SlaPolicyView> policies() {
        return policies.findAllByOrderById().stream().map(SlaPolicy::toView).toList();
    }

    /** @throws DomainException not found */
    public SlaPolicyView policy(long id) {
        return find(id).toView();
    }

    /** @throws DomainException invalid at the first field refused (see {@link #problems}) */
    public SlaPolicyView create(SlaPolicyCommand c) {
        check(c);
        return tx.execute(s -> policies.save(new SlaPolicy(c)).toView());
    }

    /**
     * @throws DomainException invalid at a field; conflict (with {@code currentVersion}) when the policy
     *         changed since {@code c.version()} was read; not found
     */
    public SlaPolicyView update(long id, SlaPolicyCommand c) {
        check(c);
        try {
            return tx.execute(s -> {
                SlaPolicy p = find(id);
                if (c.version() != null && c.version() != p.version()) {
                    throw stale(p);
                }
                p.apply(c);
                policies.flush();
                return p.toView();
            });
        } catch (OptimisticLockingFailureException e) {
            // saved by someone else between our read and our write
            throw stale(find(id));
        }
    }

    private SlaPolicy find(long id) {
        return policies.findById(id).orElseThrow(() -> DomainException.notFound("sla.error.policyNotFound", id));
    }

    private static DomainException stale(SlaPolicy p) {
        return DomainException.conflict("sla.error.stale", p.name()).with("currentVersion", p.version());
    }

    private void check(SlaPolicyCommand c) {
        Map<String, DomainException> problems = problems(c);
        if (!problems.isEmpty()) {
            throw problems.values().iterator().next();
        }
    }

    /**
     * Every refusal of the command that needs the desk's data (groups, categories, calendars, users), by
     * the command's field names, in the form's order; empty when it can be saved. The bean-validation
     * constraints of {@link SlaPolicyCommand} (name, ranges) are checked before, by the caller.
     */
    public Map<String, DomainException> problems(SlaPolicyCommand c) {
        Map<String, DomainException> problems = new LinkedHashMap<>();
        if (c.line() == Line.FIRST && c.groupId() != null) {
            problems.put("groupId", DomainException.invalid("groupId", "sla.validation.groupOnFirstLine"));
        } else if (c.groupId() != null && routing.group(c.groupId()).isEmpty()) {
            problems.put("groupId", DomainException.invalid("groupId", "linia.error.groupNotFound", c.groupId()));
        }
        if (c.categoryId() != null && routing.category(c.categoryId()).isEmpty()) {
            problems.put("categoryId", DomainException.invalid("categoryId", "linia.error.categoryNotFound", c.categoryId()));
        }
        if (c.firstResponseMinutes() == null && c.nextResponseMinutes() == null && c.resolutionMinutes() == null
                && c.resolutionDays() == null) {
            problems.put("firstResponseMinutes", DomainException.invalid("firstResponseMinutes", "sla.validation.noTarget"));
        }
        if (c.resolutionMinutes() != null && c.resolutionDays() != null) {
            problems.put("resolutionDays", DomainException.invalid("resolutionDays", "sla.validation.minutesOrDays"));
        }
        if (c.calendarId() != null) {
            if (!c.businessTime()) {
                problems.put("calendarId", DomainException.invalid("calendarId", "sla.validation.calendarNeedsBusinessTime"));
            } else if (calendars.all().stream().noneMatch(v -> v.id() == c.calendarId())) {
                problems.put("calendarId", DomainException.invalid("calendarId", "sla.validation.calendarNotFound", c.calendarId()));
            }
        }
        if (c.moveToGroupId() != null) {
            if (routing.group(c.moveToGroupId()).filter(GroupRef::active).isEmpty()) {
                problems.put("moveToGroupId", DomainException.invalid("moveToGroupId", "linia.error.groupNotFound", c.moveToGroupId()));
            } else if (c.moveToGroupId().equals(c.groupId())) {
                problems.put("moveToGroupId", DomainException.invalid("moveToGroupId", "sla.validation.moveToSameGroup"));
            }
        }
        if (c.notifyUserId() != null && users.user(c.notifyUserId())
                .filter(u -> u.enabled() && u.roles().stream().anyMatch(Role::isStaff)).isEmpty()) {
            problems.put("notifyUserId", DomainException.invalid("notifyUserId", "sla.validation.notifyUser", c.notifyUserId()));
        }
        return problems;
    }

    /** Which policy applies to which queue and priority, and which active policies never apply (see {@link SlaCoverage}). */
    public SlaCoverage coverage() {
        List<SlaPolicy> all = policies.findAllByOrderById();
        List<SlaCoverage.QueueCoverage> queues = new ArrayList<>();
        queues.add(queueCoverage(all, Line.FIRST, null));
        for (GroupRef g : routing.activeGroups()) {
            queues.add(queueCoverage(all, Line.SECOND, g.id()));
        }
        Map<Long, Long> shadowed = new HashMap<>();
        Set<Long> dormant = new HashSet<>();
        for (SlaPolicy p : all) {
            if (!p.active()) {
                continue;
            }
            all.stream().filter(q -> q.active() && q.id() < p.id() && q.sameScope(p)).findFirst()
                    .ifPresent(q -> shadowed.put(p.id(), q.id()));
            boolean groupOff = p.groupId() != null && routing.group(p.groupId()).filter(GroupRef::active).isEmpty();
            boolean categoryOff = p.categoryId() != null && routing.category(p.categoryId()).filter(CategoryRef::active).isEmpty();
            if (groupOff || categoryOff) {
                dormant.add(p.id());
            }
        }
        return new SlaCoverage(queues, shadowed, dormant);
    }

    private static SlaCoverage.QueueCoverage queueCoverage(List<SlaPolicy> all, Line line, Long groupId) {
        Map<Priority, Long> byPriority = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            SlaPolicy.choose(all, line, groupId, p, null).ifPresent(policy -> byPriority.put(p, policy.id()));
        }
        List<Long> byCategory = all.stream()
                .filter(p -> p.active() && p.categoryId() != null && p.line() == line
                        && (p.groupId() == null || p.groupId().equals(groupId)))
                .map(SlaPolicy::id).toList();
        return new SlaCoverage.QueueCoverage(line, groupId, byPriority, byCategory);
    }

    public List<SlaNoticeView> notices(long userId, int limit) {
        return notices.findByUserIdOrderByIdDesc(userId, Limit.of(Math.max(1, Math.min(limit, 500)))).stream()
                .map(SlaNotice::toView).toList();
    }

    public long unread(long userId) {
        return notices.countByUserIdAndReadAtIsNull(userId);
    }

    public void markRead(long userId) {
        tx.executeWithoutResult(s -> notices.findByUserIdAndReadAtIsNull(userId).forEach(n -> n.read(clock.instant())));
    }
}
