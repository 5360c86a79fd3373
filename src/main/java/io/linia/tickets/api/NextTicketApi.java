package io.linia.tickets.api;

import io.linia.accounts.Actor;
import io.linia.tickets.TicketAssignment;
import io.linia.tickets.TicketView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Assignment")
class NextTicketApi {

    private final TicketAssignment assignment;

    NextTicketApi(TicketAssignment assignment) {
        this.assignment = assignment;
    }

    @PostMapping("/next")
    @Operation(summary = "Take the oldest unassigned ticket of your queues",
            description = "Assigns it to you and returns it; 404 (problem detail) when nothing waits, 403 for non-agents.")
    TicketView next(Actor actor) {
        return assignment.next(actor);
    }
}
