package io.linia.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Role;
import io.linia.accounts.UserDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/** A production start: no demo data, the first administrator from configuration (its own H2 database). */
@SpringBootTest(properties = {"linia.demo.enabled=false", "linia.admin.initial-password=correct horse battery"})
@ActiveProfiles("test")
class FirstAdministratorTest {

    @Autowired
    UserDirectory users;

    @Autowired
    AccountService accounts;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void withoutDemoDataOnlyTheConfiguredAdministratorExistsAndCanSignIn() {
        assertThat(users.staff()).singleElement().satisfies(u -> {
            assertThat(u.login()).isEqualTo("admin");
            assertThat(u.roles()).containsExactly(Role.ADMIN);
        });
        UserDetails admin = accounts.loadUserByUsername("admin");
        assertThat(passwords.matches("correct horse battery", admin.getPassword())).isTrue();
        assertThat(admin.getPassword()).startsWith("{bcrypt}");
    }
}
