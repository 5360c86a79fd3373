package io.linia.recovery.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** linia.recovery.proof-of-work / rate-limits / screenshots: the defaults, and nonsense stopping the start with the setting's name. */
class RecoveryAbuseSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ProofOfWorkProperties.class, RateLimitProperties.class, UploadLimits.class})
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    private void refusedAtStart(String setting, String... messageParts) {
        runner.withPropertyValues(setting).run(context -> {
            assertThat(context).hasFailed();
            StringBuilder messages = new StringBuilder();
            for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertThat(messages.toString()).contains(messageParts);
        });
    }

    @Test
    void withoutSettingsTheDefaultsHold() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            ProofOfWorkProperties pow = context.getBean(ProofOfWorkProperties.class);
            assertThat(pow.bits()).isEqualTo(16);
            assertThat(pow.validity()).isEqualTo(Duration.ofHours(1));
            assertThat(pow.secret()).isEmpty();
            RateLimitProperties limits = context.getBean(RateLimitProperties.class);
            assertThat(limits.perMailbox()).isEqualTo(new RateLimitProperties.Limit(3, Duration.ofDays(1)));
            assertThat(limits.perContact()).isEqualTo(new RateLimitProperties.Limit(3, Duration.ofDays(1)));
            assertThat(limits.perIp()).isEqualTo(new RateLimitProperties.Limit(10, Duration.ofHours(1)));
            assertThat(context.getBean(UploadLimits.class)).isEqualTo(UploadLimits.defaults());
        });
    }

    @Test
    void givenSettingsAreTakenAndAHalfGivenLimitKeepsTheRestOfItsDefault() {
        runner.withPropertyValues("linia.recovery.proof-of-work.bits=18", "linia.recovery.proof-of-work.validity=PT30M",
                "linia.recovery.proof-of-work.secret=0123456789abcdef0123456789abcdef",
                "linia.recovery.rate-limits.per-ip.max=20", "linia.recovery.rate-limits.per-mailbox.window=P7D",
                "linia.recovery.screenshots.max-files=5", "linia.recovery.screenshots.max-total=10MB",
                "linia.recovery.screenshots.types=image/png,image/gif").run(context -> {
            assertThat(context).hasNotFailed();
            ProofOfWorkProperties pow = context.getBean(ProofOfWorkProperties.class);
            assertThat(pow.bits()).isEqualTo(18);
            assertThat(pow.validity()).isEqualTo(Duration.ofMinutes(30));
            assertThat(pow.toString()).doesNotContain("0123456789abcdef");
            RateLimitProperties limits = context.getBean(RateLimitProperties.class);
            assertThat(limits.perIp()).isEqualTo(new RateLimitProperties.Limit(20, Duration.ofHours(1)));
            assertThat(limits.perMailbox()).isEqualTo(new RateLimitProperties.Limit(3, Duration.ofDays(7)));
            assertThat(limits.longestWindow()).isEqualTo(Duration.ofDays(7));
            UploadLimits uploads = context.getBean(UploadLimits.class);
            assertThat(uploads.maxFiles()).isEqualTo(5);
            assertThat(uploads.maxTotal()).isEqualTo(DataSize.ofMegabytes(10));
            assertThat(uploads.types()).isEqualTo(List.of("image/png", "image/gif"));
        });
    }

    @Test
    void nonsenseStopsTheStartNamingTheSetting() {
        refusedAtStart("linia.recovery.proof-of-work.bits=0", "linia.recovery.proof-of-work.bits", "greater than or equal to 1");
        refusedAtStart("linia.recovery.proof-of-work.bits=40", "linia.recovery.proof-of-work.bits", "less than or equal to 30");
        refusedAtStart("linia.recovery.proof-of-work.validity=PT10S", "linia.recovery.proof-of-work.validity: from 1 minute to 1 day");
        refusedAtStart("linia.recovery.proof-of-work.secret=short", "linia.recovery.proof-of-work.secret: at least 32 characters");
        refusedAtStart("linia.recovery.rate-limits.per-mailbox.max=0", "linia.recovery.rate-limits.per-mailbox.max: from 1 to 10000, not 0");
        refusedAtStart("linia.recovery.rate-limits.per-ip.window=PT0S", "linia.recovery.rate-limits.per-ip.window: from 1 minute");
        refusedAtStart("linia.recovery.rate-limits.per-contact.window=soon", "linia.recovery.rate-limits.per-contact.window", "soon");
        refusedAtStart("linia.recovery.screenshots.max-files=-1", "linia.recovery.screenshots.max-files", "greater than or equal to 0");
        refusedAtStart("linia.recovery.screenshots.types=text/html", "linia.recovery.screenshots.types: text/html is not a type Linia recognises");
        refusedAtStart("linia.recovery.screenshots.max-total=1MB", "linia.recovery.screenshots.max-total (1MB) must be at least max-file-size (2MB)");
        refusedAtStart("linia.recovery.screenshots.max-file-size=0B", "linia.recovery.screenshots.max-file-size must be positive, not 0B");
    }
}
