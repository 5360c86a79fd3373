package io.linia.analytics.web;

import io.linia.analytics.api.Interval;
import io.linia.analytics.api.SeriesParameters;
import io.linia.analytics.api.SeriesQuery;
import io.linia.analytics.api.SlaMetSeries;
import io.linia.shared.DomainException;
import io.linia.sla.SlaTarget;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The drill-down of an SLA met % cell: the targets that ended in the span, each with its ticket's link (at most 500). */
@Controller
class SlaMetPages {

    private final SlaMetSeries slaMet;
    private final SeriesParameters parameters;

    SlaMetPages(SlaMetSeries slaMet, SeriesParameters parameters) {
        this.slaMet = slaMet;
        this.parameters = parameters;
    }

    @GetMapping("/agent/analytics/sla-met/tickets")
    String outcomes(@RequestParam(required = false) String start, @RequestParam(required = false) String end,
                    @RequestParam(required = false) String target, @RequestParam(required = false) String met,
                    @RequestParam(required = false) String line, @RequestParam(required = false) String groupId,
                    Locale locale, Model model) {
        Instant from = instant("start", start);
        Instant to = instant("end", end);
        if (!to.isAfter(from)) {
            throw DomainException.invalid("end", "analytics.api.toBeforeFrom");
        }
        SlaTarget t = null;
        if (target != null && !target.isBlank()) {
            try {
                t = SlaTarget.valueOf(target.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("target", "analytics.api.oneOf", java.util.Arrays.toString(SlaTarget.values()));
            }
        }
        Boolean wasMet = met == null || met.isBlank() ? null : Boolean.valueOf(met.strip());
        LocalDate day = LocalDate.ofInstant(from, parameters.zone());
        SeriesQuery q = parameters.query(day.toString(), day.toString(), null, line, groupId, null, Interval.DAY);
        model.addAttribute("outcomes", slaMet.outcomes(q, from, to, t, wasMet));
        model.addAttribute("start", from);
        model.addAttribute("end", to);
        model.addAttribute("target", t);
        model.addAttribute("met", wasMet);
        return "analytics/sla-outcomes";
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(name, "analytics.api.dateRequired");
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(name, "analytics.api.date", value);
        }
    }
}
