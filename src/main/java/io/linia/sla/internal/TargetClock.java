package io.linia.sla.internal;

import io.linia.routing.BusinessCalendar;
import io.linia.sla.SlaTarget;
import io.linia.sla.TicketTargetView;
import io.linia.tickets.Line;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * One target of one ticket in one stint (the time it spends in a queue of a line or group): the
 * business time it may take, how much it has used, and — while running — when it is due and when
 * it reaches the warning point (the SLA pass marks warnings and breaches on the rows set-based). Paused while the ticket waits for the customer: the used time is
 * kept and the due time recomputed from the remainder on resume, so the pause costs nothing.
 */
@Entity
@Table(name = "sla_target")
public class TargetClock {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_target_seq")
    @SequenceGenerator(name = "sla_target_seq", sequenceName = "sla_target_seq", allocationSize = 50)
    private Long id;
    private long ticketId;
    @Enumerated(EnumType.STRING)
    private SlaTarget target;
    private long policyId;
    @Enumerated(EnumType.STRING)
    private Line line;
    private Long groupId;
    private boolean businessTime;
    private Long calendarId;
    private long targetSeconds;
    private Instant startedAt;
    @Column(name = "consumed_secs")
    private long consumedSeconds;
    private Instant runningSince;
    private Instant dueAt;
    private Instant warnAt;
    private Instant warnedAt;
    private Instant breachedAt;
    private Instant finishedAt;
    private Boolean met;
    private boolean active;

    protected TargetClock() {
    }

    TargetClock(long ticketId, SlaTarget target, SlaPolicy policy, Line line, Long groupId, Duration allowed,
                BusinessCalendar calendar, double warnAt, Instant now) {
        this.ticketId = ticketId;
        this.target = target;
        this.policyId = policy.id();
        this.line = line;
        this.groupId = groupId;
        this.businessTime = policy.businessTime();
        this.calendarId = policy.calendarId();
        this.targetSeconds = Math.max(1, allowed.toSeconds());
        this.startedAt = now;
        this.active = true;
        run(calendar, warnAt, now);
    }

    /** The ticket waits for the customer: the clock stops; what was used is kept. */
    void pause(BusinessCalendar calendar, Instant now) {
        if (!active || runningSince == null) {
            return;
        }
        consumedSeconds += calendar.between(runningSince, now).toSeconds();
        runningSince = null;
        dueAt = null;
        warnAt = null;
    }

    /** The customer answered: the clock runs again for what is left. */
    void resume(BusinessCalendar calendar, double warnAt, Instant now) {
        if (!active || runningSince != null) {
            return;
        }
        run(calendar, warnAt, now);
    }

    private void run(BusinessCalendar calendar, double warnFraction, Instant now) {
        runningSince = now;
        long left = targetSeconds - consumedSeconds;
        dueAt = calendar.plus(now, Duration.ofSeconds(Math.max(0, left)));
        long untilWarning = Math.round(targetSeconds * warnFraction) - consumedSeconds;
        warnAt = untilWarning <= 0 ? now : calendar.plus(now, Duration.ofSeconds(untilWarning));
    }

    /** The target is reached (an answer, the solution) or no longer applies (the stint ended): met unless breached. */
    boolean finish(Instant now) {
        if (!active) {
            return false;
        }
        boolean late = breachedAt != null || (dueAt != null && now.isAfter(dueAt));
        met = !late;
        finishedAt = now;
        active = false;
        runningSince = null;
        return true;
    }

    /** The outcome of a finished target, for reports. */
    io.linia.sla.SlaTargetFinished outcome() {
        return new io.linia.sla.SlaTargetFinished(ticketId, target, line, groupId, Boolean.TRUE.equals(met), startedAt, finishedAt);
    }

    TicketTargetView toView(String policyName, BusinessCalendar calendar, Instant now) {
        Duration total = Duration.ofSeconds(targetSeconds);
        long used = consumedSeconds + (runningSince == null ? 0 : calendar.between(runningSince, now).toSeconds());
        Duration remaining = Duration.ofSeconds(targetSeconds - used);
        if (dueAt != null && now.isAfter(dueAt)) {
            remaining = Duration.between(now, dueAt); // negative: how late, in clock time
        }
        TicketTargetView.State state = !active ? (Boolean.TRUE.equals(met) ? TicketTargetView.State.MET : TicketTargetView.State.BREACHED)
                : breachedAt != null ? TicketTargetView.State.BREACHED
                : runningSince == null ? TicketTargetView.State.PAUSED : TicketTargetView.State.RUNNING;
        return new TicketTargetView(target, policyName, startedAt, dueAt, remaining, total, state, warnedAt != null,
                breachedAt, finishedAt, businessTime);
    }

    public Long id() { return id; }

    long ticketId() { return ticketId; }

    SlaTarget target() { return target; }

    long policyId() { return policyId; }

    Long groupId() { return groupId; }

    boolean businessTime() { return businessTime; }

    Long calendarId() { return calendarId; }

    boolean active() { return active; }

    boolean running() { return active && runningSince != null; }

    Instant dueAt() { return dueAt; }

    Instant warnedAt() { return warnedAt; }

    Instant breachedAt() { return breachedAt; }
}
