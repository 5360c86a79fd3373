package io.linia.workforce.staff;

import io.linia.workforce.Availability;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * An agent's whole availability for a period, as saved from the grid: the shifts listed take the
 * availability given, every other shift of the period is available. Field names in refusals:
 * {@code entries[i].date}, {@code entries[i].templateId}, {@code entries[i].availability}, {@code note},
 * {@code version}.
 */
public record SheetCommand(
        List<Entry> entries,
        @Schema(description = "A word for the planner, e.g. 'lectures on Tuesday mornings'", maxLength = 1000) String note,
        @Schema(description = "The sheet's version as read (-1: there was none yet); a stale one is refused with 409; null skips the check")
        Long version) {

    public static final int MAX_NOTE = 1000;

    public SheetCommand {
        entries = entries == null ? List.of() : entries;
    }

    /** One shift of one date. */
    public record Entry(LocalDate date, Long templateId, Availability availability) {
    }
}
