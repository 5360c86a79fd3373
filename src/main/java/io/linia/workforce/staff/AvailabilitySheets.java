package io.linia.workforce.staff;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.shared.DomainException;
import io.linia.workforce.Availability;
import io.linia.workforce.ShiftSlot;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The agents' availability sheets: per date and shift of a period, unavailable / available / preferred.
 * An agent enters their own until the period's deadline; after it their saves are refused with the
 * deadline named, while team leads and administrators may still change anyone's sheet (a late exam, a
 * swap agreed by phone). A save replaces the whole sheet in one transaction.
 */
@Service
public class AvailabilitySheets {

    private final AvailabilitySheetRepository sheets;
    private final PlanningPeriods periods;
    private final ShiftTemplates templates;
    private final PlanningCalendar calendar;
    private final UserDirectory users;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;

    AvailabilitySheets(AvailabilitySheetRepository sheets, PlanningPeriods periods, ShiftTemplates templates,
                       PlanningCalendar calendar, UserDirectory users, Clock clock, PlatformTransactionManager transactions) {
        this.sheets = sheets;
        this.periods = periods;
        this.templates = templates;
        this.calendar = calendar;
        this.users = users;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** @throws DomainException forbidden for someone else's sheet unless a planner; not found (period, or not an agent) */
    public SheetView sheet(Actor actor, long periodId, long userId) {
        StaffAccess.requireStaff(actor);
        StaffAccess.requireSelfOrPlanner(actor, userId);
        UserRef agent = agent(userId);
        PlanningPeriod period = periods.find(periodId);
        AvailabilitySheet sheet = readOnly.execute(s -> sheets.findByPeriodIdAndUserId(periodId, userId).map(this::loaded).orElse(null));
        return view(actor, period, agent, sheet);
    }

    /**
     * Saves the agent's whole sheet: the entries given, every other shift of the period available.
     *
     * @throws DomainException forbidden (someone else's sheet, not a planner); conflict when an agent saves
     *         after the deadline, or when the sheet changed since it was read (with {@code currentVersion});
     *         invalid at {@code entries[i].…} or {@code note}; not found
     */
    public SheetView save(Actor actor, long periodId, long userId, SheetCommand command) {
        StaffAccess.requireStaff(actor);
        StaffAccess.requireSelfOrPlanner(actor, userId);
        UserRef agent = agent(userId);
        PlanningPeriod period = periods.find(periodId);
        if (!StaffAccess.plans(actor) && !period.openForEntry(clock.instant())) {
            throw DomainException.conflict("wfstaff.availability.pastDeadline", PlanningPeriods.dates(period),
                    calendar.format(period.availabilityDue())).with("availabilityDue", period.availabilityDue());
        }
        Map<ShiftKey, Availability> cells = cells(period, command);
        String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
        if (note != null && note.length() > SheetCommand.MAX_NOTE) {
            throw DomainException.invalid("note", "wfstaff.availability.noteLong", SheetCommand.MAX_NOTE);
        }
        AvailabilitySheet saved;
        try {
            saved = tx.execute(s -> {
                AvailabilitySheet sheet = sheets.findByPeriodIdAndUserId(periodId, userId).orElse(null);
                long current = sheet == null ? -1 : sheet.version();
                if (command.version() != null && command.version() != current) {
                    throw stale(sheet);
                }
                java.time.Instant now = clock.instant();
                if (sheet == null) {
                    sheet = new AvailabilitySheet(periodId, userId, now);
                }
                sheet.replace(cells, note, actor.id(), now);
                AvailabilitySheet result = sheets.saveAndFlush(sheet);
                return loaded(result);
            });
        } catch (OptimisticLockingFailureException | DataIntegrityViolationException e) {
            // saved by someone else between our read and our write (or their first save raced ours)
            AvailabilitySheet now = readOnly.execute(s -> sheets.findByPeriodIdAndUserId(periodId, userId).orElse(null));
            throw stale(now);
        }
        return view(actor, period, agent, saved);
    }

    /** When the user last saved their sheet, by period: what an agent's list of periods shows. */
    public Map<Long, java.time.Instant> savedByPeriod(long userId) {
        Map<Long, java.time.Instant> saved = new HashMap<>();
        readOnly.execute(s -> sheets.findByUserId(userId)).forEach(sheet -> saved.put(sheet.periodId(), sheet.savedAt()));
        return saved;
    }

    /**
     * Per shift of the period, how many agents said unavailable and preferred (planners): where the
     * roster will be short before it runs. Every shift of the period is listed, zeros included.
     */
    public List<DeskShift> desk(Actor actor, long periodId) {
        StaffAccess.requirePlanner(actor);
        PlanningPeriod period = periods.find(periodId);
        Map<ShiftKey, long[]> counts = new HashMap<>();
        for (Object[] row : readOnly.execute(s -> sheets.summary(periodId))) {
            long[] c = counts.computeIfAbsent(new ShiftKey((LocalDate) row[0], ((Number) row[1]).longValue()), k -> new long[2]);
            c[row[2] == Availability.UNAVAILABLE ? 0 : 1] += ((Number) row[3]).longValue();
        }
        return slots(period).stream().map(slot -> {
            long[] c = counts.getOrDefault(ShiftKey.of(slot), new long[2]);
            return new DeskShift(slot.date(), slot.templateId(), slot.start(), slot.end(), c[0], c[1]);
        }).toList();
    }

    /** One shift of a period and how many agents cannot or would like to work it. */
    public record DeskShift(LocalDate date, long templateId, java.time.Instant start, java.time.Instant end, long unavailable,
                            long preferred) {
    }

    /** The shifts of a period in the planning calendar. */
    List<ShiftSlot> slots(PlanningPeriod period) {
        return calendar.current().slots(templates.all(), period.firstDay(), period.lastDay());
    }

    private Map<ShiftKey, Availability> cells(PlanningPeriod period, SheetCommand command) {
        Map<ShiftKey, ShiftSlot> slots = new HashMap<>();
        slots(period).forEach(slot -> slots.put(new ShiftKey(slot.date(), slot.templateId()), slot));
        Map<ShiftKey, Availability> cells = new LinkedHashMap<>();
        for (int i = 0; i < command.entries().size(); i++) {
            SheetCommand.Entry e = command.entries().get(i);
            String field = "entries[" + i + "].";
            if (e == null || e.date() == null) {
                throw DomainException.invalid(field + "date", "wfstaff.availability.dateRequired");
            }
            if (!period.contains(e.date())) {
                throw DomainException.invalid(field + "date", "wfstaff.availability.dateOutside", e.date().toString(),
                        PlanningPeriods.dates(period));
            }
            if (e.templateId() == null) {
                throw DomainException.invalid(field + "templateId", "wfstaff.availability.templateRequired");
            }
            ShiftKey cell = new ShiftKey(e.date(), e.templateId());
            if (!slots.containsKey(cell)) {
                throw DomainException.invalid(field + "templateId", "wfstaff.availability.noSuchShift", e.date().toString(),
                        e.templateId());
            }
            if (e.availability() == null) {
                throw DomainException.invalid(field + "availability", "wfstaff.availability.valueRequired");
            }
            if (cells.put(cell, e.availability()) != null) {
                throw DomainException.invalid(field + "templateId", "wfstaff.availability.twice", e.date().toString(), e.templateId());
            }
        }
        return cells;
    }

    private SheetView view(Actor actor, PlanningPeriod period, UserRef agent, AvailabilitySheet sheet) {
        Map<ShiftKey, Availability> marked = sheet == null ? Map.of() : sheet.cells();
        ShiftCalendar shiftCalendar = calendar.current();
        List<SheetView.Cell> cells = slots(period).stream().map(slot -> new SheetView.Cell(slot.date(), slot.templateId(),
                slot.start(), slot.end(), slot.dayKind(),
                marked.getOrDefault(new ShiftKey(slot.date(), slot.templateId()), Availability.AVAILABLE))).toList();
        Map<LocalDate, String> holidays = new HashMap<>();
        for (LocalDate d = period.firstDay(); !d.isAfter(period.lastDay()); d = d.plusDays(1)) {
            LocalDate date = d;
            shiftCalendar.holiday(date).ifPresent(name -> holidays.put(date, name));
        }
        String savedBy = sheet == null ? null
                : sheet.savedBy() == agent.id() ? agent.displayName()
                : users.user(sheet.savedBy()).map(UserRef::displayName).orElse("#" + sheet.savedBy());
        boolean editable = StaffAccess.plans(actor) || period.openForEntry(clock.instant());
        return new SheetView(periods.view(period), agent.id(), agent.displayName(), cells, holidays,
                sheet == null ? null : sheet.note(), sheet == null ? null : sheet.enteredAt(), sheet == null ? null : sheet.savedAt(),
                savedBy, sheet == null ? -1 : sheet.version(), editable);
    }

    /** The sheet with its entries read (they are lazy; views are built outside the transaction). */
    private AvailabilitySheet loaded(AvailabilitySheet sheet) {
        sheet.cells();
        return sheet;
    }

    private UserRef agent(long userId) {
        UserRef user = users.user(userId).orElseThrow(() -> DomainException.notFound("linia.error.userNotFound", userId));
        if (!StaffAccess.isAgent(user.roles())) {
            throw DomainException.notFound("wfstaff.error.notAgent", user.displayName());
        }
        return user;
    }

    private DomainException stale(AvailabilitySheet sheet) {
        if (sheet == null) {
            return DomainException.conflict("wfstaff.availability.stale", "—").with("currentVersion", -1L);
        }
        String by = users.user(sheet.savedBy()).map(UserRef::displayName).orElse("#" + sheet.savedBy());
        return DomainException.conflict("wfstaff.availability.stale", by).with("currentVersion", sheet.version());
    }
}
