package io.linia.workforce.staff;

import io.linia.accounts.Actor;
import io.linia.shared.DomainException;
import io.linia.workforce.ShiftTemplate;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shift templates. Every member of staff reads them; team leads and administrators edit them (the
 * issue names the administrator; the team lead runs the desk's schedule day to day, so both may).
 *
 * <p>A template agents have already answered for (availability entries from today on) keeps its kind of
 * day and its hours: their "available 09:00–15:00" says nothing about 08:00–14:00. Such a change is
 * refused with the advice to add a new template and deactivate this one; names and the active flag may
 * always change. A deactivated template leaves the grids and the roster's slots; its entries stay.
 */
@Service
public class ShiftTemplates {

    private final StoredShiftTemplateRepository templates;
    private final AvailabilitySheetRepository sheets;
    private final PlanningCalendar calendar;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;

    ShiftTemplates(StoredShiftTemplateRepository templates, AvailabilitySheetRepository sheets, PlanningCalendar calendar,
                   PlatformTransactionManager transactions) {
        this.templates = templates;
        this.sheets = sheets;
        this.calendar = calendar;
        this.tx = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** All templates: weekdays first, then by start. */
    public List<ShiftTemplateView> list() {
        return readOnly.execute(s -> templates.findAllByOrderByDayKindAscStartMinuteAscIdAsc().stream()
                .map(StoredShiftTemplate::toView).toList());
    }

    /** The templates as the planning records, active or not. */
    public List<ShiftTemplate> all() {
        return list().stream().map(ShiftTemplateView::toTemplate).toList();
    }

    /** @throws DomainException not found */
    public ShiftTemplateView get(long id) {
        return readOnly.execute(s -> find(id).toView());
    }

    /** @throws DomainException forbidden unless a planner; invalid at the first field refused */
    public ShiftTemplateView create(Actor actor, ShiftTemplateCommand command) {
        StaffAccess.requirePlanner(actor);
        check(command, null);
        try {
            return tx.execute(s -> templates.saveAndFlush(new StoredShiftTemplate(command)).toView());
        } catch (DataIntegrityViolationException e) {
            throw codeTaken(command); // the same code saved by someone else a moment ago
        }
    }

    /**
     * @throws DomainException forbidden; invalid at a field (also when a template in use would move);
     *         conflict with {@code currentVersion} when it changed since the form was opened; not found
     */
    public ShiftTemplateView update(Actor actor, long id, ShiftTemplateCommand command) {
        StaffAccess.requirePlanner(actor);
        check(command, id);
        try {
            return tx.execute(s -> {
                StoredShiftTemplate template = find(id);
                if (command.version() != null && command.version() != template.version()) {
                    throw stale(template);
                }
                if (template.movedBy(command)) {
                    long answered = sheets.countEntriesOfTemplate(id, calendar.today());
                    if (answered > 0) {
                        String field = command.dayKind() != template.toView().dayKind() ? "dayKind"
                                : !command.start().equals(template.toView().start()) ? "start" : "end";
                        throw DomainException.invalid(field, "wfstaff.template.inUse", answered);
                    }
                }
                template.apply(command);
                templates.flush();
                return template.toView();
            });
        } catch (OptimisticLockingFailureException e) {
            throw readOnly.execute(s -> stale(find(id)));
        } catch (DataIntegrityViolationException e) {
            throw codeTaken(command);
        }
    }

    /** Every refusal of the command by field, the code's uniqueness included: for forms that show them all. */
    public Map<String, DomainException> problems(ShiftTemplateCommand command, Long ownId) {
        Map<String, DomainException> problems = new java.util.LinkedHashMap<>(command.problems());
        if (!problems.containsKey("code")) {
            readOnly.execute(s -> templates.findByCode(command.normalisedCode())).filter(t -> !t.id().equals(ownId))
                    .ifPresent(t -> problems.put("code", codeTaken(command)));
        }
        return problems;
    }

    private void check(ShiftTemplateCommand command, Long ownId) {
        Map<String, DomainException> problems = problems(command, ownId);
        if (!problems.isEmpty()) {
            throw problems.values().iterator().next();
        }
    }

    private static DomainException stale(StoredShiftTemplate template) {
        return DomainException.conflict("wfstaff.template.stale", template.code()).with("currentVersion", template.version());
    }

    private static DomainException codeTaken(ShiftTemplateCommand command) {
        return DomainException.invalid("code", "wfstaff.template.codeTaken", command.normalisedCode());
    }

    private StoredShiftTemplate find(long id) {
        return templates.findById(id).orElseThrow(() -> DomainException.notFound("wfstaff.template.notFound", id));
    }
}
