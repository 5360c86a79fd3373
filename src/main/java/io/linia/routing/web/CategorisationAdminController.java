package io.linia.routing.web;

import io.linia.routing.CategoriserStatus;
import io.linia.routing.TicketCategoriser;
import io.linia.web.Refusals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The categoriser for administrators: how its model stands, and retraining on demand. */
@Controller
@RequestMapping("/admin/categorisation")
class CategorisationAdminController {

    private final TicketCategoriser categoriser;
    private final Refusals refusals;

    CategorisationAdminController(TicketCategoriser categoriser, Refusals refusals) {
        this.categoriser = categoriser;
        this.refusals = refusals;
    }

    @GetMapping
    String page(Model model) {
        CategoriserStatus status = categoriser.status();
        model.addAttribute("status", status);
        model.addAttribute("accuracyPercent", status.accuracy() == null ? null : Math.round(status.accuracy() * 1000) / 10.0);
        model.addAttribute("confidentPercent", Math.round(status.confidentAt() * 100));
        return "routing/admin-categorisation";
    }

    @PostMapping("/retrain")
    String retrain(RedirectAttributes redirect) {
        categoriser.retrainNow();
        redirect.addFlashAttribute("success", refusals.text("categorisation.retrainStarted"));
        return "redirect:/admin/categorisation";
    }
}
