package io.linia.recovery.requests;

/**
 * An agent's decision on a recovery request.
 *
 * @param kind      RESTORE, CONFIRM, REJECT, ASK_MORE, REFUSE or POLICY (the "someone else's mailbox" tick)
 * @param resetLink RESTORE: send a reset link to the person's contact address
 * @param unblock   RESTORE: lift the mailbox's block (only a blocked mailbox)
 * @param reason    REFUSE: the reason template
 * @param comment   ASK_MORE: what to add (required); REJECT and OTHER refusals: why (required); otherwise optional,
 *                  added to the person's mail for ASK_MORE and REFUSE, kept for the others
 * @param version   the request's version the agent saw (a stale one is refused); null skips the check
 */
public record DecisionCommand(DecisionKind kind, boolean resetLink, boolean unblock, RefusalReason reason, String comment,
                              Long version) {
}
