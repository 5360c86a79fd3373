package io.linia.sla.internal;

import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.sla.ServiceLevels.EvaluationResult;
import io.linia.sla.SlaNoticeView;
import io.linia.sla.SlaPolicyCommand;
import io.linia.sla.SlaPolicyView;
import io.linia.sla.TicketTargetView;
import io.linia.tickets.Line;
import io.linia.tickets.Priority;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Policies, notices and the periodic pass for {@link io.linia.sla.ServiceLevels}. On a desk without
 * policies the defaults are created at start: the seed's first-line promise (first answer within
 * 60 business minutes; 15/30/60/120 by priority), second line (first answer 4 business hours, next 8,
 * solution 3 business days) and access recovery (solution within 5 business days).
 */
@Component
@Order(30)
public class SlaAdministration implements ApplicationRunner {

    private final SlaPolicyRepository policies;
    private final SlaNoticeRepository notices;
    private final SlaClocks clocks;
    private final RoutingDirectory routing;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    SlaAdministration(SlaPolicyRepository policies, SlaNoticeRepository notices, SlaClocks clocks, RoutingDirectory routing,
                      PlatformTransactionManager transactions, Clock clock,
                      @Value("${linia.sla.evaluate:true}") boolean enabled) {
        this.policies = policies;
        this.notices = notices;
        this.clocks = clocks;
        this.routing = routing;
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
            routing.groupByCode("recovery").map(GroupRef::id).ifPresent(g -> policies.save(new SlaPolicy(new SlaPolicyCommand(
                    "Восстановление доступа", Line.SECOND, g, null, null, 480, 480, null, 5, true, null, false, null, true, null))));
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

    public SlaPolicyView create(SlaPolicyCommand c) {
        validate(c);
        return tx.execute(s -> policies.save(new SlaPolicy(c)).toView());
    }

    public SlaPolicyView update(long id, SlaPolicyCommand c) {
        validate(c);
        return tx.execute(s -> {
            SlaPolicy p = policies.findById(id).orElseThrow(() -> DomainException.notFound("sla.error.policyNotFound", id));
            if (c.version() != null && c.version() != p.version()) {
                throw DomainException.conflict("sla.error.stale", p.name()).with("currentVersion", p.version());
            }
            p.apply(c);
            policies.flush();
            return p.toView();
        });
    }

    private void validate(SlaPolicyCommand c) {
        if (c.firstResponseMinutes() == null && c.nextResponseMinutes() == null && c.resolutionMinutes() == null
                && c.resolutionDays() == null) {
            throw DomainException.invalid("firstResponseMinutes", "sla.validation.noTarget");
        }
        if (c.resolutionMinutes() != null && c.resolutionDays() != null) {
            throw DomainException.invalid("resolutionDays", "sla.validation.minutesOrDays");
        }
        if (c.groupId() != null && routing.group(c.groupId()).isEmpty()) {
            throw DomainException.invalid("groupId", "linia.error.groupNotFound", c.groupId());
        }
        if (c.moveToGroupId() != null && routing.group(c.moveToGroupId()).filter(GroupRef::active).isEmpty()) {
            throw DomainException.invalid("moveToGroupId", "linia.error.groupNotFound", c.moveToGroupId());
        }
        if (c.categoryId() != null && routing.category(c.categoryId()).isEmpty()) {
            throw DomainException.invalid("categoryId", "linia.error.categoryNotFound", c.categoryId());
        }
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
