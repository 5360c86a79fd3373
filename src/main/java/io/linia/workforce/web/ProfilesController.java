package io.linia.workforce.web;

import io.linia.accounts.Actor;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import io.linia.workforce.Contract;
import io.linia.workforce.staff.ContractCommand;
import io.linia.workforce.staff.PlanningCalendar;
import io.linia.workforce.staff.ProfileView;
import io.linia.workforce.staff.StaffAccess;
import io.linia.workforce.staff.StaffProfiles;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Agents' workforce profiles: the list for planners (line, groups, certifications, contract in force,
 * who has none) and one agent's page with their contracts; planners set a contract from a date (a
 * raise from the 1st of next month is entered today) or remove one entered by mistake. An agent sees
 * only their own page. Amounts are typed as people write them: {@code 42 000,50} or {@code 42000.50}.
 */
@Controller
@RequestMapping("/agent/workforce/agents")
class ProfilesController {

    /** The contract form as typed. */
    record ContractForm(String validFrom, String monthlySalary, String extraShiftRate, String currency, String minShiftsPerMonth,
                        String maxShiftsPerWeek) {
    }

    private final StaffProfiles profiles;
    private final RoutingDirectory routing;
    private final PlanningCalendar calendar;
    private final StaffPages pages;
    private final Refusals refusals;

    ProfilesController(StaffProfiles profiles, RoutingDirectory routing, PlanningCalendar calendar, StaffPages pages,
                       Refusals refusals) {
        this.profiles = profiles;
        this.routing = routing;
        this.calendar = calendar;
        this.pages = pages;
        this.refusals = refusals;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        if (!StaffAccess.plans(actor)) {
            return "redirect:/agent/workforce/agents/" + actor.id();
        }
        List<ProfileView> all = profiles.profiles(actor);
        model.addAttribute("profiles", all);
        model.addAttribute("withoutContract", all.stream().filter(p -> p.enabled() && p.contract() == null).count());
        model.addAttribute("groups", groupNames());
        return "workforce/staff-agents";
    }

    @GetMapping("/{userId}")
    String profile(Actor actor, @PathVariable long userId, Model model) {
        ProfileView profile = profiles.profile(actor, userId);
        return page(profile, model, defaultForm(profile), Map.of());
    }

    @PostMapping("/{userId}/contracts")
    String setContract(Actor actor, @PathVariable long userId, ContractForm form, Model model, RedirectAttributes redirect,
                       HttpServletResponse response) {
        StaffAccess.requirePlanner(actor);
        ProfileView profile = profiles.profile(actor, userId);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate validFrom = null;
        try {
            validFrom = blank(form.validFrom()) ? null : LocalDate.parse(form.validFrom().strip());
        } catch (DateTimeParseException e) {
            errors.put("validFrom", refusals.text("linia.validation.format"));
        }
        ContractCommand command = new ContractCommand(validFrom, amount(form.monthlySalary(), "monthlySalary", errors),
                amount(form.extraShiftRate(), "extraShiftRate", errors), form.currency(),
                whole(form.minShiftsPerMonth(), "minShiftsPerMonth", errors), whole(form.maxShiftsPerWeek(), "maxShiftsPerWeek", errors));
        profiles.problems(command).forEach((field, problem) -> errors.putIfAbsent(field, refusals.explain(problem)));
        if (errors.isEmpty()) {
            try {
                profiles.setContract(actor, userId, command);
                redirect.addFlashAttribute("success", refusals.text("wfstaff.contract.saved", profile.name(), pages.date(validFrom)));
                return "redirect:/agent/workforce/agents/" + userId;
            } catch (DomainException e) {
                if (e.kind() != DomainException.Kind.INVALID_INPUT) {
                    throw e;
                }
                errors.put(e.field(), refusals.explain(e));
            }
        }
        response.setStatus(400);
        return page(profile, model, form, errors);
    }

    @PostMapping("/{userId}/contracts/{validFrom}/delete")
    String removeContract(Actor actor, @PathVariable long userId, @PathVariable String validFrom, RedirectAttributes redirect) {
        LocalDate from;
        try {
            from = LocalDate.parse(validFrom);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("validFrom", "linia.validation.format");
        }
        ProfileView profile = profiles.removeContract(actor, userId, from);
        redirect.addFlashAttribute("success", refusals.text("wfstaff.contract.removed", profile.name(), pages.date(from)));
        return "redirect:/agent/workforce/agents/" + userId;
    }

    private String page(ProfileView profile, Model model, ContractForm form, Map<String, String> errors) {
        model.addAttribute("profile", profile);
        model.addAttribute("groups", groupNames());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("defaultCurrency", profiles.defaultCurrency().getCurrencyCode());
        return "workforce/staff-agent";
    }

    /** A new contract starts from the current one's figures, from the 1st of next month; a first one from the 1st of this month. */
    private ContractForm defaultForm(ProfileView profile) {
        LocalDate today = calendar.today();
        Contract c = profile.contract();
        if (c == null) {
            return new ContractForm(today.withDayOfMonth(1).toString(), "", "", profiles.defaultCurrency().getCurrencyCode(), "", "");
        }
        return new ContractForm(today.withDayOfMonth(1).plusMonths(1).toString(), pages.amount(c.monthlySalary()),
                pages.amount(c.extraShiftRate()), c.monthlySalary().currency().getCurrencyCode(),
                String.valueOf(c.minShiftsPerMonth()), String.valueOf(c.maxShiftsPerWeek()));
    }

    private Map<Long, String> groupNames() {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        return routing.groups().stream().collect(Collectors.toMap(GroupRef::id, g -> g.name(locale), (a, b) -> a, LinkedHashMap::new));
    }

    /** {@code 42 000,50} → 42000.50; null when blank (the service names it); refused at the field when unreadable. */
    private BigDecimal amount(String text, String field, Map<String, String> errors) {
        if (blank(text)) {
            return null;
        }
        String plain = text.strip().replaceAll("[\\s\\u00a0\\u202f']", "").replace(',', '.');
        try {
            return new BigDecimal(plain);
        } catch (NumberFormatException e) {
            errors.put(field, refusals.text("wfstaff.contract.amountFormat"));
            return null;
        }
    }

    private Integer whole(String text, String field, Map<String, String> errors) {
        if (blank(text)) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.put(field, refusals.text("wfstaff.contract.wholeNumber"));
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
