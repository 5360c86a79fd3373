package io.linia.workforce.pay;

import io.linia.workforce.Contract;
import io.linia.workforce.Money;

/**
 * A shift with what it adds to pay.
 *
 * @param contract the contract in force on the shift's date; null when none was
 * @param rate     the extra-shift rate applied; null unless {@link PayCount#EXTRA}
 */
public record PayLine(PayShift shift, PayCount count, Contract contract, Money rate) {
}
