package io.linia.sla.web;

import io.linia.accounts.Actor;
import io.linia.sla.ServiceLevels;
import io.linia.sla.TicketTargetView;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The SLA panel of a ticket page (loaded by htmx), the team lead's notices and their count in the
 * navigation, and the list of policies.
 */
@Controller
class SlaController {

    private final ServiceLevels levels;

    SlaController(ServiceLevels levels) {
        this.levels = levels;
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

    @GetMapping("/agent/sla/policies")
    String policies(Actor actor, Model model) {
        model.addAttribute("policies", levels.policies(actor));
        return "sla/policies";
    }
}
