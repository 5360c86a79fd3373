package io.linia.workforce.roster;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The roster solver as a bean; closed (its threads stopped) with the application. */
@Configuration(proxyBeanMethods = false)
public class RosterConfiguration {

    @Bean(destroyMethod = "close")
    TimefoldRosterSolving rosterSolving(RosterProperties properties) {
        return new TimefoldRosterSolving(properties.settings(), properties.parallelSolves());
    }
}
