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
 * @param autoRecommended   the score reaches the restore threshold: one agent may restore alone
 * @param pendingRestore    the restore waiting for a second agent, or null
 * @param available         what the viewer may decide now (empty when they may not decide)
 */
public record RecoveryEvidence(long requestId, long ticketId, String ticketNumber, String mailbox, String contactEmail,
                               String contactName, RequestState state, long version, Instant submittedAt, MailboxFacts facts,
                               EvidenceScore score, Recommendation recommendation, boolean autoRecommended,
                               int restoreThreshold, List<ThirdPartyMention> mentions, boolean markedThirdParty,
                               List<Round> rounds, List<Decision> decisions, Decision pendingRestore, Instant moreLinkExpiresAt,
                               String moreRequest, Set<DecisionKind> available) {

    public boolean aboutSomeoneElse() {
        return !mentions.isEmpty() || markedThirdParty;
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
