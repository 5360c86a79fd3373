package io.linia.recovery.directory;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The account directory in Linia's own tables. The mail platform's API (docs/recovery-directory-api.md) is
 * another implementation of {@link io.linia.recovery.AccountDirectory}, for a desk to add.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

    @Bean
    EmbeddedAccountDirectory accountDirectory(JdbcClient jdbc, Clock clock,
                                              @Value("${linia.recovery.reset-link-validity:PT24H}") Duration resetLinkValidity) {
        if (resetLinkValidity.isNegative() || resetLinkValidity.isZero()) {
            throw new IllegalStateException("linia.recovery.reset-link-validity must be positive, got " + resetLinkValidity);
        }
        // the platform's own scheme for stored passwords: Spring Security's delegating encoder ({bcrypt} by default)
        return new EmbeddedAccountDirectory(jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder(), clock,
                resetLinkValidity);
    }
}
