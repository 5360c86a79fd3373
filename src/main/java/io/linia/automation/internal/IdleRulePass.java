package io.linia.automation.internal;

import io.linia.automation.RuleTrigger;
import io.linia.automation.internal.RuleBook.LoadedRule;
import io.linia.tickets.IdleTicket;
import io.linia.tickets.TicketService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Idle for T": every {@code linia.automation.idle-check-every} each idle rule walks, oldest first, the
 * unfinished tickets whose last activity became older than T since its previous walk. The rule's mark
 * (last activity and id looked at) moves forward by a conditional update before the rule acts on a
 * page of tickets, so with several nodes exactly one of them takes each page, and a ticket fires a
 * rule once per idle stretch (a rule's own change is not activity; a person's or customer's is, and
 * starts a new stretch).
 */
@Component
class IdleRulePass {

    private static final Logger log = LoggerFactory.getLogger(IdleRulePass.class);
    static final int PAGE = 200;

    private final RuleBook book;
    private final RuleEngine engine;
    private final AutomationRuleRepository rules;
    private final RuleRunRepository runs;
    private final TicketService tickets;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;
    private final Duration keepRuns;

    IdleRulePass(RuleBook book, RuleEngine engine, AutomationRuleRepository rules, RuleRunRepository runs,
                 TicketService tickets, PlatformTransactionManager transactions, Clock clock,
                 @Value("${linia.automation.idle-rules:true}") boolean enabled,
                 @Value("${linia.automation.keep-runs:P30D}") Duration keepRuns) {
        this.book = book;
        this.engine = engine;
        this.rules = rules;
        this.runs = runs;
        this.tickets = tickets;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.enabled = enabled;
        this.keepRuns = keepRuns;
    }

    @Scheduled(fixedDelayString = "${linia.automation.idle-check-every:PT1M}", initialDelayString = "PT20S")
    void scheduled() {
        if (!enabled) {
            return;
        }
        try {
            pass();
        } catch (RuntimeException e) {
            log.warn("Idle rules' pass failed: {}", e.toString());
        }
    }

    /** One pass of every active idle rule; returns how many times a rule changed a ticket. */
    int pass() {
        book.invalidate();
        int applied = 0;
        for (LoadedRule rule : book.active(RuleTrigger.IDLE)) {
            applied += walk(rule);
        }
        return applied;
    }

    private int walk(LoadedRule rule) {
        int applied = 0;
        Instant cutoff = clock.instant().minus(Duration.ofMinutes(rule.idleMinutes())).truncatedTo(ChronoUnit.MICROS);
        while (true) {
            AutomationRule stored = rules.findById(rule.id()).filter(AutomationRule::active).orElse(null);
            if (stored == null || !stored.idleSeenUntil().isBefore(cutoff)) {
                return applied; // gone, or walked up to this cutoff already (or T was made longer)
            }
            Instant seen = stored.idleSeenUntil();
            long seenId = stored.idleSeenId();
            List<IdleTicket> page = tickets.idle(seen, seenId, cutoff, PAGE);
            IdleTicket last = page.isEmpty() ? null : page.get(page.size() - 1);
            Instant until = last == null ? cutoff : last.lastActivity();
            long untilId = last == null ? Long.MAX_VALUE : last.id();
            Integer won = tx.execute(s -> rules.claimIdle(rule.id(), seen, seenId, until, untilId));
            if (won == null || won == 0 || last == null) {
                return applied; // another node walks this rule now, or nothing more is idle
            }
            for (IdleTicket t : page) {
                applied += engine.run(List.of(rule), t.id(), f -> !f.lastActivity().isAfter(cutoff));
            }
        }
    }

    /** The run log keeps {@code linia.automation.keep-runs} (30 days). */
    @Scheduled(cron = "${linia.automation.purge-cron:0 17 3 * * *}")
    void purge() {
        Integer n = tx.execute(s -> runs.deleteBefore(clock.instant().minus(keepRuns)));
        log.info("Automation run log: {} old entries removed", n);
    }
}
