package io.linia.recovery.scoring;

import io.linia.recovery.scoring.ThirdPartyRequestPolicy.ThirdPartyMention;
import java.util.List;

/**
 * The evidence score together with the policy's reading of the person's own words. A request about someone
 * else's mailbox is refused whatever the score: the policy comes first and no threshold lowers it.
 *
 * @param evidence the score and its explanation
 * @param mentions where the text speaks of someone else's mailbox (empty when it does not)
 */
public record OwnershipAssessment(EvidenceScore evidence, List<ThirdPartyMention> mentions) {

    public OwnershipAssessment {
        mentions = List.copyOf(mentions);
    }

    /** Scores the answers and reads their free text with the policy. */
    public static OwnershipAssessment of(OwnerAnswers answers, MailboxFacts facts, EvidenceScoring scoring,
                                         ThirdPartyRequestPolicy policy) {
        return new OwnershipAssessment(scoring.score(answers, facts), policy.mentions(answers.freeText()));
    }

    public boolean aboutSomeoneElse() {
        return !mentions.isEmpty();
    }

    /** REFUSE when the text is about someone else's mailbox, otherwise what the score suggests. */
    public Recommendation recommendation() {
        return aboutSomeoneElse() ? Recommendation.REFUSE : evidence.recommendation();
    }
}
