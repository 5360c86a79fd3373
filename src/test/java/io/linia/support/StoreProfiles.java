package io.linia.support;

import org.springframework.test.context.ActiveProfilesResolver;

/** "test" on the embedded store; "test" + "postgres" when the build runs the PostgreSQL pass ({@code -Dlinia.test.store=postgres}). */
public class StoreProfiles implements ActiveProfilesResolver {

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("linia.test.store"));
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        return postgres() ? new String[]{"test", "postgres"} : new String[]{"test"};
    }
}
