package io.linia.tickets.internal;

import io.linia.tickets.Line;
import io.linia.tickets.TicketState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code linia.tickets.current{line,state}}: how many tickets are in each line and state (zeros
 * included, so dashboards see every series), from one grouped count refreshed in the background —
 * scrapes never touch the database.
 */
@Component
class TicketGauges {

    private final TicketRepository tickets;
    private final AtomicReference<Map<String, Long>> counts = new AtomicReference<>(Map.of());

    TicketGauges(TicketRepository tickets, MeterRegistry registry) {
        this.tickets = tickets;
        for (Line line : Line.values()) {
            for (TicketState state : TicketState.values()) {
                Gauge.builder("linia.tickets.current", counts, c -> c.get().getOrDefault(key(line, state), 0L))
                        .description("Tickets by line and state").tag("line", line.name()).tag("state", state.name())
                        .register(registry);
            }
        }
    }

    @Scheduled(fixedDelayString = "${linia.tickets.gauges-every:PT30S}", initialDelay = 0)
    void refresh() {
        counts.set(tickets.countByLineAndState().stream()
                .collect(Collectors.toMap(c -> key(c.getLine(), c.getState()), TicketRepository.StateCount::getCount)));
    }

    private static String key(Line line, TicketState state) {
        return line + "/" + state;
    }
}
