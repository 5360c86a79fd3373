package io.linia.workforce.web;

import io.linia.accounts.Actor;
import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import io.linia.workforce.Availability;
import io.linia.workforce.staff.AvailabilityPatterns;
import io.linia.workforce.staff.AvailabilitySheets;
import io.linia.workforce.staff.SheetCommand;
import io.linia.workforce.staff.SheetView;
import io.linia.workforce.staff.ShiftKey;
import io.linia.workforce.staff.ShiftTemplateView;
import io.linia.workforce.staff.ShiftTemplates;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The availability grid of one agent for one period: dates as rows, the day's shifts as columns, each
 * cell three radio buttons (unavailable / available / preferred: Tab moves between cells, the arrow keys
 * choose). One form saves the whole grid; its quick-fill buttons (a weekly pattern, every week like the
 * first) change the grid as it stands and save it with them, so nothing typed is lost. After the
 * deadline the agent sees the grid read-only and any save is refused with the deadline named; team
 * leads and administrators may still change it.
 */
@Controller
@RequestMapping("/agent/workforce/periods/{periodId}/availability")
class AvailabilityController {

    /** Pattern day choices beyond the single weekdays. */
    static final Map<String, Set<DayOfWeek>> DAY_GROUPS = Map.of(
            "WEEKDAYS", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            "WEEKENDS", EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            "ALL", EnumSet.allOf(DayOfWeek.class));

    private final AvailabilitySheets sheets;
    private final ShiftTemplates templates;
    private final Refusals refusals;

    AvailabilityController(AvailabilitySheets sheets, ShiftTemplates templates, Refusals refusals) {
        this.sheets = sheets;
        this.templates = templates;
        this.refusals = refusals;
    }

    @GetMapping
    String mine(Actor actor, @PathVariable long periodId) {
        return "redirect:/agent/workforce/periods/" + periodId + "/availability/" + actor.id();
    }

    @GetMapping("/{userId}")
    String grid(Actor actor, @PathVariable long periodId, @PathVariable long userId, Model model) {
        SheetView sheet = sheets.sheet(actor, periodId, userId);
        return page(actor, sheet, Map.of(), sheet.note(), sheet.version(), model);
    }

    @PostMapping("/{userId}")
    String save(Actor actor, @PathVariable long periodId, @PathVariable long userId, @RequestParam Map<String, String> params,
                Model model, RedirectAttributes redirect, HttpServletResponse response) {
        SheetView current = sheets.sheet(actor, periodId, userId);
        Map<ShiftKey, Availability> grid = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (SheetView.Cell cell : current.cells()) {
            ShiftKey key = new ShiftKey(cell.date(), cell.templateId());
            String value = params.get(AvailabilityGrid.field(key));
            try {
                // a shift the page did not show (a template activated meanwhile) keeps what is stored
                grid.put(key, value == null ? cell.availability() : Availability.valueOf(value));
            } catch (IllegalArgumentException e) {
                errors.put("grid", refusals.text("wfstaff.availability.badValue", value));
            }
        }
        String note = params.getOrDefault("note", "");
        Long version = longOrNull(params.get("version"));
        String action = params.getOrDefault("action", "save");
        String done;
        switch (action) {
            case "copy" -> done = refusals.text("wfstaff.availability.copied",
                    AvailabilityPatterns.copyFirstWeek(current.cells(), grid, current.period().firstDay()));
            case "pattern" -> {
                AvailabilityPatterns.Pattern pattern = pattern(params, errors);
                done = pattern == null ? null
                        : refusals.text("wfstaff.availability.patternApplied", AvailabilityPatterns.apply(current.cells(), grid, pattern));
            }
            default -> done = refusals.text("wfstaff.availability.saved");
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("errors", errors);
            return page(actor, current, grid, note, version == null ? current.version() : version, model);
        }
        List<SheetCommand.Entry> entries = new ArrayList<>();
        grid.forEach((key, value) -> entries.add(new SheetCommand.Entry(key.date(), key.templateId(), value)));
        try {
            sheets.save(actor, periodId, userId, new SheetCommand(entries, note, version));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            response.setStatus(e.kind() == DomainException.Kind.CONFLICT ? 409 : 400);
            model.addAttribute("problem", refusals.explain(e));
            SheetView now = sheets.sheet(actor, periodId, userId);
            if (!now.editable()) {
                // past the deadline: show what is stored, read-only
                return page(actor, now, Map.of(), now.note(), now.version(), model);
            }
            // a stale sheet: keep what the person entered, with the current version, so a second save replaces the other one
            return page(actor, now, grid, note, now.version(), model);
        }
        redirect.addFlashAttribute("success", done);
        return "redirect:/agent/workforce/periods/" + periodId + "/availability/" + userId;
    }

    private AvailabilityPatterns.Pattern pattern(Map<String, String> params, Map<String, String> errors) {
        String days = params.getOrDefault("patternDays", "");
        Set<DayOfWeek> chosen = DAY_GROUPS.get(days);
        if (chosen == null) {
            try {
                chosen = EnumSet.of(DayOfWeek.valueOf(days));
            } catch (IllegalArgumentException e) {
                errors.put("patternDays", refusals.text("wfstaff.availability.patternDays"));
            }
        }
        Long template = null;
        String t = params.getOrDefault("patternTemplate", "");
        if (!t.isBlank()) {
            template = longOrNull(t);
            if (template == null) {
                errors.put("patternTemplate", refusals.text("wfstaff.availability.patternTemplate"));
            }
        }
        Availability value = null;
        try {
            value = Availability.valueOf(params.getOrDefault("patternValue", ""));
        } catch (IllegalArgumentException e) {
            errors.put("patternValue", refusals.text("wfstaff.availability.patternValue"));
        }
        return errors.isEmpty() ? new AvailabilityPatterns.Pattern(chosen, template, value) : null;
    }

    private String page(Actor actor, SheetView sheet, Map<ShiftKey, Availability> values, String note, long version, Model model) {
        List<ShiftTemplateView> all = templates.list();
        AvailabilityGrid grid = AvailabilityGrid.of(sheet, all, values);
        model.addAttribute("sheet", sheet);
        model.addAttribute("period", sheet.period());
        model.addAttribute("grid", grid);
        model.addAttribute("note", note);
        model.addAttribute("version", version);
        model.addAttribute("own", actor.id() == sheet.userId());
        model.addAttribute("weekdays", DayOfWeek.values());
        model.addAttribute("values", Availability.values());
        model.asMap().putIfAbsent("errors", Map.of());
        return "workforce/staff-availability";
    }

    private static Long longOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
