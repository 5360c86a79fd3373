package io.linia.workforce.pay;

import io.linia.tickets.Line;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.YearMonth;
import java.util.List;

/**
 * One agent's month: who, whether the pay could be worked out, and the pay itself.
 *
 * @param currencies the currencies of the contracts in force (two or more with {@link PayStatus#MIXED_CURRENCIES})
 * @param pay        the calculation; null only with {@link PayStatus#MIXED_CURRENCIES}
 */
public record PaySheet(long userId, String login, String name, boolean enabled, Line line, YearMonth month, PayStatus status,
                       List<String> currencies, @Schema(nullable = true) MonthlyPay pay) {

    public PaySheet {
        currencies = List.copyOf(currencies);
    }
}
