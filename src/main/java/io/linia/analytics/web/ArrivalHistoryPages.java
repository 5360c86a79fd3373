package io.linia.analytics.web;

import io.linia.accounts.Actor;
import io.linia.analytics.history.ArrivalImport;
import io.linia.routing.BusinessCalendars;
import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrators' page of arrival history for analytics: the imports, a form to import a CSV, delete. */
@Controller
class ArrivalHistoryPages {

    private final ArrivalImport history;
    private final BusinessCalendars calendars;
    private final Refusals refusals;

    ArrivalHistoryPages(ArrivalImport history, BusinessCalendars calendars, Refusals refusals) {
        this.history = history;
        this.calendars = calendars;
        this.refusals = refusals;
    }

    @GetMapping("/admin/analytics/history")
    String page(Model model) {
        return page(model, calendars.defaultCalendar().zone().getId(), "", Map.of());
    }

    @PostMapping("/admin/analytics/history")
    String importFile(Actor actor, @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String zone,
                      @RequestParam(required = false) String label, Model model, RedirectAttributes redirect,
                      HttpServletResponse response) throws IOException {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            if (file == null || file.isEmpty()) {
                throw DomainException.invalid("file", "analytics.history.fileRequired");
            }
            ArrivalImport.Batch batch = history.importCsv(actor, label, file.getOriginalFilename(), zone, ArrivalImport.text(file.getBytes()));
            redirect.addFlashAttribute("success", refusals.text("analytics.history.done", batch.label(), Math.round(batch.total()), batch.rows()));
            return "redirect:/admin/analytics/history";
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.INVALID_INPUT) {
                throw e;
            }
            errors.put(e.field() == null ? "file" : e.field(), refusals.explain(e));
        }
        response.setStatus(400);
        return page(model, zone == null ? "" : zone, label == null ? "" : label, errors);
    }

    @PostMapping("/admin/analytics/history/{id}/delete")
    String delete(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        history.delete(actor, id);
        redirect.addFlashAttribute("success", refusals.text("analytics.history.deleted", id));
        return "redirect:/admin/analytics/history";
    }

    private String page(Model model, String zone, String label, Map<String, String> errors) {
        model.addAttribute("batches", history.batches());
        model.addAttribute("zone", zone);
        model.addAttribute("label", label);
        model.addAttribute("errors", errors);
        return "analytics/history";
    }
}
