package io.linia.workforce.staff;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/** A planning period as pages and the API show it. */
public record PeriodView(long id, LocalDate firstDay, LocalDate lastDay, int weeks,
                         @Schema(description = "Agents enter their availability until then") Instant availabilityDue,
                         @Schema(description = "The zone of dates and shifts (the default business calendar's)", example = "Europe/Moscow") String zone,
                         Phase phase, long openedById, String openedByName, Instant openedAt,
                         @Schema(description = "Agents who have entered their availability") long entered,
                         @Schema(description = "Agents of the desk now (enabled, first or second line)") long agents,
                         long version) {

    /** Where a period stands on its way. */
    public enum Phase {
        /** agents are entering their availability (before the deadline) */
        OPEN,
        /** the deadline has passed, the period has not begun: the roster's time */
        ENTRY_CLOSED,
        /** the period's dates are being worked */
        RUNNING,
        ENDED
    }

    @com.fasterxml.jackson.annotation.JsonProperty("openForEntry")
    public boolean openForEntry() {
        return phase == Phase.OPEN;
    }

    @com.fasterxml.jackson.annotation.JsonProperty("missing")
    public long missing() {
        return Math.max(0, agents - entered);
    }
}
