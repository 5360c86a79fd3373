package io.linia.automation;

import java.util.List;

/** A rule told these members of staff about a ticket (published in the rule's transaction; mail listens). */
public record RuleNoticesSent(String ruleName, long ticketId, String ticketNumber, String text, List<Long> recipientIds) {

    public RuleNoticesSent {
        recipientIds = List.copyOf(recipientIds);
    }
}
