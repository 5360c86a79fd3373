package io.linia.workforce.pay;

/** What a shift adds to the month's pay. */
public enum PayCount {
    /** Worked, within the minimum the salary includes. */
    COVERED,
    /** Worked beyond the included minimum: paid at the extra-shift rate of the contract in force that day. */
    EXTRA,
    /** Not worked (absent, or worked by a substitute): adds nothing. */
    NOT_WORKED,
    /** Worked on a day no contract was in force: counted as worked, neither covered nor paid. */
    NO_CONTRACT
}
