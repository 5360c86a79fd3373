/**
 * Automation rules: "when a ticket is created / updated / idle for T, and these conditions hold
 * (channel, category, group, priority, state, words in the text, customer's or ticket's tags), then do
 * this (move to a group, set category or priority, put a tag, give to an agent, add a canned answer as
 * an internal note, notify staff)". Admins edit the rules; each is checked when saved; a rule that fails
 * on a ticket at run time is logged, recorded in its run log and skipped — it never blocks the ticket's
 * creation or change, which are committed before any rule runs. Public API: {@link io.linia.automation.AutomationRules},
 * {@link io.linia.automation.RuleNotices}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Automation rules")
package io.linia.automation;
