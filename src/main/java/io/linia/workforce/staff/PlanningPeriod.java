package io.linia.workforce.staff;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** Whole weeks from a Monday that a roster will be built for; agents say when they can work until the deadline. */
@Entity
@Table(name = "planning_period")
class PlanningPeriod {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "planning_period_seq")
    @SequenceGenerator(name = "planning_period_seq", sequenceName = "planning_period_seq", allocationSize = 50)
    private Long id;
    private LocalDate firstDay;
    private LocalDate lastDay;
    private Instant availabilityDue;
    private long openedBy;
    private Instant openedAt;
    @Version
    private long version;

    protected PlanningPeriod() {
    }

    PlanningPeriod(LocalDate firstDay, int weeks, Instant availabilityDue, long openedBy, Instant now) {
        this.firstDay = firstDay;
        this.lastDay = firstDay.plusWeeks(weeks).minusDays(1);
        this.availabilityDue = availabilityDue;
        this.openedBy = openedBy;
        this.openedAt = now;
    }

    void changeDeadline(Instant due) {
        this.availabilityDue = due;
    }

    /** Agents may still enter their availability. */
    boolean openForEntry(Instant now) {
        return now.isBefore(availabilityDue);
    }

    boolean contains(LocalDate date) {
        return !date.isBefore(firstDay) && !date.isAfter(lastDay);
    }

    Long id() {
        return id;
    }

    LocalDate firstDay() {
        return firstDay;
    }

    LocalDate lastDay() {
        return lastDay;
    }

    int weeks() {
        return (int) ((lastDay.toEpochDay() - firstDay.toEpochDay() + 1) / 7);
    }

    Instant availabilityDue() {
        return availabilityDue;
    }

    long openedBy() {
        return openedBy;
    }

    Instant openedAt() {
        return openedAt;
    }

    long version() {
        return version;
    }
}
