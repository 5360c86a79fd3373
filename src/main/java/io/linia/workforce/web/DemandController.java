package io.linia.workforce.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linia.accounts.Actor;
import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import io.linia.workforce.HourlySeries;
import io.linia.workforce.ShiftStaffingAggregation;
import io.linia.workforce.demand.ArrivalHistory;
import io.linia.workforce.demand.ForecastReview;
import io.linia.workforce.demand.StaffingCheck;
import io.linia.workforce.demand.StaffingDemand;
import io.linia.workforce.demand.StaffingSettings;
import io.linia.workforce.demand.StaffingSettingsCommand;
import io.linia.workforce.demand.StaffingSettingsStore;
import io.linia.workforce.staff.PeriodView;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.ShiftTemplateView;
import io.linia.workforce.staff.ShiftTemplates;
import io.linia.workforce.staff.StaffAccess;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The demand pages: «Прогноз» (the forecast checked on the past weeks and the coming weeks' forecast, each chart
 * with its table and CSV), «Потребность» (per shift and queue the need next to the period's roster, and the
 * settings planners edit) and the arrival history (import a CSV, list and delete batches).
 */
@Controller
@RequestMapping("/agent/workforce")
class DemandController {

    /** The form as typed. */
    record SettingsForm(String firstLineHandlingMinutes, String secondLineHandlingMinutes, String serviceLevelPercent,
                        String answerWithinMinutes, String shrinkagePercent, String aggregation, Boolean carryClosedHours,
                        String firstLineMinimum, String secondLineMinimum, String secondLineSharePercent, String shareMinTickets,
                        Long version) {
    }

    private final ForecastReview review;
    private final StaffingCheck check;
    private final StaffingDemand demand;
    private final StaffingSettingsStore settings;
    private final ArrivalHistory history;
    private final PlanningPeriods periods;
    private final ShiftTemplates templates;
    private final Refusals refusals;
    private final ObjectMapper json;

    DemandController(ForecastReview review, StaffingCheck check, StaffingDemand demand, StaffingSettingsStore settings,
                     ArrivalHistory history, PlanningPeriods periods, ShiftTemplates templates, Refusals refusals, ObjectMapper json) {
        this.review = review;
        this.check = check;
        this.demand = demand;
        this.settings = settings;
        this.history = history;
        this.periods = periods;
        this.templates = templates;
        this.refusals = refusals;
        this.json = json;
    }

    // ------------------------------------------------------------------ forecast

    @GetMapping("/forecast")
    String forecast(Actor actor, @RequestParam(defaultValue = "4") String weeks, Model model) {
        StaffAccess.requireStaff(actor);
        int n = weeks(weeks);
        ForecastReview.Report report = review.review(n);
        model.addAttribute("report", report);
        model.addAttribute("weeks", n);
        model.addAttribute("maxWeeks", ForecastReview.MAX_WEEKS);
        model.addAttribute("pastDays", pastDays(report));
        model.addAttribute("nextDays", nextDays(report.next().expected()));
        model.addAttribute("pastChart", pastChart(report));
        model.addAttribute("nextChart", nextChart(report));
        return "workforce/demand-forecast";
    }

    @GetMapping(value = "/forecast.csv", produces = "text/csv")
    ResponseEntity<String> forecastCsv(Actor actor, @RequestParam(defaultValue = "4") String weeks,
                                       @RequestParam(defaultValue = "past") String part) {
        StaffAccess.requireStaff(actor);
        ForecastReview.Report report = review.review(weeks(weeks));
        StringBuilder csv = new StringBuilder();
        if ("next".equals(part)) {
            csv.append("hour,forecast\n");
            HourlySeries next = report.next().expected();
            for (int h = 0; h < next.hours(); h++) {
                csv.append(next.hourAt(h)).append(',').append(number(next.value(h))).append('\n');
            }
        } else {
            csv.append("hour,actual,forecast,seasonal_naive\n");
            for (ForecastReview.Week week : report.weeks()) {
                for (int h = 0; h < week.actual().hours(); h++) {
                    csv.append(week.actual().hourAt(h)).append(',').append(number(week.actual().value(h))).append(',')
                            .append(number(week.forecast().value(h))).append(',').append(number(week.naive().value(h))).append('\n');
                }
            }
        }
        return csv("forecast-" + ("next".equals(part) ? "next" : "past") + "-" + report.today() + ".csv", csv.toString());
    }

    /** One day of the past weeks: arrivals and both forecasts. */
    record PastDay(LocalDate date, double actual, double forecast, double naive) {
    }

    /** One day of the coming weeks: the forecast per hour and its total. */
    record NextDay(LocalDate date, double[] hours, double total, int peakHour) {
    }

    private static List<PastDay> pastDays(ForecastReview.Report report) {
        List<PastDay> days = new ArrayList<>();
        for (ForecastReview.Week week : report.weeks()) {
            for (int d = 0; d < 7; d++) {
                days.add(new PastDay(week.monday().plusDays(d), sum(week.actual(), d), sum(week.forecast(), d), sum(week.naive(), d)));
            }
        }
        return days;
    }

    private static List<NextDay> nextDays(HourlySeries next) {
        List<NextDay> days = new ArrayList<>();
        for (int d = 0; d * 24 < next.hours(); d++) {
            double[] hours = new double[24];
            int peak = 0;
            for (int h = 0; h < 24 && d * 24 + h < next.hours(); h++) {
                hours[h] = next.value(d * 24 + h);
                peak = hours[h] > hours[peak] ? h : peak;
            }
            days.add(new NextDay(next.hourAt(d * 24).toLocalDate(), hours, sum(next, d), peak));
        }
        return days;
    }

    private static double sum(HourlySeries series, int day) {
        double sum = 0;
        for (int h = day * 24; h < Math.min(series.hours(), day * 24 + 24); h++) {
            sum += series.value(h);
        }
        return sum;
    }

    private String pastChart(ForecastReview.Report report) {
        List<String> labels = new ArrayList<>();
        List<Double> actual = new ArrayList<>();
        List<Double> forecast = new ArrayList<>();
        List<Double> naive = new ArrayList<>();
        for (ForecastReview.Week week : report.weeks()) {
            for (int h = 0; h < week.actual().hours(); h++) {
                labels.add(label(week.actual(), h));
                actual.add(round(week.actual().value(h)));
                forecast.add(round(week.forecast().value(h)));
                naive.add(round(week.naive().value(h)));
            }
        }
        return chart(labels, List.of(
                dataset(refusals.text("wfdemand.forecast.actual"), actual, "#212529"),
                dataset(refusals.text("wfdemand.forecast.forecast"), forecast, "#0d6efd"),
                dataset(refusals.text("wfdemand.forecast.naive"), naive, "#adb5bd")));
    }

    private String nextChart(ForecastReview.Report report) {
        HourlySeries next = report.next().expected();
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int h = 0; h < next.hours(); h++) {
            labels.add(label(next, h));
            values.add(round(next.value(h)));
        }
        return chart(labels, List.of(dataset(refusals.text("wfdemand.forecast.forecast"), values, "#0d6efd")));
    }

    private static String label(HourlySeries series, int h) {
        var t = series.hourAt(h);
        return String.format("%02d.%02d %02d:00", t.getDayOfMonth(), t.getMonthValue(), t.getHour());
    }

    private static Map<String, Object> dataset(String label, List<Double> data, String color) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("label", label);
        set.put("data", data);
        set.put("borderColor", color);
        set.put("backgroundColor", color);
        set.put("borderWidth", 1.5);
        set.put("pointRadius", 0);
        set.put("tension", 0.2);
        return set;
    }

    /** A Chart.js configuration the page's script draws as it is (data only: the page runs no inline script). */
    private String chart(List<String> labels, List<Map<String, Object>> datasets) {
        Map<String, Object> config = Map.of("type", "line", "data", Map.of("labels", labels, "datasets", datasets),
                "options", Map.of("animation", false, "responsive", true, "maintainAspectRatio", false,
                        "interaction", Map.of("mode", "index", "intersect", false),
                        "scales", Map.of("x", Map.of("ticks", Map.of("maxTicksLimit", 14)), "y", Map.of("beginAtZero", true))));
        try {
            return json.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static int weeks(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1 && n <= ForecastReview.MAX_WEEKS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw DomainException.invalid("weeks", "wfdemand.forecast.weeksRange", ForecastReview.MAX_WEEKS);
    }

    // ------------------------------------------------------------------ staffing

    @GetMapping("/staffing")
    String staffing(Actor actor, @RequestParam(required = false) Long period, Model model) {
        StaffAccess.requirePlanner(actor);
        List<PeriodView> all = periods.list(actor);
        model.addAttribute("periods", all);
        Long chosen = period != null ? period : defaultPeriod(all);
        if (chosen != null) {
            StaffingCheck.Report report = check.of(actor, chosen);
            model.addAttribute("report", report);
            model.addAttribute("short", report.rows().stream().filter(r -> r.difference() != null && r.difference() < 0).count());
        }
        model.addAttribute("settings", demand.settings());
        model.addAttribute("templates", templates.list().stream().collect(Collectors.toMap(ShiftTemplateView::id, Function.identity())));
        return "workforce/demand-staffing";
    }

    @GetMapping(value = "/staffing.csv", produces = "text/csv")
    ResponseEntity<String> staffingCsv(Actor actor, @RequestParam long period) {
        StaffingCheck.Report report = check.of(actor, period);
        Map<Long, ShiftTemplateView> names = templates.list().stream().collect(Collectors.toMap(ShiftTemplateView::id, Function.identity()));
        StringBuilder csv = new StringBuilder("date,shift,hours,line,group,forecast_arrivals,peak_per_hour,erlang_c_agents,required,"
                + "scheduled,difference,service_level\n");
        for (StaffingCheck.Row r : report.rows()) {
            ShiftTemplateView t = names.get(r.templateId());
            csv.append(r.date()).append(',').append(t == null ? r.templateId() : t.code()).append(',').append(t == null ? "" : t.hours())
                    .append(',').append(r.line()).append(',').append(r.group() == null ? "" : r.group().code()).append(',')
                    .append(number(r.arrivals())).append(',').append(number(r.peakArrivalsPerHour())).append(',').append(r.agents())
                    .append(',').append(r.required()).append(',').append(r.scheduled() == null ? "" : r.scheduled()).append(',')
                    .append(r.difference() == null ? "" : r.difference()).append(',').append(number(r.serviceLevel())).append('\n');
        }
        return csv("staffing-" + report.period().firstDay() + ".csv", csv.toString());
    }

    private Long defaultPeriod(List<PeriodView> all) {
        LocalDate today = demand.today();
        return all.stream().filter(p -> !p.lastDay().isBefore(today)).min(Comparator.comparing(PeriodView::firstDay))
                .or(() -> all.stream().findFirst()).map(PeriodView::id).orElse(null);
    }

    @GetMapping("/staffing/settings")
    String settingsForm(Actor actor, Model model) {
        StaffAccess.requirePlanner(actor);
        StaffingSettings current = settings.current();
        return settingsPage(model, current, formOf(current), Map.of());
    }

    @PostMapping("/staffing/settings")
    String saveSettings(Actor actor, SettingsForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        StaffAccess.requirePlanner(actor);
        Map<String, String> errors = new LinkedHashMap<>();
        StaffingSettingsCommand command = new StaffingSettingsCommand(decimal(form.firstLineHandlingMinutes(), "firstLineHandlingMinutes", errors),
                decimal(form.secondLineHandlingMinutes(), "secondLineHandlingMinutes", errors),
                decimal(form.serviceLevelPercent(), "serviceLevelPercent", errors),
                integer(form.answerWithinMinutes(), "answerWithinMinutes", errors), decimal(form.shrinkagePercent(), "shrinkagePercent", errors),
                form.aggregation(), Boolean.TRUE.equals(form.carryClosedHours()), integer(form.firstLineMinimum(), "firstLineMinimum", errors),
                integer(form.secondLineMinimum(), "secondLineMinimum", errors),
                decimal(form.secondLineSharePercent(), "secondLineSharePercent", errors),
                integer(form.shareMinTickets(), "shareMinTickets", errors), form.version());
        settings.problems(command).forEach((field, problem) -> errors.putIfAbsent(field, refusals.explain(problem)));
        if (errors.isEmpty()) {
            try {
                settings.save(actor, command);
                redirect.addFlashAttribute("success", refusals.text("wfdemand.settings.saved"));
                return "redirect:/agent/workforce/staffing";
            } catch (DomainException e) {
                if (e.kind() == DomainException.Kind.CONFLICT) {
                    response.setStatus(409);
                    StaffingSettings now = settings.current();
                    model.addAttribute("problem", refusals.explain(e));
                    return settingsPage(model, now, formOf(now), Map.of());
                }
                throw e;
            }
        }
        response.setStatus(400);
        return settingsPage(model, settings.current(), form, errors);
    }

    @PostMapping("/staffing/settings/reset")
    String resetSettings(Actor actor, RedirectAttributes redirect) {
        settings.reset(actor);
        redirect.addFlashAttribute("success", refusals.text("wfdemand.settings.resetDone"));
        return "redirect:/agent/workforce/staffing/settings";
    }

    private String settingsPage(Model model, StaffingSettings current, SettingsForm form, Map<String, String> errors) {
        model.addAttribute("current", current);
        model.addAttribute("defaults", settings.defaults());
        model.addAttribute("form", form);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("firstLineHandlingMinutes", form.firstLineHandlingMinutes());
        values.put("secondLineHandlingMinutes", form.secondLineHandlingMinutes());
        values.put("serviceLevelPercent", form.serviceLevelPercent());
        values.put("answerWithinMinutes", form.answerWithinMinutes());
        values.put("shrinkagePercent", form.shrinkagePercent());
        values.put("firstLineMinimum", form.firstLineMinimum());
        values.put("secondLineMinimum", form.secondLineMinimum());
        values.put("secondLineSharePercent", form.secondLineSharePercent());
        values.put("shareMinTickets", form.shareMinTickets());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("aggregations", ShiftStaffingAggregation.values());
        return "workforce/demand-settings";
    }

    private static SettingsForm formOf(StaffingSettings s) {
        return new SettingsForm(plain(s.firstLineHandlingMinutes()), plain(s.secondLineHandlingMinutes()), plain(s.serviceLevelPercent()),
                String.valueOf(s.answerWithinMinutes()), plain(s.shrinkagePercent()), s.aggregation().name(), s.carryClosedHours(),
                String.valueOf(s.firstLineMinimum()), String.valueOf(s.secondLineMinimum()), plain(s.secondLineSharePercent()),
                String.valueOf(s.shareMinTickets()), s.version());
    }

    private static String plain(double v) {
        double r = Math.round(v * 1000) / 1000.0;
        return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
    }

    private Double decimal(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.put(field, refusals.text("wfdemand.settings.number"));
            return 0.0;
        }
    }

    private Integer integer(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            errors.put(field, refusals.text("wfdemand.settings.integer"));
            return 0;
        }
    }

    // ------------------------------------------------------------------ arrival history

    @GetMapping("/arrivals")
    String arrivals(Actor actor, Model model) {
        StaffAccess.requireStaff(actor);
        return arrivalsPage(actor, model, demand.zone().getId(), "", Map.of());
    }

    @PostMapping("/arrivals")
    String importArrivals(Actor actor, @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String zone,
                          @RequestParam(required = false) String label, Model model, RedirectAttributes redirect,
                          HttpServletResponse response) throws IOException {
        StaffAccess.requirePlanner(actor);
        Map<String, String> errors = new LinkedHashMap<>();
        if (file == null || file.isEmpty()) {
            errors.put("file", refusals.text("wfdemand.import.fileRequired"));
        } else {
            try (InputStreamReader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8.newDecoder())) {
                var batch = history.importCsv(actor, label, file.getOriginalFilename(), zone, reader);
                redirect.addFlashAttribute("success", refusals.text("wfdemand.import.done", batch.label(), Math.round(batch.total()), batch.rows()));
                return "redirect:/agent/workforce/arrivals";
            } catch (DomainException e) {
                if (e.kind() != DomainException.Kind.INVALID_INPUT) {
                    throw e;
                }
                errors.put(e.field() == null ? "file" : e.field(), refusals.explain(e));
            }
        }
        response.setStatus(400);
        return arrivalsPage(actor, model, zone == null ? demand.zone().getId() : zone, label == null ? "" : label, errors);
    }

    @PostMapping("/arrivals/{id}/delete")
    String deleteArrivals(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        history.delete(actor, id);
        redirect.addFlashAttribute("success", refusals.text("wfdemand.import.deleted"));
        return "redirect:/agent/workforce/arrivals";
    }

    private String arrivalsPage(Actor actor, Model model, String zone, String label, Map<String, String> errors) {
        model.addAttribute("batches", history.batches(actor));
        model.addAttribute("canEdit", StaffAccess.plans(actor));
        model.addAttribute("zone", zone);
        model.addAttribute("label", label);
        model.addAttribute("errors", errors);
        return "workforce/demand-arrivals";
    }

    // ------------------------------------------------------------------ helpers

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }

    private static ResponseEntity<String> csv(String name, String body) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body);
    }
}
