package io.linia.tickets;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * The ticket an agent has just taken with "next ticket": what the agent needs to decide where to start,
 * without its messages and history (those are one {@code GET link} away). Reading and shipping the whole
 * ticket page was most of the work of a call.
 */
@Schema(description = "The ticket just assigned to you, in short. The whole ticket (messages, history, "
        + "available actions) is at `link` (GET).")
public record NextTicket(
        long id,
        @Schema(example = "L-000123") String number,
        @Schema(description = "Send it with the next command on this ticket") long version,
        String subject,
        String customerName,
        String customerEmail,
        Line line,
        @Schema(description = "The second-line group; null on the first line") Long groupId,
        TicketState state,
        Priority priority,
        long assigneeId,
        String assigneeName,
        @Schema(description = "When the ticket entered the queue") Instant queuedAt,
        @Schema(description = "The nearest due time of a running service-level target; null when none runs") Instant dueAt,
        @Schema(description = "How the ticket stands against its service-level targets") SlaState slaState,
        @Schema(description = "The whole ticket in the API", example = "/api/v1/tickets/L-000123") String link) {

    /** Where the API serves the whole ticket. */
    public static String linkTo(String number) {
        return "/api/v1/tickets/" + number;
    }
}
