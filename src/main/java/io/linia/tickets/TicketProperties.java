package io.linia.tickets;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code linia.tickets.*}: {@code reopen-window} — how long after solving a customer's reply
 * reopens the ticket (later it starts a follow-up ticket) and when a solved ticket is closed.
 */
@ConfigurationProperties("linia.tickets")
public record TicketProperties(Duration reopenWindow) {

    public TicketProperties {
        if (reopenWindow == null) {
            reopenWindow = Duration.ofDays(7);
        }
    }
}
