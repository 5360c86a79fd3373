package io.linia.tickets.web;

import io.linia.accounts.Actor;
import io.linia.accounts.CustomerTags;
import io.linia.routing.CategoryRef;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.shared.Tags;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tag blocks of the ticket page: the ticket's tags and its customer's. htmx posts a change and gets
 * the block back as it now is (a bad tag: its message at the input, the typed text kept, nothing
 * changed; a refusal: the reason in the block); a plain form post (no script) goes back to the page.
 */
@Controller
@RequestMapping("/agent/tickets/{number}")
class TagController {

    private final TicketService tickets;
    private final CustomerTags customerTags;
    private final Refusals refusals;
    private final RoutingDirectory routing;

    TagController(TicketService tickets, CustomerTags customerTags, Refusals refusals, RoutingDirectory routing) {
        this.routing = routing;
        this.tickets = tickets;
        this.customerTags = customerTags;
        this.refusals = refusals;
    }

    /** Which block a change is about: its fragment and the names of its model entries. */
    private enum Block {
        TICKET("tickets/tags :: ticketChanged", "tag"), CUSTOMER("tickets/tags :: customer", "customerTag");

        final String fragment;
        final String prefix;

        Block(String fragment, String prefix) {
            this.fragment = fragment;
            this.prefix = prefix;
        }
    }

    @PostMapping("/tags")
    String tag(Actor actor, @PathVariable String number, @RequestParam(defaultValue = "") String tag,
               @RequestHeader(value = "HX-Request", required = false) String hx,
               @RequestHeader(value = "HX-Boosted", required = false) String boosted,
               Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return change(Block.TICKET, true, actor, number, tag, "tags.done.added",
                () -> tickets.tag(actor, number, tag), htmx(hx, boosted), model, redirect, response);
    }

    @PostMapping("/tags/remove")
    String untag(Actor actor, @PathVariable String number, @RequestParam(defaultValue = "") String tag,
                 @RequestHeader(value = "HX-Request", required = false) String hx,
                 @RequestHeader(value = "HX-Boosted", required = false) String boosted,
                 Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return change(Block.TICKET, false, actor, number, tag, "tags.done.removed",
                () -> tickets.untag(actor, number, tag), htmx(hx, boosted), model, redirect, response);
    }

    @PostMapping("/customer-tags")
    String tagCustomer(Actor actor, @PathVariable String number, @RequestParam(defaultValue = "") String tag,
                       @RequestHeader(value = "HX-Request", required = false) String hx,
                       @RequestHeader(value = "HX-Boosted", required = false) String boosted,
                       Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return change(Block.CUSTOMER, true, actor, number, tag, "tags.done.customerAdded",
                () -> customerTags.add(actor, customerOf(actor, number), tag), htmx(hx, boosted), model, redirect, response);
    }

    @PostMapping("/customer-tags/remove")
    String untagCustomer(Actor actor, @PathVariable String number, @RequestParam(defaultValue = "") String tag,
                         @RequestHeader(value = "HX-Request", required = false) String hx,
                         @RequestHeader(value = "HX-Boosted", required = false) String boosted,
                         Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return change(Block.CUSTOMER, false, actor, number, tag, "tags.done.customerRemoved",
                () -> customerTags.remove(actor, customerOf(actor, number), tag), htmx(hx, boosted), model, redirect, response);
    }

    /** The customer of a ticket the agent sees (so tags go only on customers of tickets in the agent's sight). */
    private long customerOf(Actor actor, String number) {
        return tickets.get(actor, number).customerId();
    }

    private static boolean htmx(String hx, String boosted) {
        // a boosted form is a page navigation: it follows the redirect like a plain post
        return "true".equals(hx) && !"true".equals(boosted);
    }

    /**
     * Makes the change and answers the block as it is now ({@code adding}: the add form keeps what was
     * typed when refused, and takes the focus back for the next tag), or, without htmx, the page.
     */
    private String change(Block block, boolean adding, Actor actor, String number, String tag, String doneKey,
                          Supplier<?> change, boolean htmx,
                          Model model, RedirectAttributes redirect, HttpServletResponse response) {
        String page = "redirect:/agent/tickets/" + number;
        try {
            change.get();
            if (!htmx) {
                redirect.addFlashAttribute("success", refusals.text(doneKey, Tags.normalise(tag).orElse(tag.strip())));
                return page;
            }
        } catch (DomainException e) {
            if (!htmx) {
                if (e.kind() == DomainException.Kind.NOT_FOUND) {
                    throw e;
                }
                redirect.addFlashAttribute("problem", refusals.explain(e));
                return page;
            }
            response.setStatus(switch (e.kind()) {
                case INVALID_INPUT -> 400;
                case FORBIDDEN -> 403;
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
                case TOO_MANY_REQUESTS -> 429;
            });
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                // the ticket left the agent's sight meanwhile: nothing of it to show, only why
                model.addAttribute("gone", refusals.explain(e));
                return "tickets/tags :: gone";
            }
            model.addAttribute(block.prefix + (e.field() != null && adding ? "Error" : "Problem"), refusals.explain(e));
            if (adding) {
                model.addAttribute(block.prefix + "Value", tag);
            }
        } catch (OptimisticLockingFailureException | DataIntegrityViolationException e) {
            // someone changed the same tags at the same moment: show what won, the agent decides again
            if (!htmx) {
                redirect.addFlashAttribute("problem", refusals.text("linia.refusal.concurrent"));
                return page;
            }
            response.setStatus(409);
            model.addAttribute(block.prefix + "Problem", refusals.text("linia.refusal.concurrent"));
            if (adding) {
                model.addAttribute(block.prefix + "Value", tag);
            }
        }
        TicketView t = tickets.get(actor, number);
        model.addAttribute("t", t);
        model.addAttribute("customerTags", customerTags.tags(t.customerId()));
        model.addAttribute(block.prefix + "Refocus", adding);
        if (block == Block.TICKET) {
            // the history table comes along (its rows name groups and categories)
            model.addAttribute("historyOutOfBand", true);
            model.addAttribute("groups", routing.groups().stream().collect(Collectors.toMap(GroupRef::id, Function.identity())));
            model.addAttribute("categories", routing.categories().stream()
                    .collect(Collectors.toMap(CategoryRef::id, Function.identity())));
        }
        return block.fragment;
    }
}
