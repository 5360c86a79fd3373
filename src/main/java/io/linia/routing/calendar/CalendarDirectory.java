package io.linia.routing.calendar;

import io.linia.routing.BusinessCalendar;
import io.linia.routing.BusinessCalendars;
import io.linia.routing.CalendarView;
import io.linia.shared.DomainException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The calendars in memory: the SLA job asks for them per ticket, so no query per call. A save on
 * this node reloads at once; other nodes see it within {@code linia.routing.calendar-reload-every}
 * (default one minute).
 */
@Service
class CalendarDirectory implements BusinessCalendars {

    /** Used only while no calendar is marked default (the seed marks one). */
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Moscow");

    private record Snapshot(List<CalendarView> views, Map<Long, BusinessCalendar> calendars, BusinessCalendar defaultCalendar) {
    }

    private final StoredCalendarRepository calendars;
    private final TransactionTemplate readOnly;
    private volatile Snapshot snapshot;

    CalendarDirectory(StoredCalendarRepository calendars, PlatformTransactionManager transactions) {
        this.calendars = calendars;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Override
    public BusinessCalendar byId(long id) {
        BusinessCalendar calendar = current().calendars().get(id);
        if (calendar == null) {
            throw DomainException.notFound("calendar.error.notFound", id);
        }
        return calendar;
    }

    @Override
    public BusinessCalendar defaultCalendar() {
        return current().defaultCalendar();
    }

    @Override
    public List<CalendarView> all() {
        return current().views();
    }

    @Scheduled(fixedDelayString = "${linia.routing.calendar-reload-every:PT1M}", initialDelayString = "${linia.routing.calendar-reload-every:PT1M}")
    void reload() {
        List<CalendarView> views = readOnly.execute(s -> calendars.findAllByOrderByName().stream().map(StoredCalendar::toView).toList());
        Map<Long, BusinessCalendar> byId = views.stream()
                .collect(Collectors.toUnmodifiableMap(CalendarView::id, BusinessCalendar::of));
        BusinessCalendar fallback = views.stream().filter(CalendarView::defaultCalendar).findFirst()
                .or(() -> views.stream().findFirst())
                .map(v -> byId.get(v.id()))
                .orElseGet(() -> BusinessCalendar.always(DEFAULT_ZONE));
        snapshot = new Snapshot(views, byId, fallback);
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                if (snapshot == null) {
                    reload();
                }
                s = snapshot;
            }
        }
        return s;
    }
}
