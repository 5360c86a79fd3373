package io.linia.automation;

/** When a rule is looked at: a new ticket, a change of an existing one (not by a rule), no activity for a while. */
public enum RuleTrigger {
    CREATED, UPDATED, IDLE
}
