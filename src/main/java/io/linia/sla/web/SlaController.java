package io.linia.sla.web;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.routing.BusinessCalendars;
import io.linia.routing.CalendarView;
import io.linia.routing.CategoryRef;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.sla.ServiceLevels;
import io.linia.sla.SlaCoverage;
import io.linia.sla.SlaPolicyCommand;
import io.linia.sla.SlaPolicyView;
import io.linia.sla.TicketTargetView;
import io.linia.tickets.Line;
import io.linia.tickets.Priority;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The SLA panel of a ticket page (loaded by htmx), the team lead's notices and their count in the
 * navigation, and the policies: the list with which policy applies to which queue (all staff read
 * it), and the form in which admins create and change them (others get 403).
 */
@Controller
class SlaController {

    private final ServiceLevels levels;
    private final RoutingDirectory routing;
    private final BusinessCalendars calendars;
    private final UserDirectory users;
    private final Validator validator;
    private final Refusals refusals;

    SlaController(ServiceLevels levels, RoutingDirectory routing, BusinessCalendars calendars, UserDirectory users,
                  Validator validator, Refusals refusals) {
        this.levels = levels;
        this.routing = routing;
        this.calendars = calendars;
        this.users = users;
        this.validator = validator;
        this.refusals = refusals;
    }

    @GetMapping("/agent/tickets/{number}/sla")
    String panel(Actor actor, @PathVariable String number, Model model) {
        List<TicketTargetView> targets = levels.forTicket(actor, number);
        model.addAttribute("targets", targets);
        model.addAttribute("current", targets.stream().filter(t -> t.finishedAt() == null).toList());
        model.addAttribute("past", targets.stream().filter(t -> t.finishedAt() != null).toList());
        return "sla/ticket-sla :: panel";
    }

    @GetMapping("/agent/sla/notices")
    String notices(Actor actor, Model model) {
        model.addAttribute("notices", levels.notices(actor, 200));
        return "sla/notices";
    }

    @PostMapping("/agent/sla/notices/read")
    String read(Actor actor) {
        levels.markNoticesRead(actor);
        return "redirect:/agent/sla/notices";
    }

    @GetMapping(value = "/agent/sla/notices/count", produces = "text/plain")
    @ResponseBody
    String count(Actor actor) {
        long n = levels.unreadNotices(actor);
        return n == 0 ? "" : String.valueOf(n);
    }

    // ------------------------------------------------------------------ policies

    @GetMapping("/agent/sla/policies")
    String policies(Actor actor, Model model) {
        List<SlaPolicyView> policies = levels.policies(actor);
        SlaCoverage coverage = levels.coverage(actor);
        Names names = names();
        Map<Long, String> policyNames = policies.stream().collect(Collectors.toMap(SlaPolicyView::id, SlaPolicyView::name));
        model.addAttribute("rows", policies.stream().map(p -> row(p, coverage, names, policyNames)).toList());
        model.addAttribute("coverage", coverage.queues().stream().map(q -> new CoverageRow(
                q.line() == Line.FIRST ? refusals.text("sla.line.FIRST") : names.group(q.groupId()),
                java.util.Arrays.stream(PRIORITIES).map(pr -> {
                    Long id = q.policyFor(pr);
                    return new CoverageCell(pr, id, id == null ? null : policyNames.get(id));
                }).toList(),
                q.categoryPolicyIds().stream().map(id -> new CoverageCell(null, id, policyNames.get(id))).toList())).toList());
        model.addAttribute("gaps", coverage.gaps());
        model.addAttribute("priorities", PRIORITIES);
        model.addAttribute("mayChange", levels.mayChangePolicies(actor));
        return "sla/policies";
    }

    @GetMapping("/agent/sla/policies/new")
    String create(Actor actor, @RequestParam(required = false) Long copy, Model model) {
        requireAdmin(actor);
        SlaPolicyForm form = copy == null ? SlaPolicyForm.blank()
                : SlaPolicyForm.of(levels.policy(actor, copy), refusals.text("sla.form.copySuffix"));
        return form(model, form, null, Map.of());
    }

    @GetMapping("/agent/sla/policies/{id}")
    String edit(Actor actor, @PathVariable long id, Model model) {
        requireAdmin(actor);
        SlaPolicyView policy = levels.policy(actor, id);
        return form(model, SlaPolicyForm.of(policy, null), policy, Map.of());
    }

    @PostMapping({"/agent/sla/policies", "/agent/sla/policies/{id}"})
    String save(Actor actor, @PathVariable(required = false) Long id, @RequestParam Map<String, String> params, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        requireAdmin(actor);
        // loaded first: an unknown id is a 404 whatever the form holds
        SlaPolicyView current = id == null ? null : levels.policy(actor, id);
        SlaPolicyForm form = SlaPolicyForm.read(params);
        SlaPolicyForm.Reading reading = form.toCommand();
        Map<String, String> errors = new LinkedHashMap<>();
        reading.problems().forEach((field, key) -> errors.put(field,
                refusals.text((String) key[0], java.util.Arrays.copyOfRange(key, 1, key.length))));
        SlaPolicyCommand command = reading.command();
        // the API's validation: the command's constraints, then the desk's data
        for (ConstraintViolation<SlaPolicyCommand> v : validator.validate(command)) {
            errors.putIfAbsent(SlaPolicyForm.formField(v.getPropertyPath().toString()), v.getMessage());
        }
        levels.problems(actor, command).forEach((field, refusal) ->
                errors.putIfAbsent(SlaPolicyForm.formField(field), refusals.explain(refusal)));

        if (errors.isEmpty()) {
            try {
                SlaPolicyView saved = id == null ? levels.create(actor, command) : levels.update(actor, id, command);
                redirect.addFlashAttribute("success", refusals.text("sla.form.saved", saved.name()));
                return "redirect:/agent/sla/policies#policy-" + saved.id();
            } catch (DomainException e) {
                if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
                    throw e;
                }
                if (e.kind() == DomainException.Kind.CONFLICT && current != null) {
                    // changed meanwhile: keep what the admin typed, show what is stored now; saving again replaces it
                    SlaPolicyView now = levels.policy(actor, current.id());
                    response.setStatus(409);
                    model.addAttribute("conflict", refusals.text("sla.form.stale", now.name()));
                    model.addAttribute("stored", row(now, null, names(), Map.of()));
                    return form(model, form.withVersion(now.version()), now, Map.of());
                }
                errors.put(e.field() == null ? "form" : SlaPolicyForm.formField(e.field()), refusals.explain(e));
            }
        }
        response.setStatus(400);
        model.addAttribute("problem", refusals.text("sla.form.problems"));
        return form(model, form, current, errors);
    }

    private String form(Model model, SlaPolicyForm form, SlaPolicyView policy, Map<String, String> errors) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("form", form);
        model.addAttribute("policy", policy);
        model.addAttribute("errors", errors);
        model.addAttribute("priorities", PRIORITIES);
        // switched-off groups and categories stay choosable only where the policy already names them
        model.addAttribute("groups", routing.groups().stream()
                .filter(g -> g.active() || ("group:" + g.id()).equals(form.queue()) || String.valueOf(g.id()).equals(form.moveToGroupId()))
                .map(g -> new Choice(String.valueOf(g.id()), g.name(locale) + (g.active() ? "" : " — " + refusals.text("sla.form.off")))).toList());
        model.addAttribute("categories", routing.categories().stream()
                .filter(c -> c.active() || String.valueOf(c.id()).equals(form.categoryId()))
                .map(c -> new Choice(String.valueOf(c.id()), c.name(locale) + (c.active() ? "" : " — " + refusals.text("sla.form.off")))).toList());
        model.addAttribute("calendars", calendars.all().stream()
                .map(c -> new Choice(String.valueOf(c.id()), c.name() + " (" + c.zone() + ")")).toList());
        model.addAttribute("defaultCalendar", calendars.defaultCalendar().name());
        model.addAttribute("people", users.staff().stream()
                .filter(u -> u.enabled() || String.valueOf(u.id()).equals(form.notifyUserId()))
                .map(u -> new Choice(String.valueOf(u.id()), u.displayName() + " (" + u.login() + ")")).toList());
        return "sla/policy-form";
    }

    private void requireAdmin(Actor actor) {
        if (!levels.mayChangePolicies(actor)) {
            throw DomainException.forbidden("linia.error.forbidden");
        }
    }

    // ------------------------------------------------------------------ what the list shows

    private static final Priority[] PRIORITIES = {Priority.URGENT, Priority.HIGH, Priority.NORMAL, Priority.LOW};

    record Choice(String value, String label) {
    }

    record CoverageCell(Priority priority, Long policyId, String policyName) {
    }

    record CoverageRow(String queue, List<CoverageCell> cells, List<CoverageCell> byCategory) {
    }

    /** One policy as the list shows it, in words; {@code shadowedBy}/{@code dormant}: why it never applies. */
    record PolicyRow(long id, String name, boolean active, String covers, String firstResponse, String nextResponse,
                     String resolution, String time, List<String> onBreach, String shadowedBy, boolean dormant) {
    }

    private PolicyRow row(SlaPolicyView p, SlaCoverage coverage, Names names, Map<Long, String> policyNames) {
        List<String> covers = new ArrayList<>();
        covers.add(p.line() == Line.FIRST ? refusals.text("sla.line.FIRST")
                : p.groupId() == null ? refusals.text("sla.policies.anyGroup") : names.group(p.groupId()));
        covers.add(p.priority() == null ? refusals.text("sla.policies.anyPriority") : refusals.text("linia.priority." + p.priority()));
        if (p.categoryId() != null) {
            covers.add(names.category(p.categoryId()));
        }
        String time = p.businessTime()
                ? refusals.text("sla.policies.businessBy", p.calendarId() == null ? names.defaultCalendar() : names.calendar(p.calendarId()))
                : refusals.text("sla.policies.calendarTime");
        List<String> onBreach = new ArrayList<>();
        onBreach.add(refusals.text("sla.policies.notify"));
        if (p.raisePriority()) {
            onBreach.add(refusals.text("sla.policies.raise"));
        }
        if (p.moveToGroupId() != null) {
            onBreach.add(refusals.text("sla.policies.move", names.group(p.moveToGroupId())));
        }
        if (p.notifyAssignee()) {
            onBreach.add(refusals.text("sla.policies.notifyAssignee"));
        }
        if (p.notifyUserId() != null) {
            onBreach.add(refusals.text("sla.policies.notifyUser", names.user(p.notifyUserId())));
        }
        Long shadow = coverage == null ? null : coverage.shadowedBy().get(p.id());
        return new PolicyRow(p.id(), p.name(), p.active(), String.join(" · ", covers), duration(p.firstResponseMinutes()),
                duration(p.nextResponseMinutes()),
                p.resolutionDays() != null ? refusals.text(p.businessTime() ? "sla.policies.days" : "sla.policies.calendarDays",
                        p.resolutionDays()) : duration(p.resolutionMinutes()),
                time, onBreach, shadow == null ? null : policyNames.getOrDefault(shadow, "#" + shadow),
                coverage != null && coverage.dormant().contains(p.id()));
    }

    /** 45 → "45 мин", 240 → "4 ч", 90 → "1 ч 30 мин"; none → "—". */
    private String duration(Integer minutes) {
        if (minutes == null) {
            return "—";
        }
        int h = minutes / 60;
        int m = minutes % 60;
        if (h == 0) {
            return refusals.text("sla.policies.minutes", m);
        }
        return m == 0 ? refusals.text("sla.policies.hours", h) : refusals.text("sla.policies.hoursMinutes", h, m);
    }

    /** Names of what policies refer to by id, in the viewer's language; unknown ids as "#id". */
    private Names names() {
        Locale locale = LocaleContextHolder.getLocale();
        List<CalendarView> all = calendars.all();
        return new Names(
                routing.groups().stream().collect(Collectors.toMap(GroupRef::id, g -> g.name(locale))),
                routing.categories().stream().collect(Collectors.toMap(CategoryRef::id, c -> c.name(locale))),
                all.stream().collect(Collectors.toMap(CalendarView::id, CalendarView::name)),
                calendars.defaultCalendar().name(),
                users.staff().stream().collect(Collectors.toMap(UserRef::id, UserRef::displayName)));
    }

    private record Names(Map<Long, String> groups, Map<Long, String> categories, Map<Long, String> calendars,
                         String defaultCalendar, Map<Long, String> users) {

        String group(Long id) {
            return groups.getOrDefault(id, "#" + id);
        }

        String category(Long id) {
            return categories.getOrDefault(id, "#" + id);
        }

        String calendar(Long id) {
            return calendars.getOrDefault(id, "#" + id);
        }

        String user(Long id) {
            return users.getOrDefault(id, "#" + id);
        }
    }
}
