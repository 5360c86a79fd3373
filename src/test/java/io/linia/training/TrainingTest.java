package io.linia.training;

import io.linia.support.MovingClock;
import io.linia.support.StoreTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The training tests' one shared context: the running application on both stores with a clock the tests move
 * (the expiry pass is off: the tests run it).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@StoreTest
@Import(TrainingTest.Clock.class)
@RecordApplicationEvents
@TestPropertySource(properties = {"linia.training.expire-every=PT1000H", "linia.test.context=training",
        "linia.test.pg.schema=ctx_training"})
@interface TrainingTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Clock {
        @Bean
        @Primary
        TrainingClock trainingClock() {
            return new TrainingClock();
        }
    }

    /** Starts Monday 2026-11-23 10:00 Moscow like every moving clock; tests set it where they need it. */
    final class TrainingClock extends MovingClock {
    }
}
