package io.linia.workforce.pay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.shared.DomainException;
import io.linia.workforce.Money;
import io.linia.workforce.ShiftSlot;
import io.linia.workforce.WorkforcePlanning;
import io.linia.workforce.schedule.Rosters;
import io.linia.workforce.staff.ContractCommand;
import io.linia.workforce.staff.PeriodView;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.StaffFixtures;
import io.linia.workforce.staff.StaffProfiles;
import io.linia.workforce.staff.StaffStoreTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pay through a published roster on both stores: the lead's absences, extra shifts and swaps change the
 * shifts worked; a contract changed mid-month prorates the salary and pays each extra at its day's rate;
 * refusals name the field and write nothing; an agent sees only their own pay.
 */
@StaffStoreTest
class PayrollTest {

    static final long MORNING = 1;

    @Autowired
    StaffStoreTest.StaffClock clock;
    @Autowired
    PlanningPeriods periods;
    @Autowired
    StaffProfiles profiles;
    @Autowired
    WorkforcePlanning planning;
    @Autowired
    Rosters rosters;
    @Autowired
    Payroll payroll;
    @Autowired
    PayAdjustments adjustments;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory users;

    StaffFixtures fx;
    Actor lead;
    PeriodView period;
    YearMonth month;
    /** The weekday mornings of the month inside the period, in date order. */
    List<ShiftSlot> mornings;
    /** The weekday shifts (mornings and evenings) of the month inside the period, in date order. */
    List<ShiftSlot> weekdaySlots;
    UserRef anna;
    UserRef boris;
    UserRef carl;

    @BeforeEach
    void setUp() {
        fx = new StaffFixtures(clock, periods, administration, users);
        lead = fx.actor("lead");
        period = fx.openPeriod(lead, 4);
        month = YearMonth.from(period.firstDay().plusDays(14)); // the month holding the middle of the 4 weeks: at least 15 of its days
        // in force today (two weeks before the period) and over the whole month
        LocalDate since = month.minusMonths(1).atDay(1);
        // at least 10 weekday mornings and as many evenings whichever period the fixtures hand out (holidays included)
        mornings = planning.slots(period.firstDay(), period.lastDay()).stream()
                .filter(s -> s.templateId() == MORNING && YearMonth.from(s.date()).equals(month)).toList();
        weekdaySlots = planning.slots(period.firstDay(), period.lastDay()).stream()
                .filter(s -> s.templateId() != 3 && YearMonth.from(s.date()).equals(month)).toList();
        anna = fx.newAgent(Role.AGENT_L1, "Анна Расчётова");
        boris = fx.newAgent(Role.AGENT_L1, "Борис Расчётов");
        carl = fx.newAgent(Role.AGENT_L2, "Карл Подменный");
        for (UserRef agent : List.of(anna, boris, carl)) {
            profiles.setContract(lead, agent.id(), StaffFixtures.contract(since, "30000", 10, "2000", 6));
        }
    }

    @Test
    void absencesExtrasAndSwapsRecordedAgainstThePublishedRosterChangeTheShiftsWorked() {
        // Anna and Boris on the first 12 weekday shifts of the month
        for (ShiftSlot s : weekdaySlots.subList(0, 12)) {
            rosters.give(lead, period.id(), anna.id(), s.date(), s.templateId(), null);
            rosters.give(lead, period.id(), boris.id(), s.date(), s.templateId(), null);
        }
        rosters.publish(lead, period.id(), null);
        assertThat(payroll.sheet(lead, anna.id(), month).pay().shiftsWorked()).isEqualTo(12);

        ShiftSlot absentShift = weekdaySlots.get(2);
        LocalDate absentDay = absentShift.date();
        ShiftSlot firstExtra = weekdaySlots.get(12);
        ShiftSlot secondExtra = weekdaySlots.get(13);
        ShiftSlot swapShift = weekdaySlots.get(5);
        List<AdjustmentView> absent = adjustments.record(lead, new AdjustmentCommand(AdjustmentKind.ABSENT, anna.id(), absentDay,
                absentShift.templateId(), null, "Болела, справка"));
        adjustments.record(lead, new AdjustmentCommand(AdjustmentKind.EXTRA, anna.id(), firstExtra.date(), firstExtra.templateId(), null,
                "Вышла по просьбе"));
        adjustments.record(lead, new AdjustmentCommand(AdjustmentKind.EXTRA, anna.id(), secondExtra.date(), secondExtra.templateId(), null,
                "Осталась на вечер"));
        List<AdjustmentView> swap = adjustments.record(lead, new AdjustmentCommand(AdjustmentKind.SWAP, boris.id(), swapShift.date(),
                swapShift.templateId(), carl.id(), "Поменялись: у Бориса экзамен"));

        assertThat(absent).singleElement().satisfies(a -> {
            assertThat(a.mark()).isEqualTo(ShiftMark.ABSENT);
            assertThat(a.createdByName()).isEqualTo(lead.name());
            assertThat(a.createdAt()).isEqualTo(clock.instant());
            assertThat(a.reason()).isEqualTo("Болела, справка");
            assertThat(a.start()).isEqualTo(absentShift.start());
        });
        assertThat(swap).extracting(AdjustmentView::userId, AdjustmentView::mark, AdjustmentView::otherUserId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(boris.id(), ShiftMark.SWAP_OUT, carl.id()),
                        org.assertj.core.groups.Tuple.tuple(carl.id(), ShiftMark.SWAP_IN, boris.id()));
        assertThat(swap.get(0).pairId()).isEqualTo(swap.get(1).pairId()).isEqualTo(swap.get(0).id());

        // Anna: 12 − 1 absent + 2 extra = 13 worked; 10 in the salary, 3 × 2 000 on top
        MonthlyPay annaPay = payroll.sheet(lead, anna.id(), month).pay();
        assertThat(annaPay.shiftsWorked()).isEqualTo(13);
        assertThat(annaPay.coveredBySalary()).isEqualTo(10);
        assertThat(annaPay.extraShifts()).isEqualTo(3);
        assertThat(annaPay.salary()).isEqualTo(Money.of("30000", "RUB"));
        assertThat(annaPay.extraAmount()).isEqualTo(Money.of("6000", "RUB"));
        assertThat(annaPay.total()).isEqualTo(Money.of("36000", "RUB"));
        assertThat(annaPay.lines()).filteredOn(l -> l.shift().start().equals(absentShift.start())).singleElement()
                .satisfies(l -> assertThat(l.count()).isEqualTo(PayCount.NOT_WORKED));
        assertThat(annaPay.lines()).filteredOn(l -> l.shift().mark() == ShiftMark.EXTRA).extracting(l -> l.shift().start())
                .containsExactly(firstExtra.start(), secondExtra.start());
        // Boris handed one over: 11; Carl took it: 1 (below his minimum)
        PaySheet borisSheet = payroll.sheet(lead, boris.id(), month);
        assertThat(borisSheet.pay().shiftsWorked()).isEqualTo(11);
        assertThat(borisSheet.pay().extraShifts()).isEqualTo(1);
        PaySheet carlSheet = payroll.sheet(lead, carl.id(), month);
        assertThat(carlSheet.pay().shiftsWorked()).isEqualTo(1);
        assertThat(carlSheet.pay().shortfall()).isEqualTo(9);
        assertThat(carlSheet.pay().lines()).singleElement().satisfies(l -> assertThat(l.shift().mark()).isEqualTo(ShiftMark.SWAP_IN));

        assertThat(payroll.adjustments(lead, month)).filteredOn(a -> a.userId() == anna.id()).hasSize(3);
        assertThat(payroll.adjustments(lead, boris.id(), month)).singleElement()
                .satisfies(a -> assertThat(a.otherUserName()).isEqualTo("Карл Подменный"));

        // removing either side of the swap removes both, and the pay is as before
        assertThat(adjustments.remove(lead, swap.get(1).id())).hasSize(2);
        assertThat(payroll.sheet(lead, boris.id(), month).pay().shiftsWorked()).isEqualTo(12);
        assertThat(payroll.sheet(lead, carl.id(), month).pay().shiftsWorked()).isZero();
        assertThat(adjustments.find(swap.get(0).id())).isEmpty();
        adjustments.remove(lead, absent.get(0).id());
        assertThat(payroll.sheet(lead, anna.id(), month).pay().shiftsWorked()).isEqualTo(14);
        assertThatThrownBy(() -> adjustments.remove(lead, absent.get(0).id())).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
    }

    @Test
    void aContractChangedMidMonthProratesTheSalaryAndPaysEachExtraAtTheRateOfItsDay() {
        LocalDate change = month.atDay(16);
        profiles.setContract(lead, anna.id(), StaffFixtures.contract(change, "60000", 14, "5000", 6));
        // every weekday shift of the month inside the period: more than the minimum, on both sides of the change
        List<ShiftSlot> weekdays = planning.slots(period.firstDay(), period.lastDay()).stream()
                .filter(s -> s.templateId() != 3 && YearMonth.from(s.date()).equals(month)).toList();
        for (ShiftSlot s : weekdays) {
            rosters.give(lead, period.id(), anna.id(), s.date(), s.templateId(), null);
        }
        rosters.publish(lead, period.id(), null);

        PaySheet sheet = payroll.sheet(lead, anna.id(), month);

        MonthlyPay pay = sheet.pay();
        assertThat(sheet.status()).isEqualTo(PayStatus.OK);
        int days = month.lengthOfMonth();
        int newDays = days - 15;
        assertThat(pay.contracts()).extracting(ContractShare::days).containsExactly(15, newDays);
        BigDecimal salary = new BigDecimal(30000 * 15 + 60000 * newDays).divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_EVEN);
        assertThat(pay.salary()).isEqualTo(new Money(salary, java.util.Currency.getInstance("RUB")));
        int included = BigDecimal.valueOf(10 * 15 + 14 * newDays).divide(BigDecimal.valueOf(days), 0, RoundingMode.HALF_UP).intValue();
        assertThat(pay.includedShifts()).isEqualTo(included);
        assertThat(pay.shiftsWorked()).isEqualTo(weekdays.size());
        assertThat(pay.coveredBySalary()).isEqualTo(included);
        List<PayLine> extras = pay.lines().stream().filter(l -> l.count() == PayCount.EXTRA).toList();
        assertThat(extras).hasSize(weekdays.size() - included).isNotEmpty();
        // the first ones in date order are covered: no extra comes before a covered shift
        PayLine lastCovered = pay.lines().stream().filter(l -> l.count() == PayCount.COVERED).reduce((a, b) -> b).orElseThrow();
        assertThat(extras).allSatisfy(l -> assertThat(l.shift().start()).isAfter(lastCovered.shift().start()));
        assertThat(extras).allSatisfy(l -> assertThat(l.rate())
                .isEqualTo(l.shift().date().isBefore(change) ? Money.of("2000", "RUB") : Money.of("5000", "RUB")));
        Money extraAmount = extras.stream().map(PayLine::rate).reduce(Money.zero(java.util.Currency.getInstance("RUB")), Money::plus);
        assertThat(pay.extraAmount()).isEqualTo(extraAmount);
        assertThat(pay.total()).isEqualTo(pay.salary().plus(extraAmount));
    }

    @Test
    void refusalsNameTheFieldAndWriteNothing() {
        ShiftSlot rostered = mornings.get(0);
        ShiftSlot free = mornings.get(1);
        rosters.give(lead, period.id(), anna.id(), rostered.date(), MORNING, null);
        // a draft roster does not count: an absence on it is refused
        assertRefused(new AdjustmentCommand(AdjustmentKind.ABSENT, anna.id(), rostered.date(), MORNING, null, "Болела"), "templateId");
        rosters.publish(lead, period.id(), null);
        List<AdjustmentView> before = adjustments.between(month.atDay(1), month.atEndOfMonth());

        assertRefused(new AdjustmentCommand(AdjustmentKind.ABSENT, anna.id(), free.date(), MORNING, null, "Болела"), "templateId");
        assertRefused(new AdjustmentCommand(AdjustmentKind.EXTRA, anna.id(), rostered.date(), MORNING, null, "Вышла"), "templateId");
        // the weekend shift does not exist on a weekday
        assertRefused(new AdjustmentCommand(AdjustmentKind.EXTRA, anna.id(), free.date(), 3L, null, "Вышла"), "templateId");
        assertRefused(new AdjustmentCommand(AdjustmentKind.EXTRA, anna.id(), free.date(), MORNING, null, "  "), "reason");
        assertRefused(new AdjustmentCommand(AdjustmentKind.EXTRA, anna.id(), free.date(), MORNING, null, "x".repeat(501)), "reason");
        assertRefused(new AdjustmentCommand(null, anna.id(), free.date(), MORNING, null, "Вышла"), "kind");
        assertRefused(new AdjustmentCommand(AdjustmentKind.EXTRA, anna.id(), null, MORNING, null, "Вышла"), "date");
        assertRefused(new AdjustmentCommand(AdjustmentKind.EXTRA, lead.id(), free.date(), MORNING, null, "Вышла"), "userId");
        assertRefused(new AdjustmentCommand(AdjustmentKind.SWAP, anna.id(), rostered.date(), MORNING, null, "Обмен"), "substituteId");
        assertRefused(new AdjustmentCommand(AdjustmentKind.SWAP, anna.id(), rostered.date(), MORNING, anna.id(), "Обмен"), "substituteId");
        assertRefused(new AdjustmentCommand(AdjustmentKind.SWAP, boris.id(), rostered.date(), MORNING, carl.id(), "Обмен"), "templateId");
        assertThat(adjustments.between(month.atDay(1), month.atEndOfMonth())).isEqualTo(before);

        // an agent's shift takes one adjustment; a swap whose substitute already has one is refused whole
        adjustments.record(lead, new AdjustmentCommand(AdjustmentKind.EXTRA, carl.id(), rostered.date(), MORNING, null, "Вышел"));
        assertRefused(new AdjustmentCommand(AdjustmentKind.SWAP, anna.id(), rostered.date(), MORNING, carl.id(), "Обмен"), "substituteId");
        adjustments.record(lead, new AdjustmentCommand(AdjustmentKind.ABSENT, anna.id(), rostered.date(), MORNING, null, "Болела"));
        assertRefused(new AdjustmentCommand(AdjustmentKind.ABSENT, anna.id(), rostered.date(), MORNING, null, "Ещё раз"), "templateId");
        assertThat(adjustments.between(month.atDay(1), month.atEndOfMonth())).hasSize(before.size() + 2);

        // only planners record
        Actor agent = fx.actor(users.user(anna.id()).orElseThrow().login());
        assertThatThrownBy(() -> adjustments.record(agent, new AdjustmentCommand(AdjustmentKind.EXTRA, anna.id(), free.date(), MORNING, null,
                "Сама себе"))).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
        long someId = adjustments.between(month.atDay(1), month.atEndOfMonth()).get(0).id();
        assertThatThrownBy(() -> adjustments.remove(agent, someId)).isInstanceOf(DomainException.class);
        assertThat(adjustments.find(someId)).isPresent();
    }

    @Test
    void anAgentSeesOnlyTheirOwnPayAndAgentsWithoutAContractOrWithMixedCurrenciesAreShownAsSuch() {
        UserRef dora = fx.newAgent(Role.AGENT_L1, "Дора Бездоговорная");
        UserRef emil = fx.newAgent(Role.AGENT_L1, "Эмиль Валютный");
        profiles.setContract(lead, emil.id(), StaffFixtures.contract(month.minusMonths(1).atDay(1), "30000", 10, "2000", 6));
        profiles.setContract(lead, emil.id(), new ContractCommand(month.atDay(10), new BigDecimal("900"), new BigDecimal("80"), "EUR", 10, 6));

        List<PaySheet> all = payroll.sheets(lead, month);

        assertThat(all).filteredOn(s -> s.userId() == dora.id()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(PayStatus.NO_CONTRACT);
            assertThat(s.pay().total()).isNull();
        });
        assertThat(all).filteredOn(s -> s.userId() == emil.id()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(PayStatus.MIXED_CURRENCIES);
            assertThat(s.currencies()).containsExactly("EUR", "RUB");
            assertThat(s.pay()).isNull();
        });
        assertThat(all).filteredOn(s -> s.userId() == anna.id()).singleElement()
                .satisfies(s -> assertThat(s.pay().salary()).isEqualTo(Money.of("30000", "RUB")));

        Actor annaActor = fx.actor(users.user(anna.id()).orElseThrow().login());
        assertThat(payroll.sheets(annaActor, month)).extracting(PaySheet::userId).containsExactly(anna.id());
        assertThat(payroll.sheet(annaActor, anna.id(), month).status()).isEqualTo(PayStatus.OK);
        assertThatThrownBy(() -> payroll.sheet(annaActor, boris.id(), month)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
        assertThatThrownBy(() -> payroll.adjustments(annaActor, boris.id(), month)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> payroll.adjustments(annaActor, month)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> payroll.month("2027-13")).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).field()).isEqualTo("month");
        assertThat(payroll.month("2027-03")).isEqualTo(YearMonth.of(2027, 3));
    }

    private void assertRefused(AdjustmentCommand command, String field) {
        assertThatThrownBy(() -> adjustments.record(lead, command)).isInstanceOf(DomainException.class)
                .satisfies(e -> {
                    assertThat(((DomainException) e).kind()).isEqualTo(DomainException.Kind.INVALID_INPUT);
                    assertThat(((DomainException) e).field()).isEqualTo(field);
                });
    }
}
