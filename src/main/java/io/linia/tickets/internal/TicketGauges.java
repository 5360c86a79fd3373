package io.linia.tickets.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code linia.tickets.current{line,state}}: how many tickets are in each line and state, refreshed
 * by one grouped count every 30 s (not per scrape, so many scrapers cost nothing).
 */
@Component
class TicketGauges {

    private final TicketRepository tickets;
    private final MultiGauge gauge;

    TicketGauges(TicketRepository tickets, MeterRegistry registry) {
        this.tickets = tickets;
        this.gauge = MultiGauge.builder("linia.tickets.current")
                .description("Tickets by line and state").register(registry);
    }

    @Scheduled(fixedDelayString = "${linia.tickets.gauges-every:PT30S}", initialDelay = 0)
    void refresh() {
        gauge.register(tickets.countByLineAndState().stream()
                .map(c -> MultiGauge.Row.of(Tags.of("line", c.getLine().name(), "state", c.getState().name()), c.getCount()))
                .toList(), true);
    }
}
