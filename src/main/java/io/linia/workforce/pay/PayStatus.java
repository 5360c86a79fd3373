package io.linia.workforce.pay;

/** Whether a month's pay could be worked out for an agent. */
public enum PayStatus {
    /** Worked out. */
    OK,
    /** No contract was in force on any day of the month: shifts are counted, no amount is made up. */
    NO_CONTRACT,
    /** The contracts in force over the month are in different currencies: refused, nothing added up. */
    MIXED_CURRENCIES
}
