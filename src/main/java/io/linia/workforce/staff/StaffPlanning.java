package io.linia.workforce.staff;

import io.linia.workforce.AgentProfile;
import io.linia.workforce.AvailabilityEntry;
import io.linia.workforce.ShiftSlot;
import io.linia.workforce.WorkforcePlanning;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the roster plans with, from the stored profiles, templates, calendar and sheets. Slots are
 * laid in the zone of the default business calendar (Europe/Moscow by default), exact across clock
 * changes (see {@link ShiftCalendar}).
 */
@Service
class StaffPlanning implements WorkforcePlanning {

    private final StaffProfiles profiles;
    private final ShiftTemplates templates;
    private final PlanningCalendar calendar;
    private final AvailabilitySheetRepository sheets;
    private final TransactionTemplate readOnly;

    StaffPlanning(StaffProfiles profiles, ShiftTemplates templates, PlanningCalendar calendar, AvailabilitySheetRepository sheets,
                  PlatformTransactionManager transactions) {
        this.profiles = profiles;
        this.templates = templates;
        this.calendar = calendar;
        this.sheets = sheets;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Every enabled agent with a contract in force today (in the planning zone), by name. An agent
     * without a contract is left out: the roster could not respect terms nobody set.
     */
    @Override
    public List<AgentProfile> profiles() {
        return profiles.planned(calendar.today());
    }

    @Override
    public List<ShiftSlot> slots(LocalDate from, LocalDate toInclusive) {
        return calendar.current().slots(templates.all(), from, toInclusive);
    }

    /**
     * What agents said that differs from "available", for the shifts that exist on those dates now:
     * an entry for a template since deactivated, or a weekday shift of a date that has since become a
     * holiday, is left out like its slot.
     */
    @Override
    public List<AvailabilityEntry> availability(LocalDate from, LocalDate toInclusive) {
        Set<ShiftKey> slots = new HashSet<>();
        slots(from, toInclusive).forEach(s -> slots.add(ShiftKey.of(s)));
        return readOnly.execute(s -> sheets.entriesBetween(from, toInclusive)).stream()
                .filter(e -> slots.contains(new ShiftKey(e.date(), e.templateId()))).toList();
    }
}
