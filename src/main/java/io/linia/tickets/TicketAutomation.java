package io.linia.tickets;

import java.util.List;

/**
 * What an automation rule does to one ticket, all at once (each part may be null/empty): move it to a
 * second-line group, set its category and priority, put tags on it, give it to an agent, add an
 * internal note. {@code ruleName} is shown in the ticket's history as the one who did it.
 */
public record TicketAutomation(String ruleName, Long groupId, Long categoryId, Priority priority, List<String> tags,
                               Long assigneeId, String note) {

    public TicketAutomation {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** What actually changed (a rule that sets what is already there changes nothing). */
    public record Outcome(List<String> changed) {

        public boolean any() {
            return !changed.isEmpty();
        }
    }
}
