package io.linia.intake;

/**
 * What one pass over a mailbox did: mails taken as new tickets, as messages on tickets, ignored as
 * auto-replies, bounces, quarantined, already known (duplicates), and left for the next pass.
 */
public record PollResult(int newTickets, int replies, int autoReplies, int bounces, int quarantined, int duplicates,
                         int leftForLater) {

    public static final PollResult NOTHING = new PollResult(0, 0, 0, 0, 0, 0, 0);

    public int taken() {
        return newTickets + replies + autoReplies + bounces + quarantined + duplicates;
    }

    public PollResult plus(PollResult o) {
        return new PollResult(newTickets + o.newTickets, replies + o.replies, autoReplies + o.autoReplies,
                bounces + o.bounces, quarantined + o.quarantined, duplicates + o.duplicates, leftForLater + o.leftForLater);
    }
}
