package io.linia.automation.internal;

import io.linia.accounts.CustomerTags;
import io.linia.accounts.Role;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.automation.RuleAction;
import io.linia.automation.RuleNoticesSent;
import io.linia.automation.internal.RuleBook.LoadedRule;
import io.linia.knowledge.CannedAnswers;
import io.linia.shared.DomainException;
import io.linia.tickets.Priority;
import io.linia.tickets.TicketAutomation;
import io.linia.tickets.TicketFacts;
import io.linia.tickets.TicketService;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs rules on a ticket: each matching rule, in order, in a transaction of its own, so that a rule
 * that fails (its group was switched off, its assignee may not work the ticket, …) is rolled back,
 * logged, recorded in its run log and skipped, and the next rule still runs.
 */
@Component
class RuleEngine {

    private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);

    private final TicketService tickets;
    private final CustomerTags customerTags;
    private final CannedAnswers canned;
    private final UserDirectory users;
    private final RuleNoticeRepository notices;
    private final RuleRunRepository runs;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;
    private final MessageSource messages;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    RuleEngine(TicketService tickets, CustomerTags customerTags, CannedAnswers canned, UserDirectory users,
               RuleNoticeRepository notices, RuleRunRepository runs, PlatformTransactionManager transactions,
               MeterRegistry meters, MessageSource messages, Clock clock,
               org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.tickets = tickets;
        this.customerTags = customerTags;
        this.canned = canned;
        this.users = users;
        this.notices = notices;
        this.runs = runs;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.meters = meters;
        this.messages = messages;
        this.clock = clock;
    }

    /** Runs the rules on the ticket; returns how many changed it (or notified someone). */
    int run(List<LoadedRule> rules, long ticketId) {
        return run(rules, ticketId, facts -> true);
    }

    /** As {@link #run(List, long)}, for tickets that still pass {@code still} (e.g. idle long enough). */
    int run(List<LoadedRule> rules, long ticketId, Predicate<TicketFacts> still) {
        if (rules.isEmpty()) {
            return 0;
        }
        Optional<TicketFacts> facts = read(ticketId);
        return facts.isEmpty() ? 0 : run(rules, facts.get(), still);
    }

    /** As above, starting from facts the caller already has (a new ticket's, from its event). */
    int run(List<LoadedRule> rules, TicketFacts facts, Predicate<TicketFacts> still) {
        if (rules.isEmpty() || !still.test(facts)) {
            return 0;
        }
        CustomerTagsOnce tagsOfCustomer = new CustomerTagsOnce(facts.customerId());
        TicketFacts t = facts;
        int applied = 0;
        for (LoadedRule rule : rules) {
            if (!RuleMatcher.matches(rule.conditions(), t, tagsOfCustomer)) {
                continue;
            }
            if (apply(rule, t)) {
                applied++;
                Optional<TicketFacts> after = read(t.id());
                if (after.isEmpty() || rule.stopAfter()) {
                    break;
                }
                t = after.get();
            }
        }
        return applied;
    }

    /**
     * The ticket as committed now, in a transaction of its own: rules run after the triggering commit,
     * when that transaction's persistence context (with the ticket as it was before the rules) may still
     * be bound to the thread.
     */
    private Optional<TicketFacts> read(long ticketId) {
        return tx.execute(s -> tickets.facts(ticketId));
    }

    /** The customer's tags, asked for at most once per run and only when a condition needs them. */
    private final class CustomerTagsOnce implements java.util.function.Supplier<Set<String>> {
        private final long customerId;
        private Set<String> tags;

        CustomerTagsOnce(long customerId) {
            this.customerId = customerId;
        }

        @Override
        public Set<String> get() {
            if (tags == null) {
                tags = customerTags.tags(customerId);
            }
            return tags;
        }
    }

    /** One rule on one ticket, all or nothing; false when it changed nothing or failed. */
    private boolean apply(LoadedRule rule, TicketFacts t) {
        try {
            Boolean changed = tx.execute(status -> {
                Instant now = clock.instant();
                TicketAutomation.Outcome outcome = tickets.automate(t.id(), automation(rule, t));
                List<String> done = new ArrayList<>(outcome.changed());
                int notified = notify(rule, t.id());
                if (notified > 0) {
                    done.add("notified " + notified);
                }
                if (done.isEmpty()) {
                    return false;
                }
                runs.save(new RuleRun(rule.id(), t.id(), now, true, String.join(", ", done)));
                return true;
            });
            if (Boolean.TRUE.equals(changed)) {
                meters.counter("linia.automation.applied", "trigger", rule.trigger().name()).increment();
                return true;
            }
            return false;
        } catch (RuntimeException e) {
            String why = e instanceof DomainException d ? explain(d) : e.toString();
            log.warn("Rule {} «{}» failed on ticket {} and was skipped: {}", rule.id(), rule.name(), t.number(), why);
            meters.counter("linia.automation.failed", "trigger", rule.trigger().name()).increment();
            try {
                tx.executeWithoutResult(s -> runs.save(new RuleRun(rule.id(), t.id(), clock.instant(), false, why)));
            } catch (RuntimeException again) {
                log.warn("Could not record the failure of rule {}: {}", rule.id(), again.toString());
            }
            return false;
        }
    }

    private TicketAutomation automation(LoadedRule rule, TicketFacts t) {
        Long group = null;
        Long category = null;
        Priority priority = null;
        Long assignee = null;
        List<String> tags = new ArrayList<>();
        StringBuilder note = new StringBuilder();
        for (RuleAction a : rule.actions()) {
            String v = a.value().strip();
            switch (a.type()) {
                case SET_GROUP -> group = Long.parseLong(v);
                case SET_CATEGORY -> category = Long.parseLong(v);
                case SET_PRIORITY -> priority = Priority.valueOf(v);
                case ADD_TAG -> tags.add(v);
                case ASSIGN -> assignee = Long.parseLong(v);
                case ADD_CANNED_NOTE -> {
                    String text = canned.renderFor(Long.parseLong(v), t.id(), rule.name())
                            .orElseThrow(() -> DomainException.invalid("value", "automation.error.cannedNotFound", v));
                    if (!note.isEmpty()) {
                        note.append("\n\n");
                    }
                    note.append(text);
                }
                case NOTIFY -> { }
            }
        }
        return new TicketAutomation(rule.name(), group, category, priority, tags, assignee, note.isEmpty() ? null : note.toString());
    }

    /** Notices for the rule's NOTIFY actions, to whom they name as the ticket stands after the rule's changes. */
    private int notify(LoadedRule rule, long ticketId) {
        List<RuleAction> notifies = rule.actions().stream().filter(a -> a.type() == RuleAction.Type.NOTIFY).toList();
        if (notifies.isEmpty()) {
            return 0;
        }
        TicketFacts t = tickets.facts(ticketId).orElseThrow();
        Instant now = clock.instant();
        int sent = 0;
        for (RuleAction a : notifies) {
            Set<Long> to = recipients(a.value().strip(), t);
            for (long recipient : to) {
                notices.save(new RuleNotice(recipient, rule.id(), rule.name(), ticketId, a.text().strip(), now));
                sent++;
            }
            if (!to.isEmpty()) {
                events.publishEvent(new RuleNoticesSent(rule.name(), ticketId, t.number(), a.text().strip(), List.copyOf(to)));
            }
        }
        return sent;
    }

    private Set<Long> recipients(String who, TicketFacts t) {
        Set<Long> ids = new LinkedHashSet<>();
        switch (who) {
            case "ASSIGNEE" -> {
                if (t.assigneeId() != null) {
                    ids.add(t.assigneeId());
                }
            }
            case "TEAM_LEADS" -> {
                List<UserRef> leads = users.staff().stream().filter(u -> u.enabled() && u.roles().contains(Role.TEAM_LEAD)).toList();
                leads.stream().filter(u -> t.groupId() != null && u.groupIds().contains(t.groupId())).forEach(u -> ids.add(u.id()));
                if (ids.isEmpty()) {
                    leads.forEach(u -> ids.add(u.id()));
                }
            }
            case "GROUP" -> users.staff().stream().filter(UserRef::enabled)
                    .filter(u -> t.groupId() == null ? u.roles().contains(Role.AGENT_L1)
                            : u.roles().contains(Role.AGENT_L2) && u.groupIds().contains(t.groupId()))
                    .forEach(u -> ids.add(u.id()));
            default -> users.user(Long.parseLong(who)).filter(UserRef::enabled).ifPresent(u -> ids.add(u.id()));
        }
        return ids;
    }

    /** The refusal in words, in the desk's own language (Russian), for the run log that admins read. */
    private String explain(DomainException e) {
        java.util.Locale ru = java.util.Locale.forLanguageTag("ru");
        try {
            Object[] args = java.util.Arrays.stream(e.args())
                    .map(a -> a instanceof String s && s.contains(".") && !s.contains(" ")
                            ? messages.getMessage(s, null, s, ru) : a)
                    .toArray();
            return messages.getMessage(e.messageKey(), args, e.messageKey(), ru);
        } catch (RuntimeException ignored) {
            return e.messageKey();
        }
    }
}
