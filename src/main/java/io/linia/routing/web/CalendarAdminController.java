package io.linia.routing.web;

import io.linia.routing.BusinessCalendars;
import io.linia.routing.CalendarCommand;
import io.linia.routing.CalendarView;
import io.linia.routing.CalendarView.Hours;
import io.linia.routing.calendar.CalendarAdministration;
import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration of business calendars: weekly hours per weekday and the holidays of one year at a
 * time (the form's holiday rows are that year's; the other years' holidays are kept as stored).
 */
@Controller
@RequestMapping("/admin/calendars")
class CalendarAdminController {

    /** blank rows offered for new holidays under the year's list */
    private static final int NEW_ROWS = 3;
    private static final Pattern HOLIDAY_FIELD = Pattern.compile("holidays\\[(\\d+)]\\.(\\w+)");
    static final List<String> ZONES = List.of("Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara", "Asia/Yekaterinburg",
            "Asia/Omsk", "Asia/Novosibirsk", "Asia/Krasnoyarsk", "Asia/Irkutsk", "Asia/Yakutsk", "Asia/Vladivostok",
            "Asia/Magadan", "Asia/Kamchatka", "Europe/Berlin", "UTC");

    /** What the form shows: the weekly hours as text per day, and the holiday rows of one year. */
    record CalendarForm(String name, String zone, Long version, int year, Map<DayOfWeek, String> week, List<HolidayRow> rows) {
    }

    record HolidayRow(String date, String name, String hours, boolean remove) {
    }

    private final BusinessCalendars calendars;
    private final CalendarAdministration administration;
    private final Refusals refusals;
    private final Clock clock;

    CalendarAdminController(BusinessCalendars calendars, CalendarAdministration administration, Refusals refusals, Clock clock) {
        this.calendars = calendars;
        this.administration = administration;
        this.refusals = refusals;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        int year = LocalDate.now(clock).getYear();
        model.addAttribute("calendars", calendars.all());
        model.addAttribute("year", year);
        model.addAttribute("days", DayOfWeek.values());
        return "routing/admin-calendars";
    }

    @GetMapping("/new")
    String create(Model model) {
        return form(model, new CalendarForm("", "Europe/Moscow", null, LocalDate.now(clock).getYear(), Map.of(), blankRows(List.of())),
                null, Map.of());
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
        CalendarView view = administration.view(id);
        return form(model, formOf(view, year == null ? LocalDate.now(clock).getYear() : year), view, Map.of());
    }

    @PostMapping({"", "/{id}"})
    String save(@PathVariable(required = false) Long id, @RequestParam Map<String, String> params, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        // loaded first: an unknown id is a 404 whatever the form holds
        CalendarView current = id == null ? null : administration.view(id);
        CalendarForm form = read(params);
        Map<String, String> errors = new LinkedHashMap<>();

        // the command's holidays: the form's rows (remembering which row each came from), then the other years' as stored
        List<CalendarCommand.Holiday> holidays = new ArrayList<>();
        List<Integer> rowOf = new ArrayList<>();
        for (int i = 0; i < form.rows().size(); i++) {
            HolidayRow row = form.rows().get(i);
            if (row.remove() || (blank(row.date()) && blank(row.name()) && blank(row.hours()))) {
                continue;
            }
            LocalDate date = null;
            if (!blank(row.date())) {
                try {
                    date = LocalDate.parse(row.date().strip());
                } catch (DateTimeException e) {
                    errors.put("h" + i + ".date", refusals.text("calendar.validation.date"));
                    continue;
                }
            }
            holidays.add(new CalendarCommand.Holiday(date, row.name(), row.hours()));
            rowOf.add(i);
        }
        if (current != null) {
            for (CalendarView.Holiday h : current.holidays()) {
                if (h.date().getYear() != form.year()) {
                    holidays.add(new CalendarCommand.Holiday(h.date(), h.name(), Hours.text(h.hours())));
                }
            }
        }
        CalendarCommand command = new CalendarCommand(form.name(), form.zone(), form.week(), holidays, form.version());
        command.problems().forEach((field, refusal) -> errors.putIfAbsent(formField(field, rowOf), refusals.explain(refusal)));

        if (errors.isEmpty()) {
            try {
                CalendarView saved = id == null ? administration.create(command) : administration.update(id, command);
                redirect.addFlashAttribute("success", refusals.text("calendar.saved", saved.name()));
                return "redirect:/admin/calendars/" + saved.id() + "?year=" + form.year();
            } catch (DomainException e) {
                if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
                    throw e;
                }
                if (e.kind() == DomainException.Kind.CONFLICT && current != null) {
                    // changed meanwhile: show what is stored now; saving again is a deliberate choice
                    CalendarView now = administration.view(current.id());
                    response.setStatus(409);
                    model.addAttribute("problem", refusals.text("calendar.stale", now.name()));
                    return form(model, formOf(now, form.year()), now, Map.of());
                }
                errors.put(e.field() == null ? "form" : formField(e.field(), rowOf), refusals.explain(e));
            }
        }
        response.setStatus(400);
        model.addAttribute("problem", refusals.text("calendar.problems"));
        return form(model, form, current, errors);
    }

    private String form(Model model, CalendarForm form, CalendarView calendar, Map<String, String> errors) {
        TreeSet<Integer> years = new TreeSet<>();
        int thisYear = LocalDate.now(clock).getYear();
        years.add(thisYear - 1);
        years.add(thisYear);
        years.add(thisYear + 1);
        years.add(form.year());
        if (calendar != null) {
            calendar.holidays().forEach(h -> years.add(h.date().getYear()));
        }
        model.addAttribute("form", form);
        model.addAttribute("calendar", calendar);
        model.addAttribute("itemId", calendar == null ? null : calendar.id());
        model.addAttribute("errors", errors);
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("years", years);
        model.addAttribute("zones", ZONES);
        return "routing/admin-calendar-form";
    }

    private static CalendarForm formOf(CalendarView view, int year) {
        Map<DayOfWeek, String> week = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, Hours.text(view.hours(day)));
        }
        List<HolidayRow> rows = view.holidaysOf(year).stream()
                .map(h -> new HolidayRow(h.date().toString(), h.name(), Hours.text(h.hours()), false)).toList();
        return new CalendarForm(view.name(), view.zone(), view.version(), year, week, blankRows(rows));
    }

    private static List<HolidayRow> blankRows(List<HolidayRow> rows) {
        List<HolidayRow> all = new ArrayList<>(rows);
        for (int i = 0; i < NEW_ROWS; i++) {
            all.add(new HolidayRow("", "", "", false));
        }
        return all;
    }

    private CalendarForm read(Map<String, String> params) {
        Map<DayOfWeek, String> week = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, params.getOrDefault("week." + day, ""));
        }
        List<HolidayRow> rows = new ArrayList<>();
        int count = number(params.get("rows"), 0);
        for (int i = 0; i < Math.min(count, 400); i++) {
            rows.add(new HolidayRow(params.getOrDefault("h" + i + ".date", ""), params.getOrDefault("h" + i + ".name", ""),
                    params.getOrDefault("h" + i + ".hours", ""), params.containsKey("h" + i + ".remove")));
        }
        String version = params.get("version");
        return new CalendarForm(params.getOrDefault("name", ""), params.getOrDefault("zone", ""),
                blank(version) ? null : (long) number(version, -1), number(params.get("year"), LocalDate.now(clock).getYear()),
                week, rows);
    }

    /** holidays[k].name of the command → h{row}.name of the form; a holiday of another year has no row: the form-wide message */
    private static String formField(String field, List<Integer> rowOf) {
        Matcher m = HOLIDAY_FIELD.matcher(field);
        if (!m.matches()) {
            return field;
        }
        int k = Integer.parseInt(m.group(1));
        return k < rowOf.size() ? "h" + rowOf.get(k) + "." + m.group(2) : "form";
    }

    private static int number(String text, int otherwise) {
        try {
            return text == null ? otherwise : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
