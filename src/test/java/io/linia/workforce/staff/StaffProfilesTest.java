package io.linia.workforce.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.accounts.Actor;
import io.linia.accounts.AgentShifts;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.tickets.Line;
import io.linia.workforce.AgentProfile;
import io.linia.workforce.Money;
import io.linia.workforce.WorkforcePlanning;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Agents' profiles on a real store: every agent with line, groups and certifications from accounts,
 * the demo contracts, contracts from a date on (a raise next month), who may see and set them, and the
 * planning profiles, which leave out agents without a contract.
 */
@StaffStoreTest
class StaffProfilesTest {

    @Autowired
    StaffStoreTest.StaffClock clock;
    @Autowired
    StaffProfiles profiles;
    @Autowired
    WorkforcePlanning planning;
    @Autowired
    PlanningPeriods periods;
    @Autowired
    AgentShifts shifts;
    @Autowired
    RoutingDirectory routing;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory users;

    StaffFixtures fx;
    Actor lead;

    @BeforeEach
    void setUp() {
        fx = new StaffFixtures(clock, periods, administration, users);
        fx.setClock(java.time.Instant.parse("2026-11-23T07:00:00Z"));
        lead = fx.actor("lead");
    }

    @Test
    void everyDemoAgentHasAProfileWithLineGroupsAndASeededContract() {
        List<ProfileView> all = profiles.profiles(lead);

        assertThat(all).extracting(ProfileView::login).contains("l1", "l1b", "l2", "l2web", "l2mail", "trainer")
                .doesNotContain("lead", "admin", "customer");
        ProfileView maria = all.stream().filter(p -> p.login().equals("l2web")).findFirst().orElseThrow();
        assertThat(maria.line()).isEqualTo(Line.SECOND);
        assertThat(maria.groupIds()).containsExactlyInAnyOrder(routing.groupByCode("web").orElseThrow().id(),
                routing.groupByCode("mobile").orElseThrow().id());
        assertThat(maria.contract().monthlySalary()).isEqualTo(Money.of("48000", "RUB"));
        assertThat(maria.contract().minShiftsPerMonth()).isEqualTo(12);
        // the seeded raise from the 1st of next month is listed first, the one in force marked
        assertThat(maria.contracts()).hasSize(2);
        assertThat(maria.contracts().get(0).contract().monthlySalary()).isEqualTo(Money.of("52000.00", "RUB"));
        assertThat(maria.contracts().get(0).current()).isFalse();
        assertThat(maria.contracts().get(1).current()).isTrue();
        assertThat(maria.contracts().get(1).changedByName()).isEqualTo("Елена Морозова");
        ProfileView pavel = all.stream().filter(p -> p.login().equals("trainer")).findFirst().orElseThrow();
        assertThat(pavel.line()).isEqualTo(Line.FIRST);
        assertThat(pavel.contract().maxShiftsPerWeek()).isEqualTo(3);

        // an agent sees only themselves
        Actor anna = fx.actor("l1");
        assertThat(profiles.profiles(anna)).extracting(ProfileView::login).containsExactly("l1");
        assertThat(profiles.profile(anna, anna.id()).contract().extraShiftRate()).isEqualTo(Money.of("3000", "RUB"));
        assertThatThrownBy(() -> profiles.profile(anna, maria.userId())).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
        assertThatThrownBy(() -> profiles.profile(lead, lead.id())).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
    }

    @Test
    void aContractAppliesFromItsDayTheSameDayReplacesItAndPlanningLeavesOutAgentsWithoutOne() {
        UserRef newcomer = fx.newAgent(Role.AGENT_L2, "Новая Сотрудница");
        long web = routing.groupByCode("web").orElseThrow().id();
        shifts.certify(newcomer.id(), Set.of(web));
        assertThat(planning.profiles()).noneMatch(p -> p.userId() == newcomer.id());
        assertThat(profiles.profile(lead, newcomer.id()).contract()).isNull();

        LocalDate today = LocalDate.of(2026, 11, 23);
        profiles.setContract(lead, newcomer.id(), StaffFixtures.contract(today.minusDays(22), "40000", 10, "3500", 4));
        profiles.setContract(lead, newcomer.id(), StaffFixtures.contract(today.plusDays(8), "45000", 10, "3800", 4));
        ProfileView replaced = profiles.setContract(lead, newcomer.id(), StaffFixtures.contract(today.minusDays(22), "41000.50", 11, "3500", 4));

        assertThat(replaced.contracts()).extracting(ContractTerm::validFrom).containsExactly(today.plusDays(8), today.minusDays(22));
        assertThat(replaced.contract().monthlySalary()).isEqualTo(new Money(new BigDecimal("41000.5"), java.util.Currency.getInstance("RUB")));
        assertThat(replaced.contract().monthlySalary().amount().toPlainString()).isEqualTo("41000.50");
        assertThat(replaced.certifiedGroupIds()).containsExactly(web);
        AgentProfile planned = planning.profiles().stream().filter(p -> p.userId() == newcomer.id()).findFirst().orElseThrow();
        assertThat(planned.line()).isEqualTo(Line.SECOND);
        assertThat(planned.certifiedGroupIds()).containsExactly(web);
        assertThat(planned.contract().minShiftsPerMonth()).isEqualTo(11);
        assertThat(profiles.planned(today.plusDays(8))).filteredOn(p -> p.userId() == newcomer.id()).singleElement()
                .satisfies(p -> assertThat(p.contract().monthlySalary()).isEqualTo(Money.of("45000", "RUB")));

        ProfileView removed = profiles.removeContract(lead, newcomer.id(), today.plusDays(8));
        assertThat(removed.contracts()).hasSize(1);
        assertThatThrownBy(() -> profiles.removeContract(lead, newcomer.id(), today.plusDays(8)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
    }

    @Test
    void onlyPlannersSetContractsAndABadOneChangesNothing() {
        Actor anna = fx.actor("l1");
        Money before = profiles.profile(lead, anna.id()).contract().monthlySalary();

        assertThatThrownBy(() -> profiles.setContract(anna, anna.id(), StaffFixtures.contract(LocalDate.of(2026, 12, 1), "99000", 1, "9000", 7)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
        assertThatThrownBy(() -> profiles.setContract(lead, anna.id(), new ContractCommand(LocalDate.of(2026, 12, 1),
                new BigDecimal("42000"), new BigDecimal("3000"), "USD", 40, 5)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("minShiftsPerMonth"));
        assertThatThrownBy(() -> profiles.setContract(lead, fx.actor("customer").id(),
                StaffFixtures.contract(LocalDate.of(2026, 12, 1), "1", 1, "1", 1)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));

        ProfileView after = profiles.profile(lead, anna.id());
        assertThat(after.contract().monthlySalary()).isEqualTo(before);
        assertThat(after.contracts()).noneMatch(t -> t.validFrom().equals(LocalDate.of(2026, 12, 1)));
    }
}
