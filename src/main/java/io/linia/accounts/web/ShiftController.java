package io.linia.accounts.web;

import io.linia.accounts.Actor;
import io.linia.accounts.AgentShifts;
import io.linia.web.Refusals;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The on-shift toggle (user menu, profile) and the assignment part of the admin user form. */
@Controller
class ShiftController {

    private final AgentShifts shifts;
    private final Refusals refusals;

    ShiftController(AgentShifts shifts, Refusals refusals) {
        this.shifts = shifts;
        this.refusals = refusals;
    }

    @PostMapping("/profile/shift")
    String toggle(Actor actor, @RequestParam boolean onShift,
                  @RequestHeader(value = "Referer", required = false) String referer, RedirectAttributes redirect) {
        shifts.changeShift(actor, actor.id(), onShift);
        redirect.addFlashAttribute("success", refusals.text(onShift ? "shift.started" : "shift.ended"));
        return "redirect:" + backTo(referer);
    }

    @PostMapping("/admin/users/{id}/assignment")
    String assignment(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "false") boolean onShift,
                      @RequestParam(required = false) Set<Long> certifiedGroupIds, RedirectAttributes redirect) {
        shifts.certify(id, certifiedGroupIds == null ? Set.of() : certifiedGroupIds);
        shifts.changeShift(actor, id, onShift);
        redirect.addFlashAttribute("success", refusals.text("shift.saved"));
        return "redirect:/admin/users/" + id;
    }

    /** Back where the toggle was pressed (only a path of ours). */
    private static String backTo(String referer) {
        if (referer != null) {
            int scheme = referer.indexOf("://");
            int at = scheme < 0 ? -1 : referer.indexOf('/', scheme + 3);
            String path = at < 0 ? null : referer.substring(at);
            if (path != null && path.matches("/[A-Za-z0-9/_-]*")) {
                return path;
            }
        }
        return "/profile";
    }
}
