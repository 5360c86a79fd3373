package io.linia.recovery.abuse;

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
 * The abuse-protection tests' context, shared by their classes: the store of the pass, a clock the tests move,
 * an easy proof of work (8 bits: a few hundred hashes) and the default limits.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@StoreTest
@Import(AbuseTestContext.Clock.class)
@TestPropertySource(properties = {"linia.recovery.proof-of-work.bits=8", "linia.recovery.proof-of-work.secret=a-test-secret-of-at-least-32-characters",
        "linia.test.context=recovery-abuse", "linia.test.pg.schema=ctx_recovery_abuse"})
@interface AbuseTestContext {

    @TestConfiguration(proxyBeanMethods = false)
    class Clock {
        @Bean
        @Primary
        Moving abuseMovingClock() {
            return new Moving();
        }
    }

    /** Linia's clock in these tests. */
    final class Moving extends MovingClock {
    }
}
