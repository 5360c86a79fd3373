package io.linia.analytics;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The moving clock of analytics' alert, SLA met % and history tests (one configuration, so they share one context). */
@TestConfiguration(proxyBeanMethods = false)
public class AnalyticsMovingClock {

    @Bean
    @Primary
    io.linia.support.MovingClock analyticsMovingClock() {
        return new io.linia.support.MovingClock();
    }
}
