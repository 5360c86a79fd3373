package io.linia.workforce.staff;

import io.linia.workforce.AvailabilityEntry;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AvailabilitySheetRepository extends JpaRepository<AvailabilitySheet, Long> {

    Optional<AvailabilitySheet> findByPeriodIdAndUserId(long periodId, long userId);

    List<AvailabilitySheet> findByPeriodId(long periodId);

    List<AvailabilitySheet> findByUserId(long userId);

    /** (sheet id, availability, count) for the sheets of a period: what each agent marked, in one statement. */
    @Query("select s.id, e.availability, count(e) from AvailabilitySheet s join s.entries e where s.periodId = :periodId"
            + " group by s.id, e.availability")
    List<Object[]> countEntries(long periodId);

    /** (period id, user id) of every sheet of these periods. */
    @Query("select s.periodId, s.userId from AvailabilitySheet s where s.periodId in :periodIds")
    List<Object[]> sheetOwners(Collection<Long> periodIds);

    /** (date, template id, availability, count) over all sheets of a period: the lead's summary of the desk. */
    @Query("select e.date, e.templateId, e.availability, count(e) from AvailabilitySheet s join s.entries e"
            + " where s.periodId = :periodId group by e.date, e.templateId, e.availability")
    List<Object[]> summary(long periodId);

    @Query("select new io.linia.workforce.AvailabilityEntry(s.userId, e.date, e.templateId, e.availability)"
            + " from AvailabilitySheet s join s.entries e where e.date between :from and :to"
            + " order by s.userId, e.date, e.templateId")
    List<AvailabilityEntry> entriesBetween(LocalDate from, LocalDate to);

    /** Entries on or after a date that name this template: agents have answered for the shift as it is. */
    @Query("select count(e) from AvailabilitySheet s join s.entries e where e.templateId = :templateId and e.date >= :from")
    long countEntriesOfTemplate(long templateId, LocalDate from);

    /** Sheets of a period saved by someone (to say whether the period may be deleted without a word). */
    long countByPeriodId(long periodId);
}
