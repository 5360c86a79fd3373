package io.linia.sla.internal;

import io.linia.sla.SlaPolicyCommand;
import io.linia.sla.SlaPolicyView;
import io.linia.sla.SlaTarget;
import io.linia.tickets.Line;
import io.linia.tickets.Priority;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Which tickets a policy covers (null = any) and what it promises them. */
@Entity
@Table(name = "sla_policy")
public class SlaPolicy {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_policy_seq")
    @SequenceGenerator(name = "sla_policy_seq", sequenceName = "sla_policy_seq", allocationSize = 50)
    private Long id;
    private String name;
    @Enumerated(EnumType.STRING)
    private Line line;
    private Long groupId;
    @Enumerated(EnumType.STRING)
    private Priority priority;
    private Long categoryId;
    private Integer firstResponseMinutes;
    private Integer nextResponseMinutes;
    private Integer resolutionMinutes;
    private Integer resolutionDays;
    private boolean businessTime;
    private Long calendarId;
    private boolean raisePriority;
    private Long moveToGroupId;
    private boolean notifyAssignee;
    private Long notifyUserId;
    private boolean active;
    @Version
    private long version;

    protected SlaPolicy() {
    }

    SlaPolicy(SlaPolicyCommand c) {
        apply(c);
    }

    void apply(SlaPolicyCommand c) {
        this.name = c.name().strip();
        this.line = c.line();
        this.groupId = c.line() == Line.FIRST ? null : c.groupId();
        this.priority = c.priority();
        this.categoryId = c.categoryId();
        this.firstResponseMinutes = c.firstResponseMinutes();
        this.nextResponseMinutes = c.nextResponseMinutes();
        this.resolutionMinutes = c.resolutionDays() != null ? null : c.resolutionMinutes();
        this.resolutionDays = c.resolutionDays();
        this.businessTime = c.businessTime();
        this.calendarId = c.calendarId();
        this.raisePriority = c.raisePriority();
        this.moveToGroupId = c.moveToGroupId();
        this.notifyAssignee = c.notifyAssignee();
        this.notifyUserId = c.notifyUserId();
        this.active = c.active();
    }

    /** How well this policy fits a ticket: -1 when it does not; more specific fits score higher. */
    int fit(Line line, Long groupId, Priority priority, Long categoryId) {
        if (!active || this.line != line) {
            return -1;
        }
        int score = 0;
        if (this.categoryId != null) {
            if (!this.categoryId.equals(categoryId)) {
                return -1;
            }
            score += 4;
        }
        if (this.groupId != null) {
            if (!this.groupId.equals(groupId)) {
                return -1;
            }
            score += 2;
        }
        if (this.priority != null) {
            if (this.priority != priority) {
                return -1;
            }
            score += 1;
        }
        return score;
    }

    /**
     * The policy that applies to a ticket: the most specific active one that fits; among equally
     * specific ones the oldest (lowest id), so adding a policy never silently takes over from an
     * identical older one.
     */
    static Optional<SlaPolicy> choose(List<SlaPolicy> policies, Line line, Long groupId, Priority priority, Long categoryId) {
        SlaPolicy best = null;
        int bestFit = -1;
        for (SlaPolicy p : policies) {
            int fit = p.fit(line, groupId, priority, categoryId);
            if (fit > bestFit || (fit >= 0 && fit == bestFit && p.id < best.id)) {
                best = p;
                bestFit = fit;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether both cover exactly the same tickets (then only the older one ever applies). */
    boolean sameScope(SlaPolicy other) {
        return line == other.line && Objects.equals(groupId, other.groupId) && priority == other.priority
                && Objects.equals(categoryId, other.categoryId);
    }

    boolean active() { return active; }

    Line line() { return line; }

    Long groupId() { return groupId; }

    Long categoryId() { return categoryId; }

    /** The target in minutes, or null when the policy has none (resolution in days: see {@link #resolutionDays()}). */
    Integer minutes(SlaTarget target) {
        return switch (target) {
            case FIRST_RESPONSE -> firstResponseMinutes;
            case NEXT_RESPONSE -> nextResponseMinutes;
            case RESOLUTION -> resolutionMinutes;
        };
    }

    boolean has(SlaTarget target) {
        return minutes(target) != null || (target == SlaTarget.RESOLUTION && resolutionDays != null);
    }

    public Long id() { return id; }

    public String name() { return name; }

    Integer resolutionDays() { return resolutionDays; }

    boolean businessTime() { return businessTime; }

    Long calendarId() { return calendarId; }

    boolean raisePriority() { return raisePriority; }

    Long moveToGroupId() { return moveToGroupId; }

    boolean notifyAssignee() { return notifyAssignee; }

    Long notifyUserId() { return notifyUserId; }

    long version() { return version; }

    public SlaPolicyView toView() {
        return new SlaPolicyView(id, name, line, groupId, priority, categoryId, firstResponseMinutes, nextResponseMinutes,
                resolutionMinutes, resolutionDays, businessTime, calendarId, raisePriority, moveToGroupId, notifyAssignee, notifyUserId,
                active, version);
    }
}
