package io.linia.workforce.pay;

import io.linia.workforce.Contract;
import io.linia.workforce.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An agent's pay for a month: pure arithmetic over the contracts and the shifts, nothing stored.
 *
 * <ol>
 *   <li><b>Shifts worked</b> are the shifts marked {@link ShiftMark#worked() worked}: the published
 *       rostered shifts, less absences and shifts handed over in swaps, plus extra shifts and shifts
 *       taken over in swaps.</li>
 *   <li><b>Contracts in force.</b> A contract applies from its {@code validFrom} until the day before the
 *       agent's next one. Each contract's share of the month is the number of its days in force divided
 *       by the days of the month. The <b>salary</b> is Σ salary × days / days-in-month, worked out exactly
 *       and rounded once, half-even, to the currency's minor unit (kopecks). The <b>included minimum</b> is
 *       Σ minimum × days / days-in-month, rounded once to a whole shift, half up (10 shifts for 15 of 30
 *       days and 14 for the other 15 include 12; 12 for 10 of 31 days and 14 for 21 include 13.35 → 13).
 *       Days before the first contract count for nothing: neither salary nor minimum.</li>
 *   <li><b>Covered and extra.</b> Worked shifts are taken in date order (then start): the first ones fill
 *       the included minimum and are covered by the salary; each one after that is extra and paid at the
 *       extra-shift rate of the contract in force on its own date. A shift worked on a day no contract was
 *       in force is counted as worked but neither covered nor paid.</li>
 *   <li><b>Below the minimum</b> the salary is still paid in full (the contract's salary does not depend on
 *       the shifts); the result names the shortfall.</li>
 *   <li><b>Total</b> = salary + Σ extra rates. Every amount is a {@link Money} in the contracts' currency;
 *       contracts in different currencies within one month are refused ({@link MixedCurrencies}).</li>
 * </ol>
 */
public final class PayCalculation {

    private static final Comparator<PayShift> DATE_ORDER = Comparator.comparing(PayShift::date)
            .thenComparing(PayShift::start).thenComparingLong(PayShift::templateId);

    private PayCalculation() {
    }

    /**
     * @param contracts the agent's contracts in any order (those starting after the month are ignored)
     * @param shifts    the agent's shifts of the month, worked or not, in any order; shifts outside the month are refused
     * @throws MixedCurrencies when the contracts in force over the month use more than one currency
     */
    public static MonthlyPay calculate(YearMonth month, List<DatedContract> contracts, List<PayShift> shifts) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        for (PayShift s : shifts) {
            if (s.date().isBefore(first) || s.date().isAfter(last)) {
                throw new IllegalArgumentException("shift on " + s.date() + " is not in " + month);
            }
        }
        List<ContractShare> shares = shares(month, contracts);
        Currency currency = currency(month, shares);
        List<PayShift> ordered = shifts.stream().sorted(DATE_ORDER).toList();
        int worked = (int) ordered.stream().filter(s -> s.mark().worked()).count();
        if (shares.isEmpty()) {
            List<PayLine> lines = ordered.stream().map(s -> new PayLine(s, s.mark().worked() ? PayCount.NO_CONTRACT : PayCount.NOT_WORKED,
                    null, null)).toList();
            return new MonthlyPay(month, List.of(), worked, 0, 0, 0, 0, worked, null, null, null, lines);
        }
        int daysInMonth = month.lengthOfMonth();
        long minimumDays = 0;
        BigDecimal salaryDays = BigDecimal.ZERO;
        for (ContractShare share : shares) {
            minimumDays += (long) share.contract().minShiftsPerMonth() * share.days();
            salaryDays = salaryDays.add(share.contract().monthlySalary().amount().multiply(BigDecimal.valueOf(share.days())));
        }
        int included = BigDecimal.valueOf(minimumDays).divide(BigDecimal.valueOf(daysInMonth), 0, RoundingMode.HALF_UP).intValueExact();
        int minorUnits = Math.max(currency.getDefaultFractionDigits(), 0);
        Money salary = new Money(salaryDays.divide(BigDecimal.valueOf(daysInMonth), minorUnits, RoundingMode.HALF_EVEN), currency);

        List<PayLine> lines = new ArrayList<>();
        int covered = 0;
        int extra = 0;
        int withoutContract = 0;
        Money extraAmount = Money.zero(currency);
        for (PayShift s : ordered) {
            ContractShare share = shareOn(shares, s.date());
            Contract contract = share == null ? null : share.contract();
            if (!s.mark().worked()) {
                lines.add(new PayLine(s, PayCount.NOT_WORKED, contract, null));
            } else if (contract == null) {
                withoutContract++;
                lines.add(new PayLine(s, PayCount.NO_CONTRACT, null, null));
            } else if (covered < included) {
                covered++;
                lines.add(new PayLine(s, PayCount.COVERED, contract, null));
            } else {
                extra++;
                extraAmount = extraAmount.plus(contract.extraShiftRate());
                lines.add(new PayLine(s, PayCount.EXTRA, contract, contract.extraShiftRate()));
            }
        }
        return new MonthlyPay(month, shares, worked, included, covered, extra, Math.max(included - covered, 0), withoutContract,
                salary, extraAmount, salary.plus(extraAmount), lines);
    }

    /** Each contract's days in force within the month, in date order. */
    static List<ContractShare> shares(YearMonth month, List<DatedContract> contracts) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        List<DatedContract> sorted = contracts.stream().sorted(Comparator.comparing(DatedContract::validFrom)).toList();
        List<ContractShare> shares = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            DatedContract c = sorted.get(i);
            LocalDate until = i + 1 < sorted.size() ? sorted.get(i + 1).validFrom().minusDays(1) : last;
            LocalDate from = c.validFrom().isBefore(first) ? first : c.validFrom();
            LocalDate to = until.isAfter(last) ? last : until;
            if (!from.isAfter(to)) {
                shares.add(new ContractShare(c.validFrom(), from, to, (int) (to.toEpochDay() - from.toEpochDay() + 1), c.contract()));
            }
        }
        return shares;
    }

    private static Currency currency(YearMonth month, List<ContractShare> shares) {
        Set<Currency> currencies = new LinkedHashSet<>();
        for (ContractShare share : shares) {
            currencies.add(share.contract().monthlySalary().currency());
            currencies.add(share.contract().extraShiftRate().currency());
        }
        if (currencies.size() > 1) {
            throw new MixedCurrencies(month, currencies);
        }
        return currencies.isEmpty() ? null : currencies.iterator().next();
    }

    private static ContractShare shareOn(List<ContractShare> shares, LocalDate date) {
        for (ContractShare share : shares) {
            if (!date.isBefore(share.from()) && !date.isAfter(share.to())) {
                return share;
            }
        }
        return null;
    }
}
