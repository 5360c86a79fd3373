package io.linia.workforce.pay;

import io.linia.workforce.Contract;
import java.time.LocalDate;

/** The days of the month one contract was in force: {@code from}–{@code to} inclusive, {@code days} of them. */
public record ContractShare(LocalDate validFrom, LocalDate from, LocalDate to, int days, Contract contract) {
}
