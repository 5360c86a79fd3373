package io.linia.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the running application on a real store: the embedded H2 by default, PostgreSQL in the
 * build's second pass. All such tests share this one configuration, hence one Spring context (and
 * one clean database) per pass. The demo data is loaded: its users and groups are the fixtures.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = StoreProfiles.class)
@Import(CleanDatabase.class)
@AutoConfigureObservability(tracing = false)
@Tag("store")
public @interface StoreTest {
}
