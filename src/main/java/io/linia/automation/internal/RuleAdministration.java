package io.linia.automation.internal;

import io.linia.accounts.Actor;
import io.linia.automation.AutomationRules;
import io.linia.automation.RuleCommand;
import io.linia.automation.RuleNoticeView;
import io.linia.automation.RuleNotices;
import io.linia.automation.RuleRunView;
import io.linia.automation.RuleView;
import io.linia.shared.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class RuleAdministration implements AutomationRules, RuleNotices {

    private static final Duration STATS_WINDOW = Duration.ofDays(7);

    private final AutomationRuleRepository rules;
    private final RuleRunRepository runs;
    private final RuleNoticeRepository notices;
    private final RuleChecks checks;
    private final RuleBook book;
    private final IdleRulePass idle;
    private final Clock clock;

    RuleAdministration(AutomationRuleRepository rules, RuleRunRepository runs, RuleNoticeRepository notices,
                       RuleChecks checks, RuleBook book, IdleRulePass idle, Clock clock) {
        this.rules = rules;
        this.runs = runs;
        this.notices = notices;
        this.checks = checks;
        this.book = book;
        this.idle = idle;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- rules

    @Override
    @Transactional(readOnly = true)
    public List<RuleView> list(Actor actor) {
        requireReader(actor);
        Map<Long, RuleView.Stats> stats = stats();
        return rules.findAllByOrderByPositionAscIdAsc().stream()
                .map(r -> r.toView(stats.getOrDefault(r.id(), RuleView.Stats.NONE))).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public RuleView get(Actor actor, long id) {
        requireReader(actor);
        return find(id).toView(stats().getOrDefault(id, RuleView.Stats.NONE));
    }

    @Override
    public RuleView create(Actor actor, RuleCommand c) {
        requireEditor(actor);
        checks.check(actor, c);
        Instant now = clock.instant();
        AutomationRule rule = new AutomationRule(now);
        int position = c.position() == null ? rules.maxPosition() + 10 : c.position();
        rule.change(c.name(), c.description(), c.trigger(), c.idleMinutes(), position, c.stopAfter(), c.conditions(),
                c.actions(), c.active(), actor.name(), now);
        rule = rules.saveAndFlush(rule);
        book.invalidate();
        return rule.toView(RuleView.Stats.NONE);
    }

    @Override
    public RuleView update(Actor actor, long id, RuleCommand c) {
        requireEditor(actor);
        AutomationRule rule = find(id);
        requireVersion(rule, c.version());
        checks.check(actor, c);
        rule.change(c.name(), c.description(), c.trigger(), c.idleMinutes(),
                c.position() == null ? rule.position() : c.position(), c.stopAfter(), c.conditions(), c.actions(),
                c.active(), actor.name(), clock.instant());
        rules.flush();
        book.invalidate();
        return rule.toView(stats().getOrDefault(id, RuleView.Stats.NONE));
    }

    @Override
    public void delete(Actor actor, long id, Long version) {
        requireEditor(actor);
        AutomationRule rule = find(id);
        requireVersion(rule, version);
        rules.delete(rule);
        rules.flush();
        book.invalidate();
    }

    @Override
    @Transactional(readOnly = true)
    public List<RuleRunView> runs(Actor actor, long id, boolean failedOnly, int limit) {
        requireReader(actor);
        find(id);
        Limit l = Limit.of(Math.max(1, Math.min(limit, 500)));
        return (failedOnly ? runs.findLatestFailures(id, l) : runs.findLatest(id, l)).stream().map(RuleRun::toView).toList();
    }

    @Override
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public int runIdleRulesNow(Actor actor) {
        requireEditor(actor);
        return idle.pass();
    }

    private Map<Long, RuleView.Stats> stats() {
        Map<Long, long[]> counts = new HashMap<>();
        Map<Long, Instant> last = new HashMap<>();
        for (RuleRunRepository.Counts c : runs.countSince(clock.instant().minus(STATS_WINDOW))) {
            counts.computeIfAbsent(c.getRuleId(), k -> new long[2])[c.isOk() ? 0 : 1] += c.getCount();
            last.merge(c.getRuleId(), c.getLast(), (a, b) -> a.isAfter(b) ? a : b);
        }
        Map<Long, RuleView.Stats> out = new HashMap<>();
        counts.forEach((id, n) -> {
            RuleRun failure = n[1] == 0 ? null : runs.findLatestFailures(id, Limit.of(1)).stream().findFirst().orElse(null);
            RuleRunView f = failure == null ? null : failure.toView();
            out.put(id, new RuleView.Stats(n[0], n[1], last.get(id), f == null ? null : f.detail(), f == null ? null : f.ranAt()));
        });
        return out;
    }

    private AutomationRule find(long id) {
        return rules.findById(id).orElseThrow(() -> DomainException.notFound("automation.error.notFound", id));
    }

    private static void requireVersion(AutomationRule rule, Long version) {
        if (version != null && version != rule.version()) {
            throw DomainException.conflict("automation.error.stale", rule.name()).with("currentVersion", rule.version());
        }
    }

    private static void requireEditor(Actor actor) {
        if (!AutomationRules.canEdit(actor)) {
            throw DomainException.forbidden("automation.error.adminsOnly");
        }
    }

    private static void requireReader(Actor actor) {
        if (!AutomationRules.canRead(actor)) {
            throw DomainException.forbidden("automation.error.leadsOnly");
        }
    }

    // ---------------------------------------------------------------- notices

    @Override
    @Transactional(readOnly = true)
    public List<RuleNoticeView> mine(Actor actor, int limit) {
        requireStaff(actor);
        return notices.findLatest(actor.id(), Limit.of(Math.max(1, Math.min(limit, 200)))).stream().map(RuleNotice::toView).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public long unread(Actor actor) {
        return actor == null || !actor.isStaff() ? 0 : notices.countByRecipientIdAndReadAtIsNull(actor.id());
    }

    @Override
    public void markRead(Actor actor, long id) {
        requireStaff(actor);
        RuleNotice notice = notices.findById(id).filter(n -> n.recipientId() == actor.id())
                .orElseThrow(() -> DomainException.notFound("automation.error.noticeNotFound", id));
        notice.read(clock.instant());
    }

    @Override
    public int markAllRead(Actor actor) {
        requireStaff(actor);
        return notices.readAll(actor.id(), clock.instant());
    }

    private static void requireStaff(Actor actor) {
        if (actor == null || !actor.isStaff()) {
            throw DomainException.forbidden("linia.refusal.staffOnly");
        }
    }
}
