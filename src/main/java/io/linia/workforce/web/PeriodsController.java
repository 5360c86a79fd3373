package io.linia.workforce.web;

import io.linia.accounts.Actor;
import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import io.linia.workforce.staff.AvailabilitySheets;
import io.linia.workforce.staff.DeadlineCommand;
import io.linia.workforce.staff.PeriodCommand;
import io.linia.workforce.staff.PeriodStatus;
import io.linia.workforce.staff.PeriodView;
import io.linia.workforce.staff.PlanningCalendar;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.ShiftTemplateView;
import io.linia.workforce.staff.ShiftTemplates;
import io.linia.workforce.staff.StaffAccess;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The shift pages' home: the planning periods (an agent sees whether they have entered their
 * availability for each and goes to their grid; a planner opens the next period and follows each), and
 * a period's status for planners: every agent, entered or not and when, the list of those who have not
 * (with a mail to remind them all), the deadline to move or close, and the desk's answers per shift.
 */
@Controller
@RequestMapping("/agent/workforce")
class PeriodsController {

    /** The form to open a period, as typed. */
    record PeriodForm(String firstDay, String weeks, String availabilityDue) {
    }

    private final PlanningPeriods periods;
    private final AvailabilitySheets sheets;
    private final ShiftTemplates templates;
    private final PlanningCalendar calendar;
    private final StaffPages pages;
    private final Refusals refusals;

    PeriodsController(PlanningPeriods periods, AvailabilitySheets sheets, ShiftTemplates templates, PlanningCalendar calendar,
                      StaffPages pages, Refusals refusals) {
        this.periods = periods;
        this.sheets = sheets;
        this.templates = templates;
        this.calendar = calendar;
        this.pages = pages;
        this.refusals = refusals;
    }

    @GetMapping
    String home(Actor actor, Model model) {
        PeriodForm form = null;
        if (StaffAccess.plans(actor)) {
            PeriodCommand next = periods.next();
            form = new PeriodForm(next.firstDay().toString(), String.valueOf(next.weeks()),
                    pages.localInput(next.availabilityDue().toInstant()));
        }
        return home(actor, model, form, Map.of());
    }

    /** The navigation's badge: open periods still waiting for the signed-in agent's availability ("" when none). */
    @GetMapping(value = "/awaiting", produces = "text/plain")
    @org.springframework.web.bind.annotation.ResponseBody
    String awaiting(Actor actor) {
        int n = periods.awaiting(actor);
        return n == 0 ? "" : String.valueOf(n);
    }

    @PostMapping("/periods")
    String open(Actor actor, PeriodForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        StaffAccess.requirePlanner(actor);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate first = null;
        try {
            first = form.firstDay() == null || form.firstDay().isBlank() ? null : LocalDate.parse(form.firstDay().strip());
        } catch (DateTimeParseException e) {
            errors.put("firstDay", refusals.text("linia.validation.format"));
        }
        Integer weeks = null;
        try {
            weeks = Integer.valueOf(form.weeks() == null ? "" : form.weeks().strip());
        } catch (NumberFormatException e) {
            errors.put("weeks", refusals.text("wfstaff.period.weeks", PlanningPeriods.MIN_WEEKS, PlanningPeriods.MAX_WEEKS));
        }
        OffsetDateTime due = null;
        try {
            due = local(form.availabilityDue());
        } catch (DateTimeParseException e) {
            errors.put("availabilityDue", refusals.text("linia.validation.format"));
        }
        PeriodCommand command = new PeriodCommand(first, weeks, due);
        periods.problems(command).forEach((field, problem) -> errors.putIfAbsent(field, refusals.explain(problem)));
        if (errors.isEmpty()) {
            try {
                PeriodView opened = periods.open(actor, command);
                redirect.addFlashAttribute("success", refusals.text("wfstaff.period.opened",
                        pages.date(opened.firstDay()), pages.date(opened.lastDay())));
                return "redirect:/agent/workforce/periods/" + opened.id();
            } catch (DomainException e) {
                errors.put(e.field() == null ? "form" : e.field(), refusals.explain(e));
            }
        }
        response.setStatus(400);
        return home(actor, model, form, errors);
    }

    @GetMapping("/periods/{id}")
    String period(Actor actor, @PathVariable long id, Model model) {
        if (!StaffAccess.plans(actor)) {
            return "redirect:/agent/workforce/periods/" + id + "/availability/" + actor.id();
        }
        return status(actor, id, model, null, Map.of());
    }

    @PostMapping("/periods/{id}/deadline")
    String deadline(Actor actor, @PathVariable long id, @RequestParam(required = false) String availabilityDue,
                    @RequestParam(required = false) Long version, Model model, RedirectAttributes redirect,
                    HttpServletResponse response) {
        StaffAccess.requirePlanner(actor);
        try {
            PeriodView changed = periods.changeDeadline(actor, id, new DeadlineCommand(local(availabilityDue), version));
            redirect.addFlashAttribute("success", refusals.text("wfstaff.period.deadlineMoved", pages.time(changed.availabilityDue())));
            return "redirect:/agent/workforce/periods/" + id;
        } catch (DateTimeParseException e) {
            response.setStatus(400);
            return status(actor, id, model, availabilityDue, Map.of("availabilityDue", refusals.text("linia.validation.format")));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            response.setStatus(e.kind() == DomainException.Kind.CONFLICT ? 409 : 400);
            return status(actor, id, model, availabilityDue, Map.of(e.field() == null ? "form" : e.field(), refusals.explain(e)));
        }
    }

    @PostMapping("/periods/{id}/close")
    String close(Actor actor, @PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        PeriodView closed = periods.closeEntry(actor, id, version);
        redirect.addFlashAttribute("success", refusals.text("wfstaff.period.entryClosed", pages.time(closed.availabilityDue())));
        return "redirect:/agent/workforce/periods/" + id;
    }

    @PostMapping("/periods/{id}/delete")
    String delete(Actor actor, @PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        PeriodView period = periods.get(actor, id);
        periods.delete(actor, id, version);
        redirect.addFlashAttribute("success", refusals.text("wfstaff.period.deleted", pages.date(period.firstDay()),
                pages.date(period.lastDay())));
        return "redirect:/agent/workforce";
    }

    private String home(Actor actor, Model model, PeriodForm form, Map<String, String> errors) {
        List<PeriodView> all = periods.list(actor);
        model.addAttribute("periods", all);
        model.addAttribute("saved", sheets.savedByPeriod(actor.id()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("minWeeks", PlanningPeriods.MIN_WEEKS);
        model.addAttribute("maxWeeks", PlanningPeriods.MAX_WEEKS);
        return "workforce/staff-periods";
    }

    private String status(Actor actor, long id, Model model, String dueTyped, Map<String, String> errors) {
        PeriodStatus status = periods.status(actor, id);
        List<ShiftTemplateView> all = templates.list();
        List<AvailabilitySheets.DeskShift> desk = sheets.desk(actor, id);
        model.addAttribute("status", status);
        model.addAttribute("period", status.period());
        model.addAttribute("missing", status.missing());
        model.addAttribute("remind", remindLink(status));
        model.addAttribute("desk", DeskTable.of(status.period(), desk, all));
        model.addAttribute("dueValue", dueTyped != null ? dueTyped : pages.localInput(status.period().availabilityDue()));
        model.addAttribute("errors", errors);
        return "workforce/staff-period";
    }

    /** A mail to every agent who has not entered their availability (in Bcc), with the period and the deadline. */
    private String remindLink(PeriodStatus status) {
        List<PeriodStatus.AgentSheet> missing = status.missing();
        if (missing.isEmpty()) {
            return null;
        }
        PeriodView p = status.period();
        String subject = refusals.text("wfstaff.remind.subject", pages.date(p.firstDay()), pages.date(p.lastDay()));
        String body = refusals.text("wfstaff.remind.body", pages.date(p.firstDay()), pages.date(p.lastDay()),
                pages.time(p.availabilityDue()), p.zone());
        return "mailto:?bcc=" + missing.stream().map(PeriodStatus.AgentSheet::email).collect(Collectors.joining(","))
                + "&subject=" + encode(subject) + "&body=" + encode(body);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A {@code datetime-local} value read in the planning zone; null when blank. */
    private OffsetDateTime local(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return LocalDateTime.parse(value.strip()).atZone(calendar.current().zone()).toOffsetDateTime();
    }
}
