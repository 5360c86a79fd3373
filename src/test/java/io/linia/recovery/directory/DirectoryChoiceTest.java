package io.linia.recovery.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.recovery.AccountDirectory;
import io.linia.recovery.EmbeddedMailboxes;
import java.time.Clock;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded directory is the port's implementation; a reset link's validity must be positive. */
class DirectoryChoiceTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(c -> c.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance()))
            .withBean(JdbcClient.class, () -> JdbcClient.create(new JdbcDataSource()))
            .withBean(Clock.class, Clock::systemUTC)
            .withUserConfiguration(DirectoryConfiguration.class);

    @Test
    void theEmbeddedDirectoryServesThePort() {
        context.run(c -> {
            assertThat(c).hasNotFailed();
            assertThat(c).hasSingleBean(AccountDirectory.class).hasSingleBean(EmbeddedMailboxes.class);
        });
    }

    @Test
    void aResetLinkThatIsNeverValidIsRefused() {
        context.withPropertyValues("linia.recovery.reset-link-validity=PT0S").run(c ->
                assertThat(c.getStartupFailure()).rootCause().hasMessageContaining("reset-link-validity"));
    }
}
