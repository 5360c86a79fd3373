package io.linia.workforce.staff;

import io.linia.tickets.Line;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** The planner's view of a period: every agent, whether and when they entered their availability. */
public record PeriodStatus(PeriodView period, List<AgentSheet> agents) {

    public PeriodStatus {
        agents = List.copyOf(agents);
    }

    /** One agent's sheet for the period in short. */
    public record AgentSheet(long userId, String name, String email, Line line,
                             @Schema(description = "Saved at least once (by the agent or a planner)") boolean entered,
                             @Schema(description = "When first saved") Instant enteredAt,
                             @Schema(description = "When last saved") Instant savedAt,
                             String savedByName, boolean savedByPlanner,
                             @Schema(description = "Shifts marked unavailable") long unavailable,
                             @Schema(description = "Shifts marked preferred") long preferred,
                             String note,
                             @Schema(description = "Has a contract in force on the period's first day (without one the roster leaves them out)")
                             boolean contract) {
    }

    /** Agents who have not entered their availability, by name. */
    @com.fasterxml.jackson.annotation.JsonProperty("missing")
    @Schema(description = "Agents who have not entered their availability, by name")
    public List<AgentSheet> missing() {
        return agents.stream().filter(a -> !a.entered()).toList();
    }
}
