package io.linia.workforce.roster;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import java.util.List;

/** The roster being solved: the facts, the seats (planning entities) and their score. */
@PlanningSolution
public class RosterSolution {

    @ProblemFactCollectionProperty
    @ValueRangeProvider
    private List<Agent> agents;
    @ProblemFactCollectionProperty
    private List<Shift> shifts;
    @ProblemFactCollectionProperty
    private List<Preference> preferences;
    @ProblemFactCollectionProperty
    private List<AgentMonth> agentMonths;
    @ProblemFactCollectionProperty
    private List<ShiftGroup> shiftGroups;
    @PlanningEntityCollectionProperty
    private List<Seat> seats;
    @PlanningScore
    private HardMediumSoftScore score;

    /** For the solver's cloning. */
    public RosterSolution() {
    }

    public RosterSolution(List<Agent> agents, List<Shift> shifts, List<Preference> preferences, List<AgentMonth> agentMonths,
                          List<ShiftGroup> shiftGroups, List<Seat> seats) {
        this.agents = agents;
        this.shifts = shifts;
        this.preferences = preferences;
        this.agentMonths = agentMonths;
        this.shiftGroups = shiftGroups;
        this.seats = seats;
    }

    public List<Agent> getAgents() {
        return agents;
    }

    public List<Shift> getShifts() {
        return shifts;
    }

    public List<Preference> getPreferences() {
        return preferences;
    }

    public List<AgentMonth> getAgentMonths() {
        return agentMonths;
    }

    public List<ShiftGroup> getShiftGroups() {
        return shiftGroups;
    }

    public List<Seat> getSeats() {
        return seats;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }
}
