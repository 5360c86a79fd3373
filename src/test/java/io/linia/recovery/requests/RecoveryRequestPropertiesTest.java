package io.linia.recovery.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The request settings: documented defaults, and a nonsense value stops the start with a message naming the setting. */
class RecoveryRequestPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RecoveryRequestProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void defaults() {
        runner.run(context -> {
            RecoveryRequestProperties p = context.getBean(RecoveryRequestProperties.class);
            assertThat(p.groupCode()).isEqualTo("recovery");
            assertThat(p.categoryCode()).isEqualTo("password-forgotten");
            assertThat(p.moreAnswersValidity()).isEqualTo(Duration.ofDays(14));
            assertThat(p.maxRounds()).isEqualTo(4);
            assertThat(p.maxPasswords()).isEqualTo(5);
            assertThat(p.maxListItems()).isEqualTo(10);
            assertThat(p.zone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        });
        runner.withPropertyValues("linia.recovery.requests.public-url=https://help.example.ru/").run(context ->
                assertThat(context.getBean(RecoveryRequestProperties.class).publicUrl()).isEqualTo("https://help.example.ru"));
    }

    @Test
    void nonsenseStopsTheStart() {
        for (String bad : new String[] {"linia.recovery.requests.max-rounds=0", "linia.recovery.requests.max-passwords=50",
                "linia.recovery.requests.more-answers-validity=-P1D", "linia.recovery.requests.public-url=ftp://x",
                "linia.recovery.requests.zone=Mars/Olympus"}) {
            runner.withPropertyValues(bad).run(context -> {
                assertThat(context).as(bad).hasFailed();
                assertThat(context.getStartupFailure()).as(bad).hasStackTraceContaining("linia.recovery.requests");
            });
        }
    }
}
