package io.linia.workforce.pay;

import java.time.YearMonth;
import java.util.Currency;
import java.util.Set;

/** The contracts in force over one month are in different currencies: their amounts cannot be added up. */
public class MixedCurrencies extends IllegalArgumentException {

    private final YearMonth month;
    private final Set<Currency> currencies;

    public MixedCurrencies(YearMonth month, Set<Currency> currencies) {
        super("the contracts in force in " + month + " are in different currencies " + currencies
                + ": a month's pay is added up in one currency; set the contracts in one");
        this.month = month;
        this.currencies = Set.copyOf(currencies);
    }

    public YearMonth month() {
        return month;
    }

    public Set<Currency> currencies() {
        return currencies;
    }
}
