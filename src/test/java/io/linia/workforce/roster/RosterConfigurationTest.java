package io.linia.workforce.roster;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.workforce.RosterDesk;
import io.linia.workforce.RosterResult;
import io.linia.workforce.RosterSettings;
import io.linia.workforce.RosterSolving;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The solver bean with its settings from linia.workforce.roster.*, in a context of its own (no store, no web). */
class RosterConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RosterProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, RosterConfiguration.class);

    @Test
    void theBeanTakesItsDefaultsFromTheSettingsAndSolves() {
        runner.withPropertyValues("linia.workforce.roster.minimum-rest=12h", "linia.workforce.roster.time-limit=2s",
                "linia.workforce.roster.optional-seats-per-shift=1").run(context -> {
            RosterSolving solving = context.getBean(RosterSolving.class);
            assertThat(solving.defaults()).isEqualTo(new RosterSettings(Duration.ofHours(12), Duration.ofSeconds(2), null, 1));
            RosterDesk desk = RosterDesk.generate(10, LocalDate.of(2026, 3, 2), 1, 5);
            RosterResult result = solving.solve(desk.problem(List.of(), solving.defaults()));
            assertThat(result.score().feasible()).isTrue();
            assertThat(result.solvingTime()).isLessThan(Duration.ofSeconds(10));
        });
    }

    @Test
    void withoutSettingsTheDefaultsAreElevenHoursOfRestAndThirtySecondsOfSolving() {
        runner.run(context -> assertThat(context.getBean(RosterSolving.class).defaults()).isEqualTo(RosterSettings.defaults()));
    }

    @Test
    void aTimeLimitOfZeroStopsTheApplicationWithTheSettingsName() {
        runner.withPropertyValues("linia.workforce.roster.time-limit=0s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("timeLimit");
        });
    }
}
