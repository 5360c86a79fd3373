package io.linia.automation;

import java.time.Instant;
import java.util.List;

/** A rule with what it did in the last 7 days: tickets changed, failures and the last failure. */
public record RuleView(long id, String name, String description, RuleTrigger trigger, Integer idleMinutes, int position,
                       boolean stopAfter, List<RuleCondition> conditions, List<RuleAction> actions, boolean active,
                       Instant updatedAt, String updatedBy, long version, Stats stats) {

    public record Stats(long applied, long failed, Instant lastRunAt, String lastError, Instant lastErrorAt) {

        public static final Stats NONE = new Stats(0, 0, null, null, null);
    }
}
