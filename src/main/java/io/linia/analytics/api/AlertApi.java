package io.linia.analytics.api;

import io.linia.analytics.alert.SpikeAlertView;
import io.linia.analytics.alert.SpikeAlerts;
import io.linia.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Spike alerts: the open ones and the recent ones, with their sample tickets and new words (staff). */
@RestController
@RequestMapping("/api/v1/analytics/alerts")
@Tag(name = "Analytics", description = "Inflow, backlog, first-line wait, share passed to the second line, solved, top categories")
class AlertApi {

    record Alerts(List<SpikeAlertView> open, List<SpikeAlertView> recent) {
    }

    static final int MAX_DAYS = 90;
    static final int LIMIT = 200;

    private final SpikeAlerts alerts;

    AlertApi(SpikeAlerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping
    @Operation(summary = "Spike alerts: open ones, and those opened in the last days (newest first, at most 200)",
            description = "An alert is opened when a category's or channel's tickets of the last window are abnormally many for "
                    + "that hour of the week, and closed when the inflow is back to normal; one open alert per category or channel.")
    @ApiResponse(responseCode = "400", description = "days is not a whole number from 1 to 90")
    Alerts alerts(@Parameter(description = "1–90") @RequestParam(defaultValue = "7") String days, Locale locale) {
        int n;
        try {
            n = Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid("days", "analytics.alerts.days", MAX_DAYS);
        }
        if (n < 1 || n > MAX_DAYS) {
            throw DomainException.invalid("days", "analytics.alerts.days", MAX_DAYS);
        }
        return new Alerts(alerts.open(locale), alerts.recent(n, LIMIT, locale));
    }
}
