package io.linia.routing.api;

import io.linia.routing.BusinessCalendar;
import io.linia.routing.BusinessCalendars;
import io.linia.routing.CalendarCommand;
import io.linia.routing.CalendarView;
import io.linia.routing.CalendarView.Hours;
import io.linia.routing.calendar.CalendarAdministration;
import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Business calendars over the API: read by all staff, written by administrators (the same rules as
 * the admin pages: {@link CalendarCommand}), and the calendar maths on demand — when N business
 * minutes (or days) after an instant end, how much business time lies between two instants, whether
 * the desk is open. Bad input answers a problem detail naming every field refused ({@code errors[]}).
 */
@RestController
@RequestMapping("/api/v1/routing/calendars")
@Tag(name = "Business calendars", description = "Opening hours per weekday, holidays per year, time zone; the business-time maths")
class CalendarApi {

    /** The longest span the maths answers for (a guard against requests that would walk centuries day by day). */
    static final Duration MAX_SPAN = Duration.ofDays(3660);

    @Schema(description = "Open from `from` to `to` local time (HH:mm); `to` may be 24:00 (midnight at the end of the day)")
    record OpeningHours(@Schema(example = "09:00") String from, @Schema(example = "21:00") String to) {

        static OpeningHours of(Hours h) {
            String[] parts = h.text().split("–");
            return new OpeningHours(parts[0], parts[1]);
        }

        String text() {
            return (from == null ? "" : from.strip()) + "–" + (to == null ? "" : to.strip());
        }
    }

    @Schema(description = "A holiday or special day: closed when `hours` is empty, else open only at those hours")
    record Holiday(@Schema(example = "2026-01-01") String date, @Schema(example = "Новый год") String name, List<OpeningHours> hours) {

        static Holiday of(CalendarView.Holiday h) {
            return new Holiday(h.date().toString(), h.name(), h.hours().stream().map(OpeningHours::of).toList());
        }
    }

    record Calendar(long id, String name, String zone, boolean defaultCalendar, long version,
                    Map<DayOfWeek, List<OpeningHours>> week, List<Holiday> holidays) {

        static Calendar of(CalendarView v) {
            Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                week.put(day, v.hours(day).stream().map(OpeningHours::of).toList());
            }
            return new Calendar(v.id(), v.name(), v.zone(), v.defaultCalendar(), v.version(), week,
                    v.holidays().stream().map(Holiday::of).toList());
        }
    }

    @Schema(description = "A calendar as written: a weekday missing from `week` (or with no hours) is closed; "
            + "`zone` blank means Europe/Moscow; `version` is the one read (a stale one answers 409), null skips the check")
    record CalendarInput(@Schema(example = "Поддержка (Новосибирск)") String name, @Schema(example = "Asia/Novosibirsk") String zone,
                         Map<DayOfWeek, List<OpeningHours>> week, List<Holiday> holidays, Long version) {
    }

    @Schema(description = "The holidays of one year (they replace that year's; the other years' stay as they are)")
    record HolidaysInput(List<Holiday> holidays, Long version) {
    }

    @Schema(description = "When the business time runs out: `due` as an instant and in the calendar's local time")
    record Due(long calendarId, String zone, Instant from, Integer minutes, Integer days, Instant due, String dueLocal) {
    }

    @Schema(description = "Business time in [from, to): whole minutes, seconds and an ISO-8601 duration")
    record BusinessTime(long calendarId, String zone, Instant from, Instant to, long minutes, long seconds, String duration) {
    }

    @Schema(description = "Whether the calendar is open at `at`, and its next opening (at itself when open)")
    record Openness(long calendarId, String zone, Instant at, boolean open, Instant nextOpening, String nextOpeningLocal) {
    }

    private final BusinessCalendars calendars;
    private final CalendarAdministration administration;
    private final Refusals refusals;
    private final Clock clock;

    CalendarApi(BusinessCalendars calendars, CalendarAdministration administration, Refusals refusals, Clock clock) {
        this.calendars = calendars;
        this.administration = administration;
        this.refusals = refusals;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ reading and writing

    @GetMapping
    @Operation(summary = "All business calendars, by name (staff)")
    List<Calendar> list() {
        return calendars.all().stream().map(Calendar::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One calendar with all its holidays (staff)")
    @ApiResponse(responseCode = "404", description = "No such calendar")
    Calendar get(@PathVariable long id) {
        return Calendar.of(administration.view(id));
    }

    @PostMapping
    @Operation(summary = "Add a calendar (admins)",
            description = "Refused with 400 naming each field: name (missing, too long, taken), zone (unknown), "
                    + "week.MONDAY … week.SUNDAY (unreadable, empty, backwards or overlapping hours), week (never open), "
                    + "holidays[i].date (missing, not a date, twice), holidays[i].name, holidays[i].hours.")
    @ApiResponse(responseCode = "201", description = "Created; Location names it")
    @ApiResponse(responseCode = "400", description = "Bad input (problem detail with errors[])")
    @ApiResponse(responseCode = "403", description = "Not an administrator")
    ResponseEntity<Calendar> create(HttpServletRequest request, @RequestBody CalendarInput input) {
        requireAdmin(request);
        CalendarView saved = administration.create(command(input.name(), input.zone(), input.week(), holidays(input.holidays(), null),
                null));
        return ResponseEntity.created(URI.create("/api/v1/routing/calendars/" + saved.id())).body(Calendar.of(saved));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a calendar: name, zone, weekly hours and all holidays (admins)",
            description = "Send the version you read: a stale one answers 409 with currentVersion. Fields refused as for POST.")
    @ApiResponse(responseCode = "400", description = "Bad input (problem detail with errors[])")
    @ApiResponse(responseCode = "403", description = "Not an administrator")
    @ApiResponse(responseCode = "404", description = "No such calendar")
    @ApiResponse(responseCode = "409", description = "Changed since the version sent")
    Calendar update(HttpServletRequest request, @PathVariable long id, @RequestBody CalendarInput input) {
        requireAdmin(request);
        administration.view(id); // an unknown id is a 404 whatever the body holds
        return Calendar.of(administration.update(id, command(input.name(), input.zone(), input.week(),
                holidays(input.holidays(), null), input.version())));
    }

    @GetMapping("/{id}/holidays")
    @Operation(summary = "A calendar's holidays, of one year or all (staff)")
    List<Holiday> holidays(@PathVariable long id,
                           @Parameter(description = "Only this year's", example = "2026") @RequestParam(required = false) Integer year) {
        CalendarView view = administration.view(id);
        return (year == null ? view.holidays() : view.holidaysOf(year)).stream().map(Holiday::of).toList();
    }

    @PutMapping("/{id}/holidays/{year}")
    @Operation(summary = "Replace one year's holidays, keeping the other years' (admins)",
            description = "Every date must fall in that year (else 400 at holidays[i].date). Send the version you read; "
                    + "a stale one answers 409.")
    @ApiResponse(responseCode = "400", description = "Bad input (problem detail with errors[])")
    @ApiResponse(responseCode = "403", description = "Not an administrator")
    @ApiResponse(responseCode = "404", description = "No such calendar")
    @ApiResponse(responseCode = "409", description = "Changed since the version sent")
    Calendar replaceHolidays(HttpServletRequest request, @PathVariable long id, @PathVariable int year, @RequestBody HolidaysInput input) {
        requireAdmin(request);
        CalendarView current = administration.view(id);
        HolidayReading read = holidays(input.holidays(), year);
        List<CalendarCommand.Holiday> all = new ArrayList<>(read.holidays());
        for (CalendarView.Holiday h : current.holidays()) {
            if (h.date().getYear() != year) {
                all.add(new CalendarCommand.Holiday(h.date(), h.name(), Hours.text(h.hours())));
            }
        }
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, current.hours(day).stream().map(OpeningHours::of).toList());
        }
        return Calendar.of(administration.update(id, command(current.name(), current.zone(), week,
                new HolidayReading(all, read.problems()), input.version())));
    }

    // ------------------------------------------------------------------ the maths

    @GetMapping("/{id}/due")
    @Operation(summary = "When N business minutes (or N business days) after `from` run out (staff)",
            description = "Minutes: the instant when that much open time has passed (a span ending exactly at a closing ends "
                    + "there). Days: the closing of the n-th open day, counting from's day when it still has open time "
                    + "(how SLA resolution targets in days are due).")
    @ApiResponse(responseCode = "400", description = "from unreadable, minutes/days missing, both given or out of range")
    @ApiResponse(responseCode = "404", description = "No such calendar")
    Due due(@PathVariable long id,
            @Parameter(description = "Start: an instant (2026-11-27T17:50:00Z), a time with offset (2026-11-27T20:50+03:00) "
                    + "or a local time in the calendar's zone (2026-11-27T20:50); default now") @RequestParam(required = false) String from,
            @Parameter(description = "Business minutes, 0–525600", example = "60") @RequestParam(required = false) String minutes,
            @Parameter(description = "Business days, 0–365 (instead of minutes)", example = "5") @RequestParam(required = false) String days) {
        BusinessCalendar calendar = calendars.byId(id);
        Map<String, DomainException> problems = new LinkedHashMap<>();
        Instant start = instant(from, "from", calendar.zone(), true, problems);
        Integer m = number(minutes, "minutes", 525600, problems);
        Integer d = number(days, "days", 365, problems);
        if (!problems.containsKey("minutes") && !problems.containsKey("days") && (m == null) == (d == null)) {
            String field = m == null ? "minutes" : "days";
            problems.put(field, DomainException.invalid(field, "calendar.api.minutesOrDays"));
        }
        refuse(problems);
        Instant due = mathsOf(calendar, () -> m != null ? calendar.plus(start, Duration.ofMinutes(m)) : calendar.plusDays(start, d));
        return new Due(id, calendar.zone().getId(), start, m, d, due, local(due, calendar.zone()));
    }

    @GetMapping("/{id}/business-time")
    @Operation(summary = "Business time between two instants (staff)", description = "Open time in [from, to), exact across "
            + "holidays, DST changes and midnight; to must not be before from; spans up to 3660 days.")
    @ApiResponse(responseCode = "400", description = "from/to missing or unreadable, to before from, span too long")
    @ApiResponse(responseCode = "404", description = "No such calendar")
    BusinessTime businessTime(@PathVariable long id,
                              @Parameter(description = "Start, written as for /due", example = "2026-12-31T09:00:00+03:00")
                              @RequestParam(required = false) String from,
                              @Parameter(description = "End, written as for /due", example = "2027-01-12T09:00:00+03:00")
                              @RequestParam(required = false) String to) {
        BusinessCalendar calendar = calendars.byId(id);
        Map<String, DomainException> problems = new LinkedHashMap<>();
        Instant start = instant(from, "from", calendar.zone(), false, problems);
        Instant end = instant(to, "to", calendar.zone(), false, problems);
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                problems.put("to", DomainException.invalid("to", "calendar.api.toBeforeFrom"));
            } else if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
                problems.put("to", DomainException.invalid("to", "calendar.api.spanTooLong", MAX_SPAN.toDays()));
            }
        }
        refuse(problems);
        Duration d = calendar.between(start, end);
        return new BusinessTime(id, calendar.zone().getId(), start, end, d.toMinutes(), d.toSeconds(), d.toString());
    }

    @GetMapping("/{id}/open")
    @Operation(summary = "Whether the calendar is open at an instant, and when it next opens (staff)")
    @ApiResponse(responseCode = "404", description = "No such calendar")
    Openness open(@PathVariable long id,
                  @Parameter(description = "The instant, written as for /due; default now") @RequestParam(required = false) String at) {
        BusinessCalendar calendar = calendars.byId(id);
        Map<String, DomainException> problems = new LinkedHashMap<>();
        Instant when = instant(at, "at", calendar.zone(), true, problems);
        refuse(problems);
        Instant next = mathsOf(calendar, () -> calendar.nextOpening(when));
        return new Openness(id, calendar.zone().getId(), when, calendar.isOpen(when), next, local(next, calendar.zone()));
    }

    // ------------------------------------------------------------------ helpers

    /** The security filter already lets only administrators write here; checked again so no later path change opens it. */
    private static void requireAdmin(HttpServletRequest request) {
        if (!request.isUserInRole("ADMIN")) {
            throw DomainException.forbidden("linia.error.forbidden");
        }
    }

    /** Holidays as read from the body, and the refusals found while reading them (a date outside the year being replaced). */
    private record HolidayReading(List<CalendarCommand.Holiday> holidays, Map<String, DomainException> problems) {
    }

    /** The command the admin pages would save; every field refused is reported at once, the first as {@code field}. */
    private CalendarCommand command(String name, String zone, Map<DayOfWeek, List<OpeningHours>> week, HolidayReading holidays,
                                    Long version) {
        Map<DayOfWeek, String> text = new EnumMap<>(DayOfWeek.class);
        if (week != null) {
            week.forEach((day, hours) -> {
                if (day != null) {
                    text.put(day, hours == null ? "" : hours.stream().map(h -> h == null ? "" : h.text())
                            .collect(Collectors.joining(", ")));
                }
            });
        }
        CalendarCommand command = new CalendarCommand(name, zone, text, holidays.holidays(), version);
        Map<String, DomainException> problems = new LinkedHashMap<>(command.problems());
        holidays.problems().forEach(problems::putIfAbsent);
        refuse(problems);
        return command;
    }

    private static HolidayReading holidays(List<Holiday> input, Integer year) {
        Map<String, DomainException> problems = new LinkedHashMap<>();
        List<CalendarCommand.Holiday> list = new ArrayList<>();
        if (input != null) {
            for (int i = 0; i < input.size(); i++) {
                Holiday h = input.get(i) == null ? new Holiday(null, null, null) : input.get(i);
                LocalDate date = null;
                if (h.date() != null && !h.date().isBlank()) {
                    try {
                        date = LocalDate.parse(h.date().strip());
                    } catch (DateTimeException e) {
                        // left null: the command refuses it at holidays[i].date, in its words
                    }
                }
                if (date != null && year != null && date.getYear() != year) {
                    String field = "holidays[" + i + "].date";
                    problems.put(field, DomainException.invalid(field, "calendar.api.dateOutsideYear", h.date().strip(), year));
                }
                String hours = h.hours() == null ? "" : h.hours().stream().map(x -> x == null ? "" : x.text())
                        .collect(Collectors.joining(", "));
                list.add(new CalendarCommand.Holiday(date, h.name(), hours));
            }
        }
        return new HolidayReading(list, problems);
    }

    private void refuse(Map<String, DomainException> problems) {
        if (problems.isEmpty()) {
            return;
        }
        List<Map<String, String>> errors = problems.values().stream()
                .map(e -> Map.of("field", e.field(), "message", refusals.explain(e))).toList();
        throw problems.values().iterator().next().with("errors", errors);
    }

    /**
     * An instant as written: ISO instant, date-time with offset, or local date-time in the calendar's zone
     * (a local time in a spring-forward gap is read as the same time after the gap).
     */
    private Instant instant(String text, String field, ZoneId zone, boolean optional, Map<String, DomainException> problems) {
        if (text == null || text.isBlank()) {
            if (optional) {
                return clock.instant();
            }
            problems.put(field, DomainException.invalid(field, "calendar.api.instantRequired"));
            return null;
        }
        String t = text.strip();
        try {
            return Instant.parse(t);
        } catch (DateTimeException notInstant) {
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeException notOffset) {
                try {
                    return LocalDateTime.parse(t).atZone(zone).toInstant();
                } catch (DateTimeException notLocal) {
                    problems.put(field, DomainException.invalid(field, "calendar.api.instant", t));
                    return null;
                }
            }
        }
    }

    private static Integer number(String text, String field, int max, Map<String, DomainException> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n < 0 || n > max) {
                problems.put(field, DomainException.invalid(field, "calendar.api.range", 0, max));
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            problems.put(field, DomainException.invalid(field, "calendar.api.range", 0, max));
            return null;
        }
    }

    /** A stored calendar always has weekly hours, so the search for open time ends; should it not, a 409 says why. */
    private static Instant mathsOf(BusinessCalendar calendar, java.util.function.Supplier<Instant> maths) {
        try {
            return maths.get();
        } catch (IllegalStateException e) {
            throw DomainException.conflict("calendar.api.neverOpen", calendar.name());
        }
    }

    private static String local(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
