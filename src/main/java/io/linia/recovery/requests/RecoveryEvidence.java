package io.linia.recovery.requests;

import io.linia.recovery.MailboxFacts;
import io.linia.recovery.scoring.EvidenceScore;
import io.linia.recovery.scoring.Recommendation;
import io.linia.recovery.scoring.ThirdPartyRequestPolicy.ThirdPartyMention;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A recovery request as the deciding agent sees it: the answers (never a password), the directory's facts
 * (masked), the score with its explanation, the policy's reading, the decisions so far and what the viewer
 * may do now.
 *
 * @param facts             null when the directory has no such mailbox
 * @param autoRecommended   one agent may restore alone: the score reaches the restore threshold and no other
 *                          request for this mailbox was refused by the policy
 * @param pendingRestore    the restore waiting for a second agent, or null
 * @param available         what the viewer may decide now (empty when they may not decide)
 * @param otherRequests     the other requests for the same mailbox (earlier ones and any submitted since), newest first
 * @param fourEyesForced    another request for this mailbox was refused by the policy: a restore of this one always
 *                          waits for a second agent's confirmation, whatever the score (the request is not refused for
 *                          it: the real owner may write after a relative tried)
 */
public record RecoveryEvidence(long requestId, long ticketId, String ticketNumber, String mailbox, String contactEmail,
                               String contactName, RequestState state, long version, Instant submittedAt, MailboxFacts facts,
                               EvidenceScore score, Recommendation recommendation, boolean autoRecommended,
                               int restoreThreshold, List<ThirdPartyMention> mentions, boolean markedThirdParty,
                               List<Round> rounds, List<Decision> decisions, Decision pendingRestore, Instant moreLinkExpiresAt,
                               String moreRequest, Set<DecisionKind> available, List<OtherRequest> otherRequests,
                               boolean fourEyesForced) {

    public boolean aboutSomeoneElse() {
        return !mentions.isEmpty() || markedThirdParty;
    }

    /** The other requests for this mailbox that the policy refused (the panel's warning names them). */
    public List<OtherRequest> policyRefusals() {
        return otherRequests.stream().filter(OtherRequest::refusedByPolicy).toList();
    }

    /**
     * Another recovery request for the same mailbox (the address in its canonical form, see
     * {@link io.linia.recovery.MailboxAddress}).
     *
     * @param earlier         submitted before this request
     * @param lastDecision    the latest decision on it, or null when none was taken yet
     * @param refusedByPolicy refused as a request about someone else's mailbox (from its text or an agent's tick)
     * @param policyNote      for a policy refusal: the phrases found in the text, or the agent's comment (may be null)
     * @param markedByAgent   an agent ticked "someone else's mailbox" on it
     */
    public record OtherRequest(long requestId, String ticketNumber, Instant submittedAt, boolean earlier, RequestState state,
                               DecisionKind lastDecision, boolean refusedByPolicy, String policyNote, boolean markedByAgent) {
    }

    /** One round of answers; {@code passwordsGiven}/{@code passwordsMatched} count, the passwords are not kept. */
    public record Round(int round, Instant submittedAt, LocalDate registrationDate, String registrationCity,
                        List<String> folders, List<String> contacts, List<String> filters, List<String> devices,
                        LocalDate lastLoginDate, String freeText, int passwordsGiven, int passwordsMatched,
                        List<PasswordResult> matchedPasswords) {
    }

    /** A password that matched: whether it is the current one and when it was in use. */
    public record PasswordResult(int position, boolean current, LocalDate usedFrom, LocalDate usedUntil) {
    }

    public record Decision(long id, DecisionKind kind, boolean resetLink, boolean unblock, RefusalReason reason, String comment,
                           int score, long agentId, String agentName, Instant decidedAt, Long settledBy) {
    }
}
