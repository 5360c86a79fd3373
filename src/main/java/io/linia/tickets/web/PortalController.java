package io.linia.tickets.web;

import io.linia.accounts.Actor;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.tickets.Channel;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketNumber;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.linia.shared.CleanText;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The customer portal: write to support, follow your requests, answer questions. */
@Controller
@RequestMapping("/portal")
class PortalController {

    private final TicketService tickets;
    private final RoutingDirectory routing;
    private final Refusals refusals;

    PortalController(TicketService tickets, RoutingDirectory routing, Refusals refusals) {
        this.tickets = tickets;
        this.routing = routing;
        this.refusals = refusals;
    }

    /** The new-request form; the same limits as the API's {@link TicketCommands.NewTicket}. */
    static class RequestForm {
        @NotBlank
        @Size(max = TicketCommands.MAX_SUBJECT)
        @CleanText(maxBytes = 1020)
        private String subject;
        @NotBlank
        @CleanText(maxBytes = TicketCommands.MAX_BODY_BYTES)
        private String body;
        private Long categoryId;

        public String getSubject() { return subject; }

        public void setSubject(String subject) { this.subject = subject; }

        public String getBody() { return body; }

        public void setBody(String body) { this.body = body; }

        public Long getCategoryId() { return categoryId; }

        public void setCategoryId(Long categoryId) { this.categoryId = categoryId; }
    }

    static class ReplyForm {
        @NotBlank
        @CleanText(maxBytes = TicketCommands.MAX_BODY_BYTES)
        private String body;

        public String getBody() { return body; }

        public void setBody(String body) { this.body = body; }
    }

    @GetMapping
    String list(Actor actor, Model model) {
        model.addAttribute("rows", tickets.ownTickets(actor, 500));
        return "tickets/portal-list";
    }

    @GetMapping("/new")
    String newRequest(Model model) {
        model.addAttribute("form", new RequestForm());
        model.addAttribute("categories", routing.activeCategories());
        return "tickets/portal-new";
    }

    @PostMapping("/new")
    String submit(Actor actor, @Valid @ModelAttribute("form") RequestForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        if (!binding.hasErrors()) {
            try {
                TicketView created = tickets.create(actor, new TicketCommands.NewTicket(form.getSubject(), form.getBody(),
                        null, null, form.getCategoryId(), null), Channel.WEB);
                redirect.addFlashAttribute("success", refusals.text("portal.created", created.number()));
                return "redirect:/portal/tickets/" + created.number();
            } catch (DomainException e) {
                if (e.field() == null) {
                    throw e;
                }
                binding.rejectValue(e.field(), e.messageKey(), refusals.explain(e));
            }
        }
        response.setStatus(400);
        model.addAttribute("categories", routing.activeCategories());
        return "tickets/portal-new";
    }

    @GetMapping("/tickets/{number}")
    String ticket(Actor actor, @PathVariable String number, Model model) {
        return ticketPage(actor, tickets.get(actor, number), new ReplyForm(), model);
    }

    private String ticketPage(Actor actor, TicketView ticket, ReplyForm form, Model model) {
        if (ticket.customerId() != actor.id()) {
            // staff who happen to be customers too use the agent console for others' tickets
            throw DomainException.notFound("linia.error.ticketNotFound", ticket.number());
        }
        model.addAttribute("t", ticket);
        model.addAttribute("form", form);
        return "tickets/portal-ticket";
    }

    @PostMapping("/tickets/{number}/reply")
    String reply(Actor actor, @PathVariable String number, @Valid @ModelAttribute("form") ReplyForm form,
                 BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        if (binding.hasErrors()) {
            response.setStatus(400);
            return ticketPage(actor, tickets.get(actor, number), form, model);
        }
        TicketView after = tickets.customerMessage(actor, number, new TicketCommands.CustomerMessage(form.getBody()));
        boolean followUp = !TicketNumber.parse(number).map(id -> id == after.id()).orElse(false);
        redirect.addFlashAttribute("success", followUp
                ? refusals.text("portal.followUp", after.number()) : refusals.text("portal.replied"));
        return "redirect:/portal/tickets/" + after.number();
    }
}
