package io.linia.workforce.roster;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import io.linia.tickets.Line;

/**
 * The planning entity: one place on a shift, to be filled by an agent or left empty. A required seat belongs
 * to a queue (line and group) and exists once per agent the queue needs on the shift; an optional seat is
 * beyond the need, open to any agent, and costs nothing when empty. Pinned seats keep their agent.
 */
@PlanningEntity
public class Seat {

    @PlanningId
    private Long id;
    private Shift shift;
    /** null on an optional seat */
    private Line line;
    /** null on an optional seat */
    private Long groupId;
    @PlanningPin
    private boolean pinned;
    @PlanningVariable(allowsUnassigned = true)
    private Agent agent;

    /** For the solver's cloning. */
    public Seat() {
    }

    private Seat(long id, Shift shift, Line line, Long groupId, Agent agent, boolean pinned) {
        this.id = id;
        this.shift = shift;
        this.line = line;
        this.groupId = groupId;
        this.agent = agent;
        this.pinned = pinned;
    }

    public static Seat required(long id, Shift shift, Line line, long groupId) {
        return new Seat(id, shift, line, groupId, null, false);
    }

    public static Seat optional(long id, Shift shift) {
        return new Seat(id, shift, null, null, null, false);
    }

    public Long getId() {
        return id;
    }

    public Shift getShift() {
        return shift;
    }

    public Line getLine() {
        return line;
    }

    public Long getGroupId() {
        return groupId;
    }

    public boolean isOptional() {
        return groupId == null;
    }

    public boolean isPinned() {
        return pinned;
    }

    public Agent getAgent() {
        return agent;
    }

    public void setAgent(Agent agent) {
        this.agent = agent;
    }

    /** Gives the seat to the agent for good (the team lead's hand). */
    public Seat pinTo(Agent pinnedAgent) {
        this.agent = pinnedAgent;
        this.pinned = true;
        return this;
    }

    /** Whether the agent may take this seat by its queue: any agent on an optional seat. */
    public boolean accepts(Agent candidate) {
        return isOptional() || candidate.belongsTo(line, groupId, shift.date());
    }

    /** Epoch second of the shift's start. */
    public long start() {
        return shift.start();
    }

    public long restUntil() {
        return shift.restUntil();
    }

    @Override
    public String toString() {
        return shift + (isOptional() ? " optional" : " " + line + "/" + groupId) + " #" + id + " -> " + agent;
    }
}
