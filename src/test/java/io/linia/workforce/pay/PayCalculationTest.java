package io.linia.workforce.pay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.workforce.Contract;
import io.linia.workforce.Money;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PayCalculationTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final YearMonth MARCH = YearMonth.of(2027, 3);
    private static final Contract STANDARD = contract("40000", 12, "3000");

    @Test
    void belowTheMinimumEveryShiftIsCoveredAndTheSalaryIsPaidInFullWithTheShortfallNamed() {
        MonthlyPay pay = PayCalculation.calculate(MARCH, List.of(new DatedContract(LocalDate.of(2027, 1, 1), STANDARD)),
                rostered(MARCH, 1, 10));

        assertThat(pay.shiftsWorked()).isEqualTo(10);
        assertThat(pay.includedShifts()).isEqualTo(12);
        assertThat(pay.coveredBySalary()).isEqualTo(10);
        assertThat(pay.extraShifts()).isZero();
        assertThat(pay.shortfall()).isEqualTo(2);
        assertThat(pay.salary()).isEqualTo(Money.of("40000.00", "RUB"));
        assertThat(pay.extraAmount()).isEqualTo(Money.of("0", "RUB"));
        assertThat(pay.total()).isEqualTo(Money.of("40000.00", "RUB"));
        assertThat(pay.lines()).extracting(PayLine::count).containsOnly(PayCount.COVERED);
    }

    @Test
    void exactlyTheMinimumIsAllCoveredAndNothingExtra() {
        MonthlyPay pay = PayCalculation.calculate(MARCH, List.of(new DatedContract(LocalDate.of(2027, 1, 1), STANDARD)),
                rostered(MARCH, 1, 12));

        assertThat(pay.shiftsWorked()).isEqualTo(12);
        assertThat(pay.coveredBySalary()).isEqualTo(12);
        assertThat(pay.extraShifts()).isZero();
        assertThat(pay.shortfall()).isZero();
        assertThat(pay.total()).isEqualTo(Money.of("40000", "RUB"));
    }

    @Test
    void shiftsBeyondTheMinimumArePaidAtTheExtraRateTheLastOnesInDateOrder() {
        List<PayShift> shifts = new ArrayList<>(rostered(MARCH, 1, 15));
        java.util.Collections.reverse(shifts);

        MonthlyPay pay = PayCalculation.calculate(MARCH, List.of(new DatedContract(LocalDate.of(2027, 3, 1), STANDARD)), shifts);

        assertThat(pay.shiftsWorked()).isEqualTo(15);
        assertThat(pay.coveredBySalary()).isEqualTo(12);
        assertThat(pay.extraShifts()).isEqualTo(3);
        assertThat(pay.extraAmount()).isEqualTo(Money.of("9000.00", "RUB"));
        assertThat(pay.total()).isEqualTo(Money.of("49000.00", "RUB"));
        assertThat(pay.lines()).extracting(l -> l.shift().date().getDayOfMonth())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 15).boxed().toList());
        assertThat(pay.lines().subList(12, 15)).allSatisfy(l -> {
            assertThat(l.count()).isEqualTo(PayCount.EXTRA);
            assertThat(l.rate()).isEqualTo(Money.of("3000", "RUB"));
        });
        assertThat(pay.lines().get(11).count()).isEqualTo(PayCount.COVERED);
        assertThat(pay.lines().get(11).rate()).isNull();
    }

    @Test
    void aMidMonthChangeProratesSalaryAndMinimumByDaysAndPaysEachExtraAtTheRateOfItsDay() {
        // March has 31 days: the old contract is in force on the 1st–15th (15 days), the new one on the 16th–31st (16 days)
        Contract old = contract("31000", 10, "2000");
        Contract raised = contract("62000", 14, "4000");
        List<DatedContract> contracts = List.of(new DatedContract(LocalDate.of(2027, 3, 16), raised),
                new DatedContract(LocalDate.of(2026, 12, 1), old));
        List<PayShift> shifts = new ArrayList<>(rostered(MARCH, 1, 14));
        shifts.add(shift(LocalDate.of(2027, 3, 16), ShiftMark.ROSTERED));
        shifts.add(shift(LocalDate.of(2027, 3, 17), ShiftMark.ROSTERED));

        MonthlyPay pay = PayCalculation.calculate(MARCH, contracts, shifts);

        assertThat(pay.contracts()).extracting(ContractShare::days).containsExactly(15, 16);
        assertThat(pay.contracts()).extracting(ContractShare::from).containsExactly(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 16));
        assertThat(pay.contracts()).extracting(ContractShare::to).containsExactly(LocalDate.of(2027, 3, 15), LocalDate.of(2027, 3, 31));
        // (31 000 × 15 + 62 000 × 16) / 31 = 47 000; (10 × 15 + 14 × 16) / 31 = 12.06 → 12
        assertThat(pay.salary()).isEqualTo(Money.of("47000.00", "RUB"));
        assertThat(pay.includedShifts()).isEqualTo(12);
        assertThat(pay.shiftsWorked()).isEqualTo(16);
        assertThat(pay.coveredBySalary()).isEqualTo(12);
        assertThat(pay.extraShifts()).isEqualTo(4);
        // the 13th and 14th at the old rate, the 16th and 17th at the new one
        assertThat(pay.lines()).filteredOn(l -> l.count() == PayCount.EXTRA).extracting(l -> l.shift().date().getDayOfMonth(), l -> l.rate())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(13, Money.of("2000", "RUB")),
                        org.assertj.core.groups.Tuple.tuple(14, Money.of("2000", "RUB")),
                        org.assertj.core.groups.Tuple.tuple(16, Money.of("4000", "RUB")),
                        org.assertj.core.groups.Tuple.tuple(17, Money.of("4000", "RUB")));
        assertThat(pay.extraAmount()).isEqualTo(Money.of("12000.00", "RUB"));
        assertThat(pay.total()).isEqualTo(Money.of("59000.00", "RUB"));
    }

    @Test
    void proratedAmountsAreRoundedOnceSalaryHalfEvenToKopecksMinimumHalfUpToAWholeShift() {
        YearMonth february = YearMonth.of(2027, 2);
        // 28 days: 14 under each contract
        List<DatedContract> contracts = List.of(new DatedContract(LocalDate.of(2027, 1, 1), contract("30000", 11, "2500")),
                new DatedContract(LocalDate.of(2027, 2, 15), contract("45001", 12, "3000")));

        MonthlyPay pay = PayCalculation.calculate(february, contracts, List.of());

        // (11 × 14 + 12 × 14) / 28 = 11.5 → 12 (half up)
        assertThat(pay.includedShifts()).isEqualTo(12);
        // (30 000 × 14 + 45 001 × 14) / 28 = 37 500.50 exactly
        assertThat(pay.salary()).isEqualTo(Money.of("37500.50", "RUB"));
        assertThat(pay.shortfall()).isEqualTo(12);

        // 10 of 28 days at 30 000, 18 at 45 000: 1 110 000 / 28 = 39 642.857… → 39 642.86
        MonthlyPay uneven = PayCalculation.calculate(february, List.of(new DatedContract(LocalDate.of(2027, 1, 1), contract("30000", 10, "1")),
                new DatedContract(LocalDate.of(2027, 2, 11), contract("45000", 13, "1"))), List.of());
        assertThat(uneven.salary()).isEqualTo(Money.of("39642.86", "RUB"));
        // (10 × 10 + 13 × 18) / 28 = 11.93 → 12
        assertThat(uneven.includedShifts()).isEqualTo(12);
    }

    @Test
    void anAbsenceIsNotWorkedAndAnExtraShiftCountsInItsDatePlace() {
        List<PayShift> shifts = new ArrayList<>(rostered(MARCH, 1, 12));
        shifts.set(2, shift(LocalDate.of(2027, 3, 3), ShiftMark.ABSENT));
        shifts.add(shift(LocalDate.of(2027, 3, 20), ShiftMark.EXTRA));
        shifts.add(shift(LocalDate.of(2027, 3, 21), ShiftMark.EXTRA));

        MonthlyPay pay = PayCalculation.calculate(MARCH, List.of(new DatedContract(LocalDate.of(2027, 3, 1), STANDARD)), shifts);

        assertThat(pay.shiftsWorked()).isEqualTo(13);
        assertThat(pay.coveredBySalary()).isEqualTo(12);
        assertThat(pay.extraShifts()).isEqualTo(1);
        assertThat(pay.lines()).filteredOn(l -> l.count() == PayCount.NOT_WORKED).singleElement()
                .satisfies(l -> assertThat(l.shift().mark()).isEqualTo(ShiftMark.ABSENT));
        // the extra shift of the 20th fills the minimum, the one of the 21st is paid on top
        assertThat(pay.lines()).filteredOn(l -> l.shift().date().getDayOfMonth() == 20).singleElement()
                .satisfies(l -> assertThat(l.count()).isEqualTo(PayCount.COVERED));
        assertThat(pay.lines()).filteredOn(l -> l.count() == PayCount.EXTRA).singleElement()
                .satisfies(l -> assertThat(l.shift().date()).isEqualTo(LocalDate.of(2027, 3, 21)));
        assertThat(pay.total()).isEqualTo(Money.of("43000.00", "RUB"));
    }

    @Test
    void aSwapTakesTheShiftFromOneAgentsPayAndGivesItToTheOthers() {
        List<DatedContract> contracts = List.of(new DatedContract(LocalDate.of(2027, 3, 1), STANDARD));
        List<PayShift> handing = new ArrayList<>(rostered(MARCH, 1, 12));
        handing.set(4, shift(LocalDate.of(2027, 3, 5), ShiftMark.SWAP_OUT));
        List<PayShift> taking = new ArrayList<>(rostered(MARCH, 10, 21));
        taking.add(shift(LocalDate.of(2027, 3, 5), ShiftMark.SWAP_IN));

        MonthlyPay out = PayCalculation.calculate(MARCH, contracts, handing);
        MonthlyPay in = PayCalculation.calculate(MARCH, contracts, taking);

        assertThat(out.shiftsWorked()).isEqualTo(11);
        assertThat(out.shortfall()).isEqualTo(1);
        assertThat(out.total()).isEqualTo(Money.of("40000", "RUB"));
        assertThat(in.shiftsWorked()).isEqualTo(13);
        assertThat(in.extraShifts()).isEqualTo(1);
        // the swapped shift of the 5th comes first in date order and is covered; the 21st is the extra one
        assertThat(in.lines().get(0).shift().mark()).isEqualTo(ShiftMark.SWAP_IN);
        assertThat(in.lines().get(0).count()).isEqualTo(PayCount.COVERED);
        assertThat(in.lines().get(12).shift().date()).isEqualTo(LocalDate.of(2027, 3, 21));
        assertThat(in.lines().get(12).count()).isEqualTo(PayCount.EXTRA);
        assertThat(in.total()).isEqualTo(Money.of("43000", "RUB"));
    }

    @Test
    void twoShiftsOnOneDayAreCountedByStart() {
        LocalDate day = LocalDate.of(2027, 3, 2);
        PayShift evening = new PayShift(day, 2, day.atTime(15, 0).atZone(MOSCOW).toInstant(), day.atTime(21, 0).atZone(MOSCOW).toInstant(),
                ShiftMark.EXTRA);
        PayShift morning = new PayShift(day, 1, day.atTime(9, 0).atZone(MOSCOW).toInstant(), day.atTime(15, 0).atZone(MOSCOW).toInstant(),
                ShiftMark.ROSTERED);

        MonthlyPay pay = PayCalculation.calculate(MARCH, List.of(new DatedContract(LocalDate.of(2027, 3, 1), contract("10000", 1, "700"))),
                List.of(evening, morning));

        assertThat(pay.lines()).extracting(l -> l.shift().templateId(), PayLine::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, PayCount.COVERED), org.assertj.core.groups.Tuple.tuple(2L, PayCount.EXTRA));
        assertThat(pay.total()).isEqualTo(Money.of("10700", "RUB"));
    }

    @Test
    void aContractFromMidMonthPaysOnlyItsDaysAndShiftsBeforeItAreWorkedButUnpaid() {
        // in force on the 22nd–31st: 10 of 31 days
        List<DatedContract> contracts = List.of(new DatedContract(LocalDate.of(2027, 3, 22), contract("31000", 12, "3000")));

        MonthlyPay pay = PayCalculation.calculate(MARCH, contracts, rostered(MARCH, 20, 27));

        assertThat(pay.salary()).isEqualTo(Money.of("10000.00", "RUB"));
        // 12 × 10 / 31 = 3.87 → 4
        assertThat(pay.includedShifts()).isEqualTo(4);
        assertThat(pay.shiftsWorked()).isEqualTo(8);
        assertThat(pay.withoutContract()).isEqualTo(2);
        assertThat(pay.coveredBySalary()).isEqualTo(4);
        assertThat(pay.extraShifts()).isEqualTo(2);
        assertThat(pay.lines().get(0).count()).isEqualTo(PayCount.NO_CONTRACT);
        assertThat(pay.lines().get(0).contract()).isNull();
        assertThat(pay.total()).isEqualTo(Money.of("16000.00", "RUB"));
    }

    @Test
    void withoutAnyContractTheShiftsAreCountedAndNoAmountIsMadeUp() {
        MonthlyPay pay = PayCalculation.calculate(MARCH, List.of(new DatedContract(LocalDate.of(2027, 4, 1), STANDARD)), rostered(MARCH, 1, 3));

        assertThat(pay.hasContract()).isFalse();
        assertThat(pay.shiftsWorked()).isEqualTo(3);
        assertThat(pay.withoutContract()).isEqualTo(3);
        assertThat(pay.salary()).isNull();
        assertThat(pay.total()).isNull();
        assertThat(pay.lines()).extracting(PayLine::count).containsOnly(PayCount.NO_CONTRACT);
    }

    @Test
    void contractsInDifferentCurrenciesWithinAMonthAreRefusedWithTheReason() {
        Contract euros = new Contract(Money.of("900", "EUR"), 12, Money.of("70", "EUR"), 5);
        List<DatedContract> contracts = List.of(new DatedContract(LocalDate.of(2027, 1, 1), STANDARD),
                new DatedContract(LocalDate.of(2027, 3, 10), euros));

        assertThatThrownBy(() -> PayCalculation.calculate(MARCH, contracts, rostered(MARCH, 1, 2)))
                .isInstanceOf(MixedCurrencies.class)
                .hasMessageContaining("2027-03").hasMessageContaining("RUB").hasMessageContaining("EUR")
                .hasMessageContaining("different currencies");
        // a month wholly under one of them is fine
        assertThat(PayCalculation.calculate(YearMonth.of(2027, 4), contracts, List.of()).salary()).isEqualTo(Money.of("900", "EUR"));
        assertThatThrownBy(() -> Money.of("1", "RUB").plus(Money.of("1", "EUR"))).hasMessageContaining("different currencies");
    }

    @Test
    void aShiftOutsideTheMonthIsRefused() {
        assertThatThrownBy(() -> PayCalculation.calculate(MARCH, List.of(), List.of(shift(LocalDate.of(2027, 4, 1), ShiftMark.ROSTERED))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2027-04-01");
    }

    private static Contract contract(String salary, int minimum, String rate) {
        return new Contract(Money.of(salary, "RUB"), minimum, Money.of(rate, "RUB"), 5);
    }

    /** One morning shift a day from {@code fromDay} to {@code toDay} of the month. */
    private static List<PayShift> rostered(YearMonth month, int fromDay, int toDay) {
        return IntStream.rangeClosed(fromDay, toDay).mapToObj(d -> shift(month.atDay(d), ShiftMark.ROSTERED)).toList();
    }

    private static PayShift shift(LocalDate date, ShiftMark mark) {
        return new PayShift(date, 1, date.atTime(LocalTime.of(9, 0)).atZone(MOSCOW).toInstant(),
                date.atTime(LocalTime.of(15, 0)).atZone(MOSCOW).toInstant(), mark);
    }
}
