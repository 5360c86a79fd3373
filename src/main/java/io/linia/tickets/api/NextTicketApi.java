package io.linia.tickets.api;

import io.linia.accounts.Actor;
import io.linia.tickets.NextTicket;
import io.linia.tickets.TicketAssignment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Assignment")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "basic")
class NextTicketApi {

    private final TicketAssignment assignment;

    NextTicketApi(TicketAssignment assignment) {
        this.assignment = assignment;
    }

    @PostMapping("/next")
    @Operation(summary = "Take the oldest unassigned ticket of your queues",
            description = """
                    Assigns the oldest waiting ticket of your queues to you (each caller gets a different one, \
                    however many call at once) and answers with it in short: number, version, subject, customer, \
                    line and group, state, priority, queue and due times, and `link`. The whole ticket with its \
                    messages, history and available actions is `GET link` (`GET /api/v1/tickets/{number}`, the shape \
                    this call answered with at first). \
                    404 (problem detail) when nothing waits, 403 for non-agents.""",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The ticket, now assigned to you"),
                    @ApiResponse(responseCode = "404", description = "Nothing waits in your queues"),
                    @ApiResponse(responseCode = "403", description = "Only first- and second-line agents pull tickets")})
    NextTicket next(Actor actor) {
        return assignment.next(actor);
    }
}
