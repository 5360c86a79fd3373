package io.linia.analytics.web;

import io.linia.accounts.Actor;
import io.linia.analytics.alert.SpikeAlerts;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The spike alerts' page (open and of the last week, with sample tickets and new words; looking at it marks the
 * viewer's notices seen) and the unread count for the navigation's badge.
 */
@Controller
class AlertPages {

    static final int DAYS = 7;
    static final int LIMIT = 100;

    private final SpikeAlerts alerts;

    AlertPages(SpikeAlerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/agent/analytics/alerts")
    String page(Actor actor, Locale locale, Model model) {
        model.addAttribute("alerts", alerts.recent(DAYS, LIMIT, locale));
        model.addAttribute("unread", alerts.unreadIds(actor.id()));
        model.addAttribute("days", DAYS);
        alerts.markRead(actor.id());
        return "analytics/alerts";
    }

    @GetMapping(value = "/agent/analytics/alerts/count", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> count(Actor actor) {
        long n = alerts.unread(actor.id());
        return ResponseEntity.ok(n == 0 ? "" : String.valueOf(n));
    }
}
