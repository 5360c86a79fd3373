package io.linia.tickets.internal;

import io.linia.tickets.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Closes solved tickets once the customer can no longer reopen them. */
@Component
class TicketJobs {

    private static final Logger log = LoggerFactory.getLogger(TicketJobs.class);

    private final TicketService tickets;

    TicketJobs(TicketService tickets) {
        this.tickets = tickets;
    }

    @Scheduled(fixedDelayString = "${linia.tickets.auto-close-every:PT10M}", initialDelayString = "${linia.tickets.auto-close-first-after:PT1M}")
    void closeSolvedTickets() {
        try {
            int closed;
            do {
                closed = tickets.closeSolvedTickets(200);
                if (closed > 0) {
                    log.info("Closed {} solved tickets past their reopen window", closed);
                }
            } while (closed == 200);
        } catch (ObjectOptimisticLockingFailureException e) {
            // another node or a customer's reply got there first; the next run picks up what is left
            log.debug("Auto-close met a concurrent change: {}", e.getMessage());
        }
    }
}
