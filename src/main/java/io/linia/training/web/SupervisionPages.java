package io.linia.training.web;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.tickets.DraftView;
import io.linia.tickets.TicketDrafts;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import io.linia.training.Enrolments;
import io.linia.training.TrainingProgrammes;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Supervised work in the UI: the trainer's (or team lead's) list of held drafts with how long each has waited and the
 * ticket's SLA due time, where a draft is approved as written, edited and approved, or rejected with a comment; the
 * edit and reject rates of the trainees; the trainee's own drafts with the decisions (their feedback); and the panel
 * on the ticket page (loaded by htmx) showing the draft waiting there, with the decision controls for its trainer.
 */
@Controller
class SupervisionPages {

    private final TicketDrafts drafts;
    private final TicketService tickets;
    private final RoutingDirectory routing;
    private final Refusals refusals;

    SupervisionPages(TicketDrafts drafts, TicketService tickets, RoutingDirectory routing, Refusals refusals) {
        this.drafts = drafts;
        this.tickets = tickets;
        this.routing = routing;
        this.refusals = refusals;
    }

    @GetMapping("/agent/training/supervision")
    String page(Actor actor, Model model) {
        return page(actor, model, null, null, Map.of());
    }

    private String page(Actor actor, Model model, Long failedDraft, Map<String, String> typed, Map<String, String> errors) {
        model.addAttribute("tab", "supervision");
        model.addAttribute("isTrainer", actor.has(Role.TRAINER));
        model.addAttribute("oversees", actor.has(Role.TEAM_LEAD) || actor.has(Role.ADMIN));
        model.addAttribute("isLead", Enrolments.mayEnrol(actor));
        model.addAttribute("mayEdit", TrainingProgrammes.mayEdit(actor));
        model.addAttribute("held", drafts.held(actor, 200));
        model.addAttribute("rates", drafts.rates(actor));
        model.addAttribute("mine", drafts.ofAuthor(actor, actor.id(), 100));
        model.addAttribute("viewerId", actor.id());
        model.addAttribute("decides", actor.has(Role.TEAM_LEAD));
        model.addAttribute("failedDraft", failedDraft);
        model.addAttribute("typed", typed == null ? Map.of() : typed);
        model.addAttribute("errors", errors);
        reference(model);
        return "training/supervision";
    }

    /** The ticket page's panel: the drafts on this ticket the viewer may read, with decision controls for the deciders. */
    @GetMapping("/agent/tickets/{number}/supervision")
    String panel(Actor actor, @PathVariable String number, Model model) {
        TicketView ticket = tickets.get(actor, number);
        List<DraftView> list = drafts.ofTicket(actor, ticket.id());
        model.addAttribute("drafts", list);
        model.addAttribute("number", ticket.number());
        model.addAttribute("viewerId", actor.id());
        model.addAttribute("decides", actor.has(Role.TEAM_LEAD));
        reference(model);
        return "training/supervision-panel :: panel";
    }

    @PostMapping("/agent/training/supervision/drafts/{id}/approve")
    String approve(Actor actor, @PathVariable long id, @RequestParam(required = false) String body,
                   @RequestParam(required = false) String comment, @RequestParam(required = false) Long version,
                   @RequestParam(required = false) String back, Model model, RedirectAttributes redirect,
                   HttpServletResponse response) {
        try {
            DraftView d = drafts.approve(actor, id, body, comment, version);
            redirect.addFlashAttribute("success", refusals.text("supervision.done." + d.status(), d.ticketNumber()));
            return "redirect:" + back(back, d);
        } catch (DomainException e) {
            return refused(actor, model, response, id, e, body, comment);
        }
    }

    @PostMapping("/agent/training/supervision/drafts/{id}/reject")
    String reject(Actor actor, @PathVariable long id, @RequestParam(required = false) String comment,
                  @RequestParam(required = false) String body, @RequestParam(required = false) Long version,
                  @RequestParam(required = false) String back, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        try {
            DraftView d = drafts.reject(actor, id, comment, version);
            redirect.addFlashAttribute("success", refusals.text("supervision.done." + d.status(), d.ticketNumber()));
            return "redirect:" + back(back, d);
        } catch (DomainException e) {
            return refused(actor, model, response, id, e, body, comment);
        }
    }

    private void reference(Model model) {
        model.addAttribute("groups", routing.groups().stream()
                .collect(java.util.stream.Collectors.toMap(io.linia.routing.GroupRef::id, g -> g, (a, b) -> a)));
        model.addAttribute("categories", routing.categories().stream()
                .collect(java.util.stream.Collectors.toMap(io.linia.routing.CategoryRef::id, c -> c, (a, b) -> a)));
    }

    /** Back to the ticket when the decision was taken there, else to the list. */
    private static String back(String back, DraftView d) {
        return "ticket".equals(back) ? "/agent/tickets/" + d.ticketNumber() : "/agent/training/supervision";
    }

    /** The list again with the reason next to the field (or on top) and what the decider typed; nothing changed. */
    private String refused(Actor actor, Model model, HttpServletResponse response, long id, DomainException e, String body,
                           String comment) {
        if (e.kind() == DomainException.Kind.NOT_FOUND) {
            throw e;
        }
        response.setStatus(switch (e.kind()) {
            case INVALID_INPUT -> 400;
            case FORBIDDEN -> 403;
            default -> 409;
        });
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("body", body);
        typed.put("comment", comment);
        Map<String, String> errors = new LinkedHashMap<>();
        if (e.field() != null) {
            errors.put(e.field(), refusals.explain(e));
        } else {
            model.addAttribute("problem", refusals.explain(e));
        }
        return page(actor, model, id, typed, errors);
    }
}
