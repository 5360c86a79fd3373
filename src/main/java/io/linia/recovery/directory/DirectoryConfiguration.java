package io.linia.recovery.directory;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Chooses the account directory: {@code linia.recovery.directory=embedded} (the default, Linia's own
 * tables) or {@code http} (the mail platform's API, docs/recovery-directory-api.md). Only the embedded
 * one exists so far; any other value stops the start with the reason rather than running without a
 * directory or with one that pretends.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

    static final String SETTING = "linia.recovery.directory";

    @Bean
    EmbeddedAccountDirectory accountDirectory(@Value("${" + SETTING + ":embedded}") String choice, JdbcClient jdbc, Clock clock,
                                              @Value("${linia.recovery.reset-link-validity:PT24H}") Duration resetLinkValidity) {
        switch (choice.strip().toLowerCase(Locale.ROOT)) {
            case "embedded" -> {
                if (resetLinkValidity.isNegative() || resetLinkValidity.isZero()) {
                    throw new IllegalStateException("linia.recovery.reset-link-validity must be positive, got " + resetLinkValidity);
                }
                // the platform's own scheme for stored passwords: Spring Security's delegating encoder ({bcrypt} by default,
                // argon2/pbkdf2/scrypt hashes recognised by their {id} prefix)
                return new EmbeddedAccountDirectory(jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder(), clock,
                        resetLinkValidity);
            }
            case "http" -> throw new IllegalStateException(SETTING + "=http: the HTTP adapter for the mail platform is not "
                    + "implemented yet; its contract is docs/recovery-directory-api.md. Set " + SETTING + "=embedded (the default).");
            default -> throw new IllegalStateException(SETTING + "=" + choice + " is not a directory Linia knows: use embedded "
                    + "(the default; http is documented but not implemented yet).");
        }
    }
}
