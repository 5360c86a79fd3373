package io.linia.workforce.staff;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PlanningPeriodRepository extends JpaRepository<PlanningPeriod, Long> {

    List<PlanningPeriod> findAllByOrderByFirstDayDesc();

    /** Periods sharing a date with [first, last]. */
    @Query("select p from PlanningPeriod p where p.firstDay <= :last and p.lastDay >= :first order by p.firstDay")
    List<PlanningPeriod> findOverlapping(LocalDate first, LocalDate last);

    /** The periods that have not ended by this date, soonest first. */
    @Query("select p from PlanningPeriod p where p.lastDay >= :date order by p.firstDay")
    List<PlanningPeriod> findNotEndedBy(LocalDate date);
}
