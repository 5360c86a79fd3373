package io.linia.workforce.staff;

import io.linia.workforce.Availability;
import io.linia.workforce.DayKind;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An agent's availability for a period: every shift of the period with what they said about it. */
public record SheetView(PeriodView period, long userId, String userName,
                        @Schema(description = "Every shift of the period, by date and start") List<Cell> cells,
                        @Schema(description = "Holiday names by date (those dates take the weekend-and-holiday shifts)")
                        Map<LocalDate, String> holidays,
                        String note,
                        @Schema(description = "Null until the sheet is first saved") Instant enteredAt,
                        Instant savedAt, String savedByName,
                        @Schema(description = "Send it back when saving; -1 when there is no sheet yet") long version,
                        @Schema(description = "Whether the caller may change it now (agents until the deadline, planners always)")
                        boolean editable) {

    public SheetView {
        cells = List.copyOf(cells);
        holidays = Map.copyOf(holidays);
    }

    /** One shift of one date and the agent's word on it ({@code AVAILABLE} unless said otherwise). */
    public record Cell(LocalDate date, long templateId, Instant start, Instant end, DayKind dayKind, Availability availability) {
    }

    @com.fasterxml.jackson.annotation.JsonProperty("entered")
    public boolean entered() {
        return enteredAt != null;
    }
}
