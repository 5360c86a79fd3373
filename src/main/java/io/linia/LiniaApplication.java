package io.linia;

import io.linia.knowledge.evaluation.EvaluationCommand;
import io.linia.workforce.evaluation.ForecastEvalCommand;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LiniaApplication {

    public static void main(String[] args) {
        if (args.length > 0 && EvaluationCommand.NAME.equals(args[0])) {
            // a command, not the server: see EvaluationCommand
            System.exit(EvaluationCommand.run(LiniaApplication.class, Arrays.copyOfRange(args, 1, args.length),
                    System.out, System.err));
        }
        if (args.length > 0 && ForecastEvalCommand.NAME.equals(args[0])) {
            // pure computation: no Spring context at all, so it starts in a blink and touches no store
            System.exit(ForecastEvalCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(LiniaApplication.class, args);
    }

    /** All "now" in Linia comes from here, so that time-dependent rules are testable. */
    @Bean
    Clock clock() {
        // microseconds: what H2 and PostgreSQL store, so a time in a response equals the time read back later
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    }
}
