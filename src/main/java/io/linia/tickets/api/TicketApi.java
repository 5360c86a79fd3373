package io.linia.tickets.api;

import io.linia.accounts.Actor;
import io.linia.tickets.Channel;
import io.linia.tickets.Line;
import io.linia.tickets.TicketCommands.Answer;
import io.linia.tickets.TicketCommands.AskForInformation;
import io.linia.tickets.TicketCommands.Assign;
import io.linia.tickets.TicketCommands.ChangePriority;
import io.linia.tickets.TicketCommands.Close;
import io.linia.tickets.TicketCommands.CustomerMessage;
import io.linia.tickets.TicketCommands.Escalate;
import io.linia.tickets.TicketCommands.NewTicket;
import io.linia.tickets.TicketCommands.Note;
import io.linia.tickets.TicketCommands.Recategorise;
import io.linia.tickets.TicketCommands.Reply;
import io.linia.tickets.TicketCommands.ReturnToFirstLine;
import io.linia.tickets.TicketCommands.Solve;
import io.linia.tickets.TicketCommands.Versioned;
import io.linia.tickets.TicketPage;
import io.linia.tickets.TicketQuery;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketState;
import io.linia.tickets.TicketSummary;
import io.linia.tickets.TicketView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.HandlerMapping;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tickets over REST. Every action answers with the ticket as the caller now sees it (with its new
 * {@code version}); sending the version you saw makes a concurrent change come back as 409.
 */
@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Tickets")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "basic")
class TicketApi {

    private final TicketService tickets;
    private final Refusals refusals;
    private final io.linia.tickets.TicketDrafts drafts;
    private final java.time.Clock clock;

    TicketApi(TicketService tickets, Refusals refusals, io.linia.tickets.TicketDrafts drafts, java.time.Clock clock) {
        this.tickets = tickets;
        this.refusals = refusals;
        this.drafts = drafts;
        this.clock = clock;
    }

    /**
     * A supervised trainee's answer, question, reply, solving reply or escalation is held for their trainer: 202 Accepted
     * with the unchanged ticket and the held draft's address; anyone else's is done: 200 with the changed ticket.
     */
    private ResponseEntity<TicketView> heldOrDone(Actor actor, Instant asked, TicketView view) {
        return drafts.waitingOf(actor, view.id()).filter(d -> !d.createdAt().isBefore(asked))
                .map(d -> ResponseEntity.accepted().location(URI.create("/api/v1/training/supervision/drafts/" + d.id())).body(view))
                .orElseGet(() -> ResponseEntity.ok(view));
    }

    /**
     * Two commands passed the version check at the same moment and this one lost at commit: answer
     * like any stale command, with the state that won, so the client can show it and decide again.
     */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> lostRace(Actor actor, HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String number = variables == null ? null : variables.get("number");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                refusals.text("linia.refusal.stale", number == null ? "" : number));
        problem.setType(URI.create("https://linia.io/problems/stale"));
        problem.setTitle(refusals.text("linia.problem.stale"));
        if (number != null && tickets.isVisibleTo(actor, number)) {
            TicketView current = tickets.get(actor, number);
            problem.setProperty("currentVersion", current.version());
            problem.setProperty("currentState", current.state());
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @PostMapping
    @Operation(summary = "Create a ticket (customers for themselves; staff on behalf of customerEmail)")
    ResponseEntity<TicketView> create(Actor actor, @Valid @RequestBody NewTicket body) {
        TicketView created;
        try {
            created = tickets.create(actor, body, Channel.API);
        } catch (DataIntegrityViolationException raceOnNewCustomer) {
            // two first tickets from one new address at once: the other request created the customer,
            // so a second attempt finds them instead of failing the ticket
            created = tickets.create(actor, body, Channel.API);
        }
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + created.number())).body(created);
    }

    @GetMapping("/{number}")
    @Operation(summary = "One ticket with its messages and history (customers: public messages only)")
    TicketView get(Actor actor, @PathVariable String number) {
        return tickets.get(actor, number);
    }

    @GetMapping
    @Operation(summary = "Tickets the caller may see, in creation order, paged by cursor")
    TicketPage list(Actor actor,
                    @RequestParam(required = false) TicketState state,
                    @RequestParam(required = false) Line line,
                    @RequestParam(required = false) Long group,
                    @RequestParam(required = false) Long assignee,
                    @RequestParam(required = false) Long customer,
                    @RequestParam(required = false) @Parameter(description = "ISO-8601 instant, inclusive") Instant createdFrom,
                    @RequestParam(required = false) @Parameter(description = "ISO-8601 instant, exclusive") Instant createdTo,
                    @RequestParam(required = false) @Parameter(description = "nextCursor of the previous page") String cursor,
                    @RequestParam(required = false) Integer size,
                    @RequestParam(required = false) @Parameter(description = "staff only: tickets with this tag (any case, ё = е)")
                    String tag,
                    @RequestParam(required = false) Channel channel,
                    @RequestParam(required = false) @Parameter(description = "category id; 0: without a category") Long category,
                    @RequestParam(required = false) @Parameter(description = "moved into SOLVED from this instant, inclusive") Instant solvedFrom,
                    @RequestParam(required = false) @Parameter(description = "moved into SOLVED before this instant") Instant solvedTo,
                    @RequestParam(required = false) @Parameter(description = "passed to the second line from this instant, inclusive") Instant escalatedFrom,
                    @RequestParam(required = false) @Parameter(description = "passed to the second line before this instant") Instant escalatedTo) {
        return tickets.list(actor, new TicketQuery(state, line, group, assignee, customer, createdFrom, createdTo, cursor, size, tag,
                channel, category, solvedFrom, solvedTo, escalatedFrom, escalatedTo));
    }

    @GetMapping("/queue/first-line")
    @Operation(summary = "First-line queue, oldest first")
    List<TicketSummary> firstLineQueue(Actor actor, @RequestParam(defaultValue = "100") int limit) {
        return tickets.firstLineQueue(actor, Math.min(Math.max(limit, 1), 500));
    }

    @GetMapping("/queue/groups/{groupId}")
    @Operation(summary = "A second-line group's queue, oldest first")
    List<TicketSummary> groupQueue(Actor actor, @PathVariable long groupId, @RequestParam(defaultValue = "100") int limit) {
        return tickets.groupQueue(actor, groupId, Math.min(Math.max(limit, 1), 500));
    }

    @GetMapping("/mine")
    @Operation(summary = "Unfinished tickets assigned to the caller")
    List<TicketSummary> mine(Actor actor) {
        return tickets.assignedTo(actor, 500);
    }

    @PostMapping("/{number}/answer")
    @Operation(summary = "First line: answer (optionally with a knowledge-base article) — solves the ticket")
    ResponseEntity<TicketView> answer(Actor actor, @PathVariable String number, @Valid @RequestBody Answer body) {
        Instant asked = clock.instant();
        return heldOrDone(actor, asked, tickets.answer(actor, number, body));
    }

    @PostMapping("/{number}/ask")
    @Operation(summary = "Either line: ask the customer for missing information — the ticket waits for them")
    ResponseEntity<TicketView> ask(Actor actor, @PathVariable String number, @Valid @RequestBody AskForInformation body) {
        Instant asked = clock.instant();
        return heldOrDone(actor, asked, tickets.askForInformation(actor, number, body));
    }

    @PostMapping("/{number}/close")
    @Operation(summary = "First line: close with a reason")
    TicketView close(Actor actor, @PathVariable String number, @Valid @RequestBody Close body) {
        return tickets.close(actor, number, body);
    }

    @PostMapping("/{number}/escalate")
    @Operation(summary = "First line: categorise and pass to a second-line group")
    ResponseEntity<TicketView> escalate(Actor actor, @PathVariable String number, @Valid @RequestBody Escalate body) {
        Instant asked = clock.instant();
        return heldOrDone(actor, asked, tickets.escalate(actor, number, body));
    }

    @PostMapping("/{number}/reply")
    @Operation(summary = "Second line: public reply")
    ResponseEntity<TicketView> reply(Actor actor, @PathVariable String number, @Valid @RequestBody Reply body) {
        Instant asked = clock.instant();
        return heldOrDone(actor, asked, tickets.reply(actor, number, body));
    }

    @PostMapping("/{number}/solve")
    @Operation(summary = "Second line: solve, optionally with a final reply")
    ResponseEntity<TicketView> solve(Actor actor, @PathVariable String number, @Valid @RequestBody Solve body) {
        Instant asked = clock.instant();
        return heldOrDone(actor, asked, tickets.solve(actor, number, body));
    }

    @PostMapping("/{number}/return")
    @Operation(summary = "Second line: send back to the first line with a note")
    TicketView returnToFirstLine(Actor actor, @PathVariable String number, @Valid @RequestBody ReturnToFirstLine body) {
        return tickets.returnToFirstLine(actor, number, body);
    }

    @PostMapping("/{number}/take")
    @Operation(summary = "Assign the ticket to the caller")
    TicketView take(Actor actor, @PathVariable String number, @RequestBody(required = false) Versioned body) {
        return tickets.take(actor, number, body == null ? null : body.version());
    }

    @PostMapping("/{number}/release")
    @Operation(summary = "Unassign the ticket")
    TicketView release(Actor actor, @PathVariable String number, @RequestBody(required = false) Versioned body) {
        return tickets.release(actor, number, body == null ? null : body.version());
    }

    @PostMapping("/{number}/assign")
    @Operation(summary = "Team lead: assign to an agent who may work the ticket")
    TicketView assign(Actor actor, @PathVariable String number, @Valid @RequestBody Assign body) {
        return tickets.assign(actor, number, body);
    }

    @PostMapping("/{number}/priority")
    @Operation(summary = "Change the priority")
    TicketView priority(Actor actor, @PathVariable String number, @Valid @RequestBody ChangePriority body) {
        return tickets.changePriority(actor, number, body);
    }

    @PostMapping("/{number}/category")
    @Operation(summary = "Change the category")
    TicketView category(Actor actor, @PathVariable String number, @Valid @RequestBody Recategorise body) {
        return tickets.recategorise(actor, number, body);
    }

    @PostMapping("/{number}/notes")
    @Operation(summary = "Staff: internal note (never shown to the customer)")
    ResponseEntity<TicketView> note(Actor actor, @PathVariable String number, @Valid @RequestBody Note body) {
        return ResponseEntity.status(201).body(tickets.addNote(actor, number, body));
    }

    /** A tag to put on: one word of letters, digits and - _ . (at most 40), stored in lower case with ё as е. */
    record NewTag(@Schema(example = "vip", maxLength = 40) String tag) {
    }

    @PostMapping("/{number}/tags")
    @Operation(summary = "Staff who work the ticket: put a tag on it (stored in lower case; a tag it has already changes nothing)",
            description = "Answers the ticket with its tags. 400 names the field \"tag\" when it is not one word of letters, "
                    + "digits and - _ . of at most 40 characters; 403 for those who may read the ticket but not work it; "
                    + "409 on a closed ticket.")
    TicketView tag(Actor actor, @PathVariable String number, @RequestBody NewTag body) {
        return tickets.tag(actor, number, body.tag());
    }

    @DeleteMapping("/{number}/tags/{tag}")
    @Operation(summary = "Staff who work the ticket: take a tag off (written in any case; one it does not have changes nothing)")
    TicketView untag(Actor actor, @PathVariable String number, @PathVariable String tag) {
        return tickets.untag(actor, number, io.linia.shared.Tags.require("tag", tag));
    }

    @PostMapping("/{number}/messages")
    @Operation(summary = "Customer: write on the ticket (answers a question, reopens a recently solved ticket, "
            + "or starts a follow-up ticket when it is closed — the response is the ticket that took the message)")
    ResponseEntity<TicketView> message(Actor actor, @PathVariable String number, @Valid @RequestBody CustomerMessage body) {
        TicketView ticket = tickets.customerMessage(actor, number, body);
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + ticket.number())).body(ticket);
    }
}
