package io.linia;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.UserDirectory;
import io.linia.routing.RoutingDirectory;
import io.linia.support.StoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@StoreTest
class ApplicationStartsTest {

    @Autowired
    RoutingDirectory routing;

    @Autowired
    UserDirectory users;

    @Test
    void demoDataSeedsTheGroupsOfTheSeedAndAUserForEveryRole() {
        assertThat(routing.activeGroups()).extracting(g -> g.code())
                .contains("recovery", "web", "mobile", "delivery", "spam");
        assertThat(users.userByLogin("l1")).isPresent();
    }
}
