package io.linia.analytics.web;

import io.linia.analytics.rollup.RollupRebuild;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page of the rollups: rebuild them, and watch the progress bar fill (htmx polling). */
@Controller
class RollupPages {

    private final RollupRebuild rebuild;

    RollupPages(RollupRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @GetMapping("/admin/analytics/rollups")
    String page(Model model) {
        model.addAttribute("status", rebuild.status());
        return "analytics/rollups";
    }

    @GetMapping("/admin/analytics/rollups/progress")
    String progress(Model model) {
        model.addAttribute("status", rebuild.status());
        return "analytics/rollups :: progress";
    }

    @PostMapping("/admin/analytics/rollups/rebuild")
    String start(RedirectAttributes redirect) {
        redirect.addFlashAttribute("started", rebuild.start());
        return "redirect:/admin/analytics/rollups";
    }
}
