package io.linia.recovery.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnershipAssessmentTest {

    private final EvidenceScoring scoring = new EvidenceScoring(RecoveryScoringProperties.defaults());
    private final ThirdPartyRequestPolicy policy = new ThirdPartyRequestPolicy();
    private final MailboxFacts facts = new MailboxFacts(LocalDate.of(2015, 3, 1), "Казань", List.of("Работа", "Дача", "Рецепты"),
            List.of(MailboxFacts.KnownItem.of("anna.smirnova@mail.example", "Анна Смирнова")), List.of(),
            List.of(new MailboxFacts.Login(LocalDate.of(2026, 11, 1), "Android")),
            "Secret2020"::equals);

    private OwnerAnswers everythingRightWith(String freeText) {
        return new OwnerAnswers(LocalDate.of(2015, 3, 10), "Казань", List.of("Secret2020"), List.of("Работа", "Дача", "Рецепты"),
                List.of("Анна Смирнова"), List.of(), List.of("Android"), LocalDate.of(2026, 11, 1), freeText);
    }

    @Test
    void theOwnerWithStrongEvidenceIsRecommendedForRestore() {
        OwnershipAssessment a = OwnershipAssessment.of(everythingRightWith("Не помню ответ на секретный вопрос"), facts, scoring, policy);
        assertThat(a.aboutSomeoneElse()).isFalse();
        assertThat(a.evidence().score()).isGreaterThanOrEqualTo(70);
        assertThat(a.recommendation()).isEqualTo(Recommendation.RESTORE);
    }

    @Test
    void aRequestAboutASpousesMailboxIsRefusedWhateverTheScore() {
        OwnershipAssessment a = OwnershipAssessment.of(everythingRightWith("Это почта жены, она в больнице"), facts, scoring, policy);
        assertThat(a.evidence().recommendation()).isEqualTo(Recommendation.RESTORE);
        assertThat(a.recommendation()).isEqualTo(Recommendation.REFUSE);
        assertThat(a.mentions()).extracting(ThirdPartyRequestPolicy.ThirdPartyMention::phrase).containsExactly("почта жены");
    }
}
