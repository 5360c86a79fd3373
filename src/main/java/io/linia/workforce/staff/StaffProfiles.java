package io.linia.workforce.staff;

import io.linia.accounts.Actor;
import io.linia.accounts.AgentShifts;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.shared.DomainException;
import io.linia.workforce.AgentProfile;
import io.linia.workforce.RosterNeed;
import io.linia.workforce.TrainingPlacement;
import io.linia.tickets.Line;
import io.linia.workforce.Contract;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Agents' workforce profiles: every user with an agent role (first or second line, from accounts) and
 * their contracts. A contract applies from its {@code validFrom} until the agent's next one, so a raise
 * from the 1st of next month is entered today and the history stays for pay. Planners (team leads,
 * administrators) see everyone and set contracts; an agent sees only their own profile.
 */
@Service
public class StaffProfiles {

    private final UserDirectory users;
    private final AgentShifts shifts;
    private final StoredContractRepository contracts;
    private final PlanningCalendar calendar;
    private final Clock clock;
    private final Currency defaultCurrency;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;
    private final org.springframework.beans.factory.ObjectProvider<io.linia.training.TraineesAtWork> training;

    StaffProfiles(UserDirectory users, AgentShifts shifts, StoredContractRepository contracts, PlanningCalendar calendar,
                  Clock clock, @Value("${linia.workforce.currency:RUB}") String currency, PlatformTransactionManager transactions,
                  org.springframework.beans.factory.ObjectProvider<io.linia.training.TraineesAtWork> training) {
        this.training = training;
        this.users = users;
        this.shifts = shifts;
        this.contracts = contracts;
        this.calendar = calendar;
        this.clock = clock;
        this.defaultCurrency = Currency.getInstance(currency);
        this.tx = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public Currency defaultCurrency() {
        return defaultCurrency;
    }

    /** Planners: every agent (disabled ones last), by name; an agent: their own profile only. */
    public List<ProfileView> profiles(Actor actor) {
        StaffAccess.requireStaff(actor);
        List<UserRef> agents = agents().stream()
                .filter(u -> StaffAccess.plans(actor) || u.id() == actor.id())
                .sorted(java.util.Comparator.comparing((UserRef u) -> !u.enabled())).toList();
        return views(agents);
    }

    /** @throws DomainException forbidden for someone else's profile unless a planner; not found when not an agent */
    public ProfileView profile(Actor actor, long userId) {
        StaffAccess.requireStaff(actor);
        StaffAccess.requireSelfOrPlanner(actor, userId);
        return views(List.of(agent(userId))).get(0);
    }

    /**
     * Sets the agent's contract from {@code validFrom} on (replacing one from the same day).
     *
     * @throws DomainException forbidden unless a planner; invalid at the first field refused; not found
     */
    public ProfileView setContract(Actor actor, long userId, ContractCommand command) {
        StaffAccess.requirePlanner(actor);
        UserRef agent = agent(userId);
        Map<String, DomainException> problems = command.problems(defaultCurrency);
        if (!problems.isEmpty()) {
            throw problems.values().iterator().next();
        }
        Contract contract = command.toContract(defaultCurrency);
        tx.executeWithoutResult(s -> {
            StoredContract row = contracts.findByUserIdAndValidFrom(userId, command.validFrom())
                    .orElseGet(() -> new StoredContract(userId, command.validFrom()));
            row.set(contract, actor.id(), clock.instant());
            contracts.saveAndFlush(row);
        });
        return views(List.of(agent)).get(0);
    }

    /** Removes the contract starting that day (a mistaken entry); the one before applies again. */
    public ProfileView removeContract(Actor actor, long userId, LocalDate validFrom) {
        StaffAccess.requirePlanner(actor);
        UserRef agent = agent(userId);
        tx.executeWithoutResult(s -> contracts.delete(contracts.findByUserIdAndValidFrom(userId, validFrom)
                .orElseThrow(() -> DomainException.notFound("wfstaff.contract.notFound", validFrom.toString()))));
        return views(List.of(agent)).get(0);
    }

    /** The problems of a contract form, for pages that show them next to each field. */
    public Map<String, DomainException> problems(ContractCommand command) {
        return command.problems(defaultCurrency);
    }

    /**
     * The profiles the roster plans with: enabled agents with a contract in force on {@code date}, by name.
     * Agents without one are left out (the profiles page and the period's status point them out).
     */
    public List<AgentProfile> planned(LocalDate date) {
        List<UserRef> agents = agents().stream().filter(UserRef::enabled).toList();
        Map<Long, List<StoredContract>> terms = terms(agents);
        Map<Long, Set<Long>> certified = shifts.certifiedGroups(agents.stream().map(UserRef::id).toList());
        Map<Long, List<io.linia.training.TraineeAtWork>> atWork = new java.util.HashMap<>();
        io.linia.training.TraineesAtWork trainees = training.getIfAvailable();
        if (trainees != null) {
            trainees.now().forEach(t -> atWork.computeIfAbsent(t.traineeId(), k -> new ArrayList<>()).add(t));
        }
        List<AgentProfile> profiles = new ArrayList<>();
        for (UserRef u : agents) {
            Line line = StaffAccess.lineOf(u.roles());
            List<TrainingPlacement> placements = atWork.getOrDefault(u.id(), List.of()).stream()
                    .map(t -> placement(t, line, u.groupIds())).flatMap(java.util.Optional::stream).toList();
            inForce(terms.getOrDefault(u.id(), List.of()), date).ifPresent(c -> profiles.add(new AgentProfile(u.id(),
                    u.displayName(), line, u.groupIds(), certified.getOrDefault(u.id(), Set.of()), c.toContract(), placements)));
        }
        return profiles;
    }

    /**
     * The queue a trainee's stage of ticket work sends them to, when it is not their own: the first line for a first-line
     * programme or a rotation course, the group's queue for a group's programme.
     */
    static java.util.Optional<TrainingPlacement> placement(io.linia.training.TraineeAtWork t, Line ownLine, Set<Long> ownGroups) {
        boolean group = t.target() == io.linia.training.TargetKind.GROUP && t.groupId() != null;
        Line line = group ? Line.SECOND : Line.FIRST;
        long groupId = group ? t.groupId() : RosterNeed.WHOLE_LINE;
        if (line == ownLine && (!group || ownGroups.contains(groupId))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new TrainingPlacement(line, groupId, t.from(), t.until(), t.programmeName(), t.stageTitle()));
    }

    /** Users of the agents' ids with a contract in force on the date. */
    public Set<Long> withContractOn(LocalDate date) {
        List<UserRef> agents = agents();
        Map<Long, List<StoredContract>> terms = terms(agents);
        Set<Long> ids = new java.util.HashSet<>();
        terms.forEach((id, list) -> inForce(list, date).ifPresent(c -> ids.add(id)));
        return ids;
    }

    /** Users with an agent role, enabled or not, by name. */
    public List<UserRef> agents() {
        return users.withAnyRole(StaffAccess.AGENT_ROLES);
    }

    private UserRef agent(long userId) {
        UserRef user = users.user(userId).orElseThrow(() -> DomainException.notFound("linia.error.userNotFound", userId));
        if (!StaffAccess.isAgent(user.roles())) {
            throw DomainException.notFound("wfstaff.error.notAgent", user.displayName());
        }
        return user;
    }

    private List<ProfileView> views(List<UserRef> agents) {
        LocalDate today = calendar.today();
        Map<Long, List<StoredContract>> terms = terms(agents);
        Map<Long, Set<Long>> certified = shifts.certifiedGroups(agents.stream().map(UserRef::id).toList());
        Map<Long, String> names = new HashMap<>();
        List<ProfileView> views = new ArrayList<>();
        for (UserRef u : agents) {
            List<StoredContract> own = terms.getOrDefault(u.id(), List.of());
            Optional<StoredContract> current = inForce(own, today);
            List<ContractTerm> history = own.stream().map(c -> new ContractTerm(c.validFrom(), c.toContract(), c.changedAt(),
                    names.computeIfAbsent(c.changedBy(), id -> users.user(id).map(UserRef::displayName).orElse("#" + id)),
                    current.isPresent() && current.get() == c)).toList();
            views.add(new ProfileView(u.id(), u.login(), u.displayName(), u.email(), u.enabled(), StaffAccess.lineOf(u.roles()),
                    u.groupIds(), certified.getOrDefault(u.id(), Set.of()), current.map(StoredContract::toContract).orElse(null),
                    history));
        }
        return views;
    }

    /** Contracts per user, the latest start first. */
    private Map<Long, List<StoredContract>> terms(List<UserRef> agents) {
        if (agents.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<StoredContract>> byUser = new HashMap<>();
        readOnly.execute(s -> contracts.findByUserIdInOrderByUserIdAscValidFromDesc(agents.stream().map(UserRef::id).toList()))
                .forEach(c -> byUser.computeIfAbsent(c.userId(), k -> new ArrayList<>()).add(c));
        return byUser;
    }

    /** The latest contract starting on or before the date (the list is latest first). */
    private static Optional<StoredContract> inForce(List<StoredContract> latestFirst, LocalDate date) {
        return latestFirst.stream().filter(c -> !c.validFrom().isAfter(date)).findFirst();
    }
}
