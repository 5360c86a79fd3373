package io.linia.workforce.web;

import io.linia.accounts.Actor;
import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import io.linia.workforce.DayKind;
import io.linia.workforce.staff.ShiftTemplateCommand;
import io.linia.workforce.staff.ShiftTemplateView;
import io.linia.workforce.staff.ShiftTemplates;
import io.linia.workforce.staff.StaffAccess;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Shift templates: every member of staff sees them; team leads and administrators add and change them.
 * Each problem is shown next to its field and nothing is saved; a form opened before someone else's
 * save shows their version with a note.
 */
@Controller
@RequestMapping("/agent/workforce/templates")
class TemplatesController {

    /** The form as typed ({@code active} is a checkbox: absent means off). */
    record TemplateForm(String code, String nameRu, String nameEn, String dayKind, String start, String end, Boolean active,
                        Long version) {
    }

    private final ShiftTemplates templates;
    private final Refusals refusals;

    TemplatesController(ShiftTemplates templates, Refusals refusals) {
        this.templates = templates;
        this.refusals = refusals;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        StaffAccess.requireStaff(actor);
        model.addAttribute("templates", templates.list());
        model.addAttribute("canEdit", StaffAccess.plans(actor));
        return "workforce/staff-templates";
    }

    @GetMapping("/new")
    String create(Actor actor, Model model) {
        StaffAccess.requirePlanner(actor);
        return form(model, null, new TemplateForm("", "", "", DayKind.WEEKDAY.name(), "", "", true, null), Map.of());
    }

    @GetMapping("/{id}")
    String edit(Actor actor, @PathVariable long id, Model model) {
        StaffAccess.requirePlanner(actor);
        ShiftTemplateView t = templates.get(id);
        return form(model, t, formOf(t), Map.of());
    }

    @PostMapping({"", "/{id}"})
    String save(Actor actor, @PathVariable(required = false) Long id, TemplateForm form, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        StaffAccess.requirePlanner(actor);
        ShiftTemplateView current = id == null ? null : templates.get(id);
        Map<String, String> errors = new LinkedHashMap<>();
        DayKind kind = null;
        try {
            kind = form.dayKind() == null || form.dayKind().isBlank() ? null : DayKind.valueOf(form.dayKind());
        } catch (IllegalArgumentException e) {
            errors.put("dayKind", refusals.text("wfstaff.template.dayKindRequired"));
        }
        LocalTime start = time(form.start(), "start", errors);
        LocalTime end = time(form.end(), "end", errors);
        ShiftTemplateCommand command = new ShiftTemplateCommand(form.code(), form.nameRu(), form.nameEn(), kind, start, end,
                Boolean.TRUE.equals(form.active()), form.version());
        templates.problems(command, id).forEach((field, problem) -> errors.putIfAbsent(field, refusals.explain(problem)));
        if (errors.isEmpty()) {
            try {
                ShiftTemplateView saved = id == null ? templates.create(actor, command) : templates.update(actor, id, command);
                redirect.addFlashAttribute("success", refusals.text("wfstaff.template.saved", saved.code()));
                return "redirect:/agent/workforce/templates";
            } catch (DomainException e) {
                if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
                    throw e;
                }
                if (e.kind() == DomainException.Kind.CONFLICT && id != null) {
                    ShiftTemplateView now = templates.get(id);
                    response.setStatus(409);
                    model.addAttribute("problem", refusals.explain(e));
                    return form(model, now, formOf(now), Map.of());
                }
                errors.put(e.field() == null ? "form" : e.field(), refusals.explain(e));
            }
        }
        response.setStatus(400);
        return form(model, current, form, errors);
    }

    private String form(Model model, ShiftTemplateView template, TemplateForm form, Map<String, String> errors) {
        model.addAttribute("template", template);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", DayKind.values());
        return "workforce/staff-template-form";
    }

    private static TemplateForm formOf(ShiftTemplateView t) {
        return new TemplateForm(t.code(), t.nameRu(), t.nameEn(), t.dayKind().name(), clock(t.start()), clock(t.end()), t.active(),
                t.version());
    }

    private static String clock(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }

    /** {@code 09:00}; {@code 24:00} is read as midnight at the end of the day, like {@code 00:00} as an end. */
    private LocalTime time(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if ("24:00".equals(t)) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(t.length() == 4 ? "0" + t : t);
        } catch (DateTimeParseException e) {
            errors.put(field, refusals.text("wfstaff.template.timeFormat"));
            return null;
        }
    }
}
