package io.linia.workforce.pay;

import io.linia.accounts.Actor;
import io.linia.shared.DomainException;
import io.linia.workforce.schedule.Rosters;
import io.linia.workforce.schedule.ScheduledShift;
import io.linia.workforce.staff.PlanningCalendar;
import io.linia.workforce.staff.ProfileView;
import io.linia.workforce.staff.StaffAccess;
import io.linia.workforce.staff.StaffProfiles;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Pay per agent and month from the published rosters, the team lead's adjustments and the contracts,
 * worked out by {@link PayCalculation} (its rules and rounding are documented there). Planners see every
 * agent; an agent sees only their own month.
 */
@Service
public class Payroll {

    private final StaffProfiles profiles;
    private final Rosters rosters;
    private final PayAdjustments adjustments;
    private final PlanningCalendar calendar;

    Payroll(StaffProfiles profiles, Rosters rosters, PayAdjustments adjustments, PlanningCalendar calendar) {
        this.profiles = profiles;
        this.rosters = rosters;
        this.adjustments = adjustments;
        this.calendar = calendar;
    }

    /** The month of today in the planning zone. */
    public YearMonth currentMonth() {
        return YearMonth.from(calendar.today());
    }

    /**
     * {@code 2027-03}; blank means the current month.
     *
     * @throws DomainException invalid naming the {@code month} field otherwise
     */
    public YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return currentMonth();
        }
        try {
            YearMonth month = YearMonth.parse(text.strip());
            if (month.getYear() < 2000 || month.getYear() > 2100) {
                throw DomainException.invalid("month", "wfpay.error.month", text.strip());
            }
            return month;
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("month", "wfpay.error.month", text.strip());
        }
    }

    /**
     * Planners: every enabled agent, and a disabled one who has shifts that month, by name; an agent: only themselves.
     *
     * @throws DomainException forbidden unless staff
     */
    public List<PaySheet> sheets(Actor actor, YearMonth month) {
        StaffAccess.requireStaff(actor);
        List<ProfileView> agents = profiles.profiles(actor);
        Map<Long, List<PayShift>> shifts = shifts(month);
        return agents.stream()
                .filter(p -> p.enabled() || shifts.containsKey(p.userId()))
                .map(p -> sheet(p, month, shifts.getOrDefault(p.userId(), List.of())))
                .toList();
    }

    /**
     * One agent's month.
     *
     * @throws DomainException forbidden for someone else's unless a planner; not found when not an agent
     */
    public PaySheet sheet(Actor actor, long userId, YearMonth month) {
        StaffAccess.requireStaff(actor);
        ProfileView profile = profiles.profile(actor, userId);
        return sheet(profile, month, shifts(month).getOrDefault(userId, List.of()));
    }

    /** One agent's adjustments in the month (the agent themselves or a planner). */
    public List<AdjustmentView> adjustments(Actor actor, long userId, YearMonth month) {
        StaffAccess.requireStaff(actor);
        StaffAccess.requireSelfOrPlanner(actor, userId);
        return adjustments.between(month.atDay(1), month.atEndOfMonth()).stream().filter(a -> a.userId() == userId).toList();
    }

    /** Every adjustment in the month (planners). */
    public List<AdjustmentView> adjustments(Actor actor, YearMonth month) {
        StaffAccess.requirePlanner(actor);
        return adjustments.between(month.atDay(1), month.atEndOfMonth());
    }

    private PaySheet sheet(ProfileView profile, YearMonth month, List<PayShift> shifts) {
        List<DatedContract> contracts = profile.contracts().stream().map(t -> new DatedContract(t.validFrom(), t.contract())).toList();
        try {
            MonthlyPay pay = PayCalculation.calculate(month, contracts, shifts);
            List<String> currencies = pay.contracts().stream().map(c -> c.contract().monthlySalary().currency().getCurrencyCode())
                    .distinct().toList();
            return new PaySheet(profile.userId(), profile.login(), profile.name(), profile.enabled(), profile.line(), month,
                    pay.hasContract() ? PayStatus.OK : PayStatus.NO_CONTRACT, currencies, pay);
        } catch (MixedCurrencies e) {
            return new PaySheet(profile.userId(), profile.login(), profile.name(), profile.enabled(), profile.line(), month,
                    PayStatus.MIXED_CURRENCIES, e.currencies().stream().map(java.util.Currency::getCurrencyCode).sorted().toList(), null);
        }
    }

    /**
     * Every agent's shifts of the month: the published rostered shifts marked by the adjustments (absent,
     * handed over), plus the extra shifts and the shifts taken over. A shift an agent holds both on the roster
     * and by an adjustment (the roster was changed after it was recorded) counts once, as rostered; an
     * absence whose shift has left the roster has nothing to take away.
     */
    private Map<Long, List<PayShift>> shifts(YearMonth month) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        Map<ShiftRef, AdjustmentView> marks = new HashMap<>();
        for (AdjustmentView a : adjustments.between(first, last)) {
            marks.put(new ShiftRef(a.userId(), a.date(), a.templateId()), a);
        }
        Map<ShiftRef, PayShift> shifts = new LinkedHashMap<>();
        for (ScheduledShift s : rosters.published(first, last)) {
            ShiftRef ref = new ShiftRef(s.userId(), s.date(), s.templateId());
            AdjustmentView mark = marks.get(ref);
            ShiftMark how = mark == null ? ShiftMark.ROSTERED : switch (mark.mark()) {
                case ABSENT -> ShiftMark.ABSENT;
                case SWAP_OUT -> ShiftMark.SWAP_OUT;
                default -> ShiftMark.ROSTERED;
            };
            shifts.put(ref, new PayShift(s.date(), s.templateId(), s.start(), s.end(), how));
        }
        for (AdjustmentView a : marks.values()) {
            if (a.mark() == ShiftMark.EXTRA || a.mark() == ShiftMark.SWAP_IN) {
                shifts.putIfAbsent(new ShiftRef(a.userId(), a.date(), a.templateId()),
                        new PayShift(a.date(), a.templateId(), a.start(), a.end(), a.mark()));
            }
        }
        Map<Long, List<PayShift>> byAgent = new HashMap<>();
        shifts.forEach((ref, shift) -> byAgent.computeIfAbsent(ref.userId(), k -> new ArrayList<>()).add(shift));
        byAgent.values().forEach(list -> list.sort(Comparator.comparing(PayShift::start)));
        return byAgent;
    }

    private record ShiftRef(long userId, LocalDate date, long templateId) {
    }
}
