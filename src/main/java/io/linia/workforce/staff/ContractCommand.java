package io.linia.workforce.staff;

import io.linia.shared.DomainException;
import io.linia.workforce.Contract;
import io.linia.workforce.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A planner sets an agent's contract from a date on (the same date again replaces that row). Both
 * amounts are in {@code currency} (blank: {@code linia.workforce.currency}, RUB by default) and may
 * have at most the currency's minor units (kopecks). Field names in refusals: {@code validFrom},
 * {@code monthlySalary}, {@code extraShiftRate}, {@code currency}, {@code minShiftsPerMonth}, {@code maxShiftsPerWeek}.
 */
public record ContractCommand(
        @Schema(description = "The first day the terms apply", example = "2026-12-01") java.time.LocalDate validFrom,
        @Schema(description = "Monthly salary; covers minShiftsPerMonth shifts", example = "42000.00") BigDecimal monthlySalary,
        @Schema(description = "Paid for each shift beyond minShiftsPerMonth", example = "3200.00") BigDecimal extraShiftRate,
        @Schema(description = "ISO 4217 code of both amounts", example = "RUB") String currency,
        @Schema(description = "Shifts a month the salary covers (0–62)", example = "12") Integer minShiftsPerMonth,
        @Schema(description = "At most this many shifts in a week (1–14)", example = "5") Integer maxShiftsPerWeek) {

    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
    public static final int MAX_MIN_SHIFTS = 62;
    public static final int MAX_WEEK_SHIFTS = 14;

    /** Every refusal by field; empty when the contract can be saved. */
    public Map<String, DomainException> problems(Currency defaultCurrency) {
        Map<String, DomainException> problems = new LinkedHashMap<>();
        if (validFrom == null) {
            problems.put("validFrom", DomainException.invalid("validFrom", "wfstaff.contract.validFromRequired"));
        }
        Currency c = null;
        try {
            c = currencyOr(defaultCurrency);
        } catch (DomainException e) {
            problems.put("currency", e);
        }
        amount("monthlySalary", monthlySalary, c, problems);
        amount("extraShiftRate", extraShiftRate, c, problems);
        if (minShiftsPerMonth == null) {
            problems.put("minShiftsPerMonth", DomainException.invalid("minShiftsPerMonth", "wfstaff.contract.required"));
        } else if (minShiftsPerMonth < 0 || minShiftsPerMonth > MAX_MIN_SHIFTS) {
            problems.put("minShiftsPerMonth", DomainException.invalid("minShiftsPerMonth", "wfstaff.contract.range", 0, MAX_MIN_SHIFTS));
        }
        if (maxShiftsPerWeek == null) {
            problems.put("maxShiftsPerWeek", DomainException.invalid("maxShiftsPerWeek", "wfstaff.contract.required"));
        } else if (maxShiftsPerWeek < 1 || maxShiftsPerWeek > MAX_WEEK_SHIFTS) {
            problems.put("maxShiftsPerWeek", DomainException.invalid("maxShiftsPerWeek", "wfstaff.contract.range", 1, MAX_WEEK_SHIFTS));
        }
        if (!problems.containsKey("minShiftsPerMonth") && !problems.containsKey("maxShiftsPerWeek")
                && minShiftsPerMonth != null && maxShiftsPerWeek != null && minShiftsPerMonth > reachable(maxShiftsPerWeek)) {
            // the salary would promise shifts the weekly limit never lets the agent work
            problems.put("minShiftsPerMonth", DomainException.invalid("minShiftsPerMonth", "wfstaff.contract.unreachable",
                    reachable(maxShiftsPerWeek), maxShiftsPerWeek));
        }
        return problems;
    }

    /** The most shifts a month of 31 days allows at {@code perWeek} a week. */
    static int reachable(int perWeek) {
        return (perWeek * 31 + 6) / 7;
    }

    /** The contract; call only when {@link #problems} is empty. */
    public Contract toContract(Currency defaultCurrency) {
        Currency c = currencyOr(defaultCurrency);
        return new Contract(new Money(monthlySalary, c), minShiftsPerMonth, new Money(extraShiftRate, c), maxShiftsPerWeek);
    }

    private Currency currencyOr(Currency defaultCurrency) {
        if (currency == null || currency.isBlank()) {
            return defaultCurrency;
        }
        String code = currency.strip().toUpperCase(Locale.ROOT);
        try {
            if (code.length() == 3) {
                return Currency.getInstance(code);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw DomainException.invalid("currency", "wfstaff.contract.currency", currency.strip());
    }

    private static void amount(String field, BigDecimal value, Currency currency, Map<String, DomainException> problems) {
        if (value == null) {
            problems.put(field, DomainException.invalid(field, "wfstaff.contract.required"));
        } else if (value.signum() < 0 || value.compareTo(MAX_AMOUNT) >= 0) {
            problems.put(field, DomainException.invalid(field, "wfstaff.contract.amountRange"));
        } else if (currency != null && value.stripTrailingZeros().scale() > Math.max(currency.getDefaultFractionDigits(), 0)) {
            // 1234.567 roubles is a typo, not an amount: refused rather than rounded behind the planner's back
            problems.put(field, DomainException.invalid(field, "wfstaff.contract.minorUnits",
                    Math.max(currency.getDefaultFractionDigits(), 0), currency.getCurrencyCode()));
        }
    }
}
