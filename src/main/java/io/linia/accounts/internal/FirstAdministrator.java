package io.linia.accounts.internal;

import io.linia.accounts.Role;
import io.linia.accounts.UserCommand;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A production start without demo data still needs someone to sign in: with
 * {@code LINIA_ADMIN_INITIAL_PASSWORD} set and no administrator yet, user {@code admin} is created.
 */
@Component
@Order(-1)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final AccountService accounts;
    private final String password;
    private final String email;

    FirstAdministrator(AccountService accounts, @Value("${linia.admin.initial-password:}") String password,
                       @Value("${linia.admin.email:admin@linia.local}") String email) {
        this.accounts = accounts;
        this.password = password;
        this.email = email;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (password.isBlank() || accounts.users().stream().anyMatch(u -> u.roles().contains(Role.ADMIN))) {
            return;
        }
        accounts.createUser(new UserCommand("admin", email, "Administrator", password, Set.of(Role.ADMIN), Set.of(), "ru", true));
        log.info("Created the first administrator 'admin' with the password from linia.admin.initial-password");
    }
}
