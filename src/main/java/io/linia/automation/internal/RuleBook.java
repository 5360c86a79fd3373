package io.linia.automation.internal;

import io.linia.automation.RuleAction;
import io.linia.automation.RuleCondition;
import io.linia.automation.RuleTrigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The active rules, read once and kept: the ticket path must not query the rules table on every
 * event. A change on this node takes effect at once; one made on another node within
 * {@code linia.automation.reload-every} (default 10 s).
 */
@Component
class RuleBook {

    /** A rule as the engine runs it. */
    record LoadedRule(long id, String name, RuleTrigger trigger, Integer idleMinutes, boolean stopAfter,
                      List<RuleCondition> conditions, List<RuleAction> actions) {
    }

    private record Snapshot(Instant loadedAt, Map<RuleTrigger, List<LoadedRule>> byTrigger) {
    }

    private final AutomationRuleRepository rules;
    private final Clock clock;
    private final Duration reloadEvery;
    private final boolean enabled;
    private volatile Snapshot snapshot;

    RuleBook(AutomationRuleRepository rules, Clock clock,
             @Value("${linia.automation.reload-every:PT10S}") Duration reloadEvery,
             @Value("${linia.automation.enabled:true}") boolean enabled) {
        this.rules = rules;
        this.clock = clock;
        this.reloadEvery = reloadEvery;
        this.enabled = enabled;
    }

    /** The active rules of a trigger in running order; none at all while {@code linia.automation.enabled} is false. */
    List<LoadedRule> active(RuleTrigger trigger) {
        if (!enabled) {
            return List.of();
        }
        Snapshot s = snapshot;
        if (s == null || s.loadedAt().plus(reloadEvery).isBefore(clock.instant())) {
            s = load();
        }
        return s.byTrigger().getOrDefault(trigger, List.of());
    }

    void invalidate() {
        snapshot = null;
    }

    @Transactional(readOnly = true)
    synchronized Snapshot load() {
        Map<RuleTrigger, List<LoadedRule>> byTrigger = new EnumMap<>(RuleTrigger.class);
        byTrigger.putAll(rules.findByActiveTrueOrderByPositionAscIdAsc().stream()
                .map(r -> new LoadedRule(r.id(), r.name(), r.trigger(), r.idleMinutes(), r.stopAfter(), r.conditions(), r.actions()))
                .collect(Collectors.groupingBy(LoadedRule::trigger, Collectors.toList())));
        Snapshot s = new Snapshot(clock.instant(), byTrigger);
        snapshot = s;
        return s;
    }
}
