package io.linia.workforce.web;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.tickets.Line;
import io.linia.web.Refusals;
import io.linia.workforce.RosterExplanation;
import io.linia.workforce.RosterNeed;
import io.linia.workforce.WorkforcePlanning;
import io.linia.workforce.schedule.RosterJobs;
import io.linia.workforce.schedule.RosterView;
import io.linia.workforce.schedule.Rosters;
import io.linia.workforce.schedule.SolveState;
import io.linia.workforce.staff.PeriodView;
import io.linia.workforce.staff.PlanningCalendar;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.ShiftTemplates;
import io.linia.workforce.staff.StaffAccess;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A period's roster (item 5 and 8): planners solve it in the background and watch the progress (polled
 * every second), stop it, edit it by hand in the week grid (give, take away, pin), publish or withdraw it,
 * and read why it is as it is; agents read the published roster with their own shifts marked. The page
 * prints as a black-and-white landscape grid.
 */
@Controller
@RequestMapping("/agent/workforce")
class RosterController {

    private final Rosters rosters;
    private final RosterJobs jobs;
    private final PlanningPeriods periods;
    private final WorkforcePlanning planning;
    private final ShiftTemplates templates;
    private final RoutingDirectory routing;
    private final UserDirectory users;
    private final PlanningCalendar calendar;
    private final StaffPages pages;
    private final Refusals refusals;

    RosterController(Rosters rosters, RosterJobs jobs, PlanningPeriods periods, WorkforcePlanning planning, ShiftTemplates templates,
                     RoutingDirectory routing, UserDirectory users, PlanningCalendar calendar, StaffPages pages, Refusals refusals) {
        this.rosters = rosters;
        this.jobs = jobs;
        this.periods = periods;
        this.planning = planning;
        this.templates = templates;
        this.routing = routing;
        this.users = users;
        this.calendar = calendar;
        this.pages = pages;
        this.refusals = refusals;
    }

    /** The navigation's tab: the roster of the period under way, else the next one, else the latest. */
    @GetMapping("/roster")
    String current(Actor actor, RedirectAttributes redirect) {
        LocalDate today = calendar.today();
        List<PeriodView> all = new ArrayList<>(periods.list(actor));
        all.sort(Comparator.comparing((PeriodView p) -> p.lastDay().isBefore(today) ? 2 : p.firstDay().isAfter(today) ? 1 : 0)
                .thenComparing(p -> Math.abs(p.firstDay().toEpochDay() - today.toEpochDay())));
        if (all.isEmpty()) {
            redirect.addFlashAttribute("problem", refusals.text("wfrosterui.noPeriods"));
            return "redirect:/agent/workforce";
        }
        PeriodView chosen = all.get(0);
        if (!StaffAccess.plans(actor)) {
            chosen = all.stream().filter(p -> rosters.ofPeriod(actor, p.id()).isPresent()).findFirst().orElse(chosen);
        }
        return "redirect:/agent/workforce/periods/" + chosen.id() + "/roster";
    }

    @GetMapping("/periods/{id}/roster")
    String page(Actor actor, @PathVariable long id, @RequestParam(required = false) String week, Model model) {
        return render(actor, id, week(week), model, null);
    }

    /** The live progress, polled every second while a solve runs; once it has ended, the page reloads to show the roster. */
    @GetMapping("/periods/{id}/roster/progress")
    String progress(Actor actor, @PathVariable long id, @RequestParam(required = false) String watching, Model model,
                    HttpServletResponse response) {
        Optional<SolveState> state = jobs.state(actor, id);
        if (watching != null && state.map(s -> !s.running()).orElse(true)) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("period", periods.get(actor, id));
        model.addAttribute("solve", state.orElse(null));
        return "workforce/roster :: progress";
    }

    @PostMapping("/periods/{id}/roster/solve")
    String solve(Actor actor, @PathVariable long id, @RequestParam(required = false) String timeLimit,
                 @RequestParam(required = false) String week, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        StaffAccess.requirePlanner(actor);
        Duration limit;
        try {
            limit = timeLimit == null || timeLimit.isBlank() ? null : Duration.ofSeconds(Long.parseLong(timeLimit.strip()));
        } catch (NumberFormatException e) {
            response.setStatus(400);
            return render(actor, id, week(week), model, Map.of("timeLimit", refusals.text("wfrosterui.error.timeLimit",
                    RosterJobs.MIN_TIME_LIMIT.toSeconds(), RosterJobs.MAX_TIME_LIMIT.toSeconds())), timeLimit);
        }
        try {
            jobs.start(actor, id, limit);
        } catch (DomainException e) {
            return refused(actor, id, week(week), model, response, e, timeLimit);
        }
        redirect.addFlashAttribute("success", refusals.text("wfrosterui.solve.started"));
        return "redirect:/agent/workforce/periods/" + id + "/roster" + (week == null ? "" : "?week=" + week(week));
    }

    @PostMapping("/periods/{id}/roster/stop")
    String stop(Actor actor, @PathVariable long id, @RequestParam(required = false) String week, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        try {
            jobs.stop(actor, id);
        } catch (DomainException e) {
            return refused(actor, id, week(week), model, response, e, null);
        }
        redirect.addFlashAttribute("success", refusals.text("wfrosterui.solve.stopping"));
        return "redirect:/agent/workforce/periods/" + id + "/roster" + (week == null ? "" : "?week=" + week(week));
    }

    /** A hand edit of one agent's shift: {@code give}, {@code take} (away), {@code pin}, {@code unpin}. */
    @PostMapping("/periods/{id}/roster/edit")
    String edit(Actor actor, @PathVariable long id, @RequestParam(required = false) String action,
                @RequestParam(required = false) String userId, @RequestParam(required = false) String date,
                @RequestParam(required = false) String templateId, @RequestParam(required = false) String version,
                @RequestParam(required = false) String week, @RequestHeader(value = "HX-Request", required = false) String htmx,
                Model model, RedirectAttributes redirect, HttpServletResponse response) {
        StaffAccess.requirePlanner(actor);
        int w = week(week);
        try {
            long user = number("userId", userId);
            long template = number("templateId", templateId);
            Long expected = version == null || version.isBlank() ? null : number("version", version);
            LocalDate day;
            try {
                day = LocalDate.parse(date == null ? "" : date.strip());
            } catch (DateTimeParseException e) {
                throw DomainException.invalid("date", "linia.validation.format");
            }
            jobs.requireIdle(id);
            String done = switch (action == null ? "" : action) {
                case "give" -> {
                    rosters.give(actor, id, user, day, template, expected);
                    yield "wfrosterui.edit.given";
                }
                case "take" -> {
                    rosters.takeAway(actor, id, user, day, template, expected);
                    yield "wfrosterui.edit.taken";
                }
                case "pin", "unpin" -> {
                    rosters.pin(actor, id, user, day, template, "pin".equals(action), expected);
                    yield "pin".equals(action) ? "wfrosterui.edit.pinned" : "wfrosterui.edit.unpinned";
                }
                default -> throw DomainException.invalid("action", "wfrosterui.error.action");
            };
            if (htmx == null) {
                redirect.addFlashAttribute("success", refusals.text(done));
                return "redirect:/agent/workforce/periods/" + id + "/roster?week=" + w;
            }
            model.addAttribute("editDone", refusals.text(done));
            return render(actor, id, w, model, null);
        } catch (DomainException e) {
            return refused(actor, id, w, model, response, e, null);
        }
    }

    @PostMapping("/periods/{id}/roster/publish")
    String publish(Actor actor, @PathVariable long id, @RequestParam(required = false) String version,
                   @RequestParam(required = false) String week, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return stateChange(actor, id, version, week, model, redirect, response, true);
    }

    @PostMapping("/periods/{id}/roster/withdraw")
    String withdraw(Actor actor, @PathVariable long id, @RequestParam(required = false) String version,
                    @RequestParam(required = false) String week, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return stateChange(actor, id, version, week, model, redirect, response, false);
    }

    private String stateChange(Actor actor, long id, String version, String week, Model model, RedirectAttributes redirect,
                               HttpServletResponse response, boolean publish) {
        StaffAccess.requirePlanner(actor);
        try {
            Long expected = version == null || version.isBlank() ? null : number("version", version);
            jobs.requireIdle(id);
            if (publish) {
                rosters.publish(actor, id, expected);
            } else {
                rosters.withdraw(actor, id, expected);
            }
        } catch (DomainException e) {
            return refused(actor, id, week(week), model, response, e, null);
        }
        redirect.addFlashAttribute("success", refusals.text(publish ? "wfrosterui.published" : "wfrosterui.withdrawn"));
        return "redirect:/agent/workforce/periods/" + id + "/roster?week=" + week(week);
    }

    private String refused(Actor actor, long id, int week, Model model, HttpServletResponse response, DomainException e, String timeLimit) {
        if (e.kind() == DomainException.Kind.NOT_FOUND && e.messageKey().startsWith("wfstaff") || e.kind() == DomainException.Kind.FORBIDDEN) {
            throw e;
        }
        response.setStatus(switch (e.kind()) {
            case CONFLICT -> 409;
            case NOT_FOUND -> 404;
            default -> 400;
        });
        return render(actor, id, week, model, Map.of(e.field() == null ? "form" : e.field(), refusals.explain(e)), timeLimit);
    }

    private String render(Actor actor, long id, int week, Model model, Map<String, String> errors) {
        return render(actor, id, week, model, errors, null);
    }

    private String render(Actor actor, long id, int week, Model model, Map<String, String> errors, String timeLimitTyped) {
        PeriodView period = periods.get(actor, id);
        boolean planner = StaffAccess.plans(actor);
        Optional<RosterView> roster = rosters.ofPeriod(actor, id);
        RosterExplanation explanation = planner ? rosters.explanation(actor, id).orElse(null) : null;
        Locale locale = LocaleContextHolder.getLocale();
        Map<Long, GroupRef> groups = routing.groups().stream().collect(Collectors.toMap(GroupRef::id, Function.identity(), (a, b) -> a));
        RosterGrid.QueueLabels labels = (line, groupId) -> queueLabel(line, groupId, groups, locale);
        var profiles = planning.profiles();
        RosterGrid grid = RosterGrid.of(period.firstDay(), period.lastDay(), week, roster.orElse(null), explanation, profiles,
                planning.slots(period.firstDay(), period.lastDay()),
                planner ? planning.availability(period.firstDay(), period.lastDay()) : List.of(),
                templates.list(), locale, u -> users.user(u).map(UserRef::displayName).orElse("#" + u), labels, actor.id());
        if (!planner && roster.isEmpty()) {
            // before the roster is published an agent sees nobody's shifts, only that it is not there yet
            grid = new RosterGrid(grid.week(), grid.weeks(), grid.from(), grid.to(), grid.days(), List.of(), List.of());
        } else if (!planner) {
            // agents see the agents on the roster, their own row first
            List<RosterGrid.AgentRow> rows = new ArrayList<>(grid.agents().stream().filter(r -> r.weekShifts() > 0 || r.self()).toList());
            rows.sort(Comparator.comparing((RosterGrid.AgentRow r) -> !r.self()));
            grid = new RosterGrid(grid.week(), grid.weeks(), grid.from(), grid.to(), grid.days(), rows, grid.shiftDays());
        }
        model.addAttribute("period", period);
        model.addAttribute("planner", planner);
        model.addAttribute("roster", roster.orElse(null));
        model.addAttribute("grid", grid);
        model.addAttribute("solve", planner ? jobs.state(actor, id).orElse(null) : null);
        model.addAttribute("explanation", explanation == null ? null : RosterReport.of(explanation, grid, profiles, labels, refusals,
                locale, templates.list()));
        model.addAttribute("errors", errors == null ? Map.of() : errors);
        model.addAttribute("timeLimit", timeLimitTyped != null ? timeLimitTyped : String.valueOf(jobs.defaultTimeLimit().toSeconds()));
        model.addAttribute("minTimeLimit", RosterJobs.MIN_TIME_LIMIT.toSeconds());
        model.addAttribute("maxTimeLimit", RosterJobs.MAX_TIME_LIMIT.toSeconds());
        return "workforce/roster";
    }

    private String queueLabel(Line line, Long groupId, Map<Long, GroupRef> groups, Locale locale) {
        if (line == null || groupId == null) {
            return refusals.text("wfrosterui.queue.extra");
        }
        if (groupId == RosterNeed.WHOLE_LINE) {
            return refusals.text("wfrosterui.queue.wholeLine." + line.name());
        }
        GroupRef group = groups.get(groupId);
        String name = group == null ? "#" + groupId : group.name(locale);
        return refusals.text("wfrosterui.queue.group." + line.name(), name);
    }

    private static int week(String week) {
        try {
            return week == null || week.isBlank() ? 1 : Math.max(1, Integer.parseInt(week.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static long number(String field, String value) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, "linia.validation.format");
        }
    }
}
