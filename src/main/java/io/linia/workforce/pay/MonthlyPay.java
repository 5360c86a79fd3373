package io.linia.workforce.pay;

import io.linia.workforce.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.YearMonth;
import java.util.List;

/**
 * One agent's pay for one month, as {@link PayCalculation} works it out.
 *
 * @param contracts       the contracts in force over the month, each with its days; empty when none was
 * @param shiftsWorked    published rostered shifts − absences − shifts handed over in swaps + extra shifts + shifts taken over
 * @param includedShifts  the minimum the salary includes, prorated over the days each contract was in force
 * @param coveredBySalary worked shifts within that minimum (the first ones in date order)
 * @param extraShifts     worked shifts beyond it
 * @param shortfall       shifts missing to the included minimum (the salary is still paid in full)
 * @param withoutContract worked shifts on days no contract was in force (neither covered nor paid)
 * @param salary          the salary prorated over the days each contract was in force; null without a contract
 * @param extraAmount     the sum of each extra shift's rate; null without a contract
 * @param total           salary + extra amount; null without a contract
 * @param lines           every shift of the month in date order, with what it adds
 */
public record MonthlyPay(YearMonth month, List<ContractShare> contracts, int shiftsWorked, int includedShifts, int coveredBySalary,
                         int extraShifts, int shortfall, int withoutContract,
                         @Schema(nullable = true) Money salary, @Schema(nullable = true) Money extraAmount,
                         @Schema(nullable = true) Money total, List<PayLine> lines) {

    public MonthlyPay {
        contracts = List.copyOf(contracts);
        lines = List.copyOf(lines);
    }

    /** Whether any contract was in force on any day of the month. */
    public boolean hasContract() {
        return !contracts.isEmpty();
    }
}
