package io.linia.routing.calendar;

import io.linia.routing.CalendarCommand;
import io.linia.routing.CalendarView;
import io.linia.shared.DomainException;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Creating and editing business calendars (admin pages). One transaction per save; the cache reloads after it. */
@Service
public class CalendarAdministration {

    private final StoredCalendarRepository calendars;
    private final CalendarDirectory directory;
    private final TransactionTemplate tx;

    CalendarAdministration(StoredCalendarRepository calendars, CalendarDirectory directory, PlatformTransactionManager transactions) {
        this.calendars = calendars;
        this.directory = directory;
        this.tx = new TransactionTemplate(transactions);
    }

    /** @throws DomainException not found */
    public CalendarView view(long id) {
        return tx.execute(s -> find(id).toView());
    }

    /** @throws DomainException invalid at the first field refused (see {@link CalendarCommand#problems()}) */
    public CalendarView create(CalendarCommand command) {
        check(command, null);
        CalendarView saved;
        try {
            saved = tx.execute(s -> calendars.saveAndFlush(new StoredCalendar(command)).toView());
        } catch (DataIntegrityViolationException e) {
            throw nameTaken(command); // the same name saved by someone else a moment ago (unique constraint)
        }
        directory.reload();
        return saved;
    }

    /**
     * @throws DomainException invalid at a field; conflict (with {@code currentVersion}) when the
     *         calendar changed since the form was opened; not found
     */
    public CalendarView update(long id, CalendarCommand command) {
        check(command, id);
        CalendarView saved;
        try {
            saved = tx.execute(s -> {
                StoredCalendar calendar = find(id);
                if (command.version() != null && command.version() != calendar.version()) {
                    throw stale(calendar);
                }
                calendar.apply(command);
                calendars.flush();
                return calendar.toView();
            });
        } catch (OptimisticLockingFailureException e) {
            // saved by someone else between our read and our write
            throw tx.execute(s -> stale(find(id)));
        } catch (DataIntegrityViolationException e) {
            throw nameTaken(command);
        }
        directory.reload();
        return saved;
    }

    private static DomainException stale(StoredCalendar calendar) {
        return DomainException.conflict("calendar.error.stale", calendar.name()).with("currentVersion", calendar.version());
    }

    private static DomainException nameTaken(CalendarCommand command) {
        return DomainException.invalid("name", "calendar.validation.nameTaken", command.name().strip());
    }

    private void check(CalendarCommand command, Long ownId) {
        Map<String, DomainException> problems = command.problems();
        if (!problems.isEmpty()) {
            throw problems.values().iterator().next();
        }
        calendars.findByName(command.name().strip()).filter(c -> !c.id().equals(ownId)).ifPresent(c -> {
            throw nameTaken(command);
        });
    }

    private StoredCalendar find(long id) {
        return calendars.findById(id).orElseThrow(() -> DomainException.notFound("calendar.error.notFound", id));
    }
}
