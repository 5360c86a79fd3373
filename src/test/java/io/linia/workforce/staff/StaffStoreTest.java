package io.linia.workforce.staff;

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

/**
 * A workforce test on both stores with Linia's clock in the test's hand (deadlines pass when a test
 * says so). Every class so annotated shares one context and its own PostgreSQL schema; each test sets
 * the clock itself and works in a planning period of its own ({@link StaffFixtures#openPeriod}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@StoreTest
@Import(StaffStoreTest.Clock.class)
@TestPropertySource(properties = {"linia.test.context=workforce-staff", "linia.test.pg.schema=ctx_wfstaff"})
public @interface StaffStoreTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Clock {
        @Bean
        @Primary
        StaffClock staffClock() {
            return new StaffClock();
        }
    }

    /** The clock of these tests. */
    final class StaffClock extends MovingClock {
    }
}
