package io.linia.recovery.requests;

import io.linia.recovery.scoring.EvidenceScoring;
import io.linia.recovery.scoring.RecoveryScoringProperties;
import io.linia.recovery.scoring.ThirdPartyRequestPolicy;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The scoring and the policy as beans, with the settings they are configured by. */
@Configuration(proxyBeanMethods = false)
class RecoveryConfiguration {

    @Bean
    EvidenceScoring evidenceScoring(RecoveryScoringProperties settings) {
        return new EvidenceScoring(settings);
    }

    @Bean
    ThirdPartyRequestPolicy thirdPartyRequestPolicy() {
        return new ThirdPartyRequestPolicy();
    }

    @Bean
    QuestionnaireChecks questionnaireChecks(RecoveryRequestProperties settings, Clock clock) {
        return new QuestionnaireChecks(settings, clock, settings.zone());
    }
}
