package io.linia.routing.calendar;

import io.linia.routing.CalendarCommand;
import io.linia.routing.CalendarView;
import io.linia.routing.CalendarView.Hours;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A business calendar as stored; its hours and holidays are rewritten whole on each save (a few dozen rows). */
@Entity
@Table(name = "business_calendar")
class StoredCalendar {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "business_calendar_seq")
    @SequenceGenerator(name = "business_calendar_seq", sequenceName = "business_calendar_seq", allocationSize = 50)
    private Long id;
    private String name;
    private String zoneId;
    private boolean defaultCalendar;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "business_calendar_hours", joinColumns = @JoinColumn(name = "calendar_id"))
    private List<WeeklyHours> week = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "business_calendar_holiday", joinColumns = @JoinColumn(name = "calendar_id"))
    private List<StoredHoliday> holidays = new ArrayList<>();

    protected StoredCalendar() {
    }

    StoredCalendar(CalendarCommand command) {
        apply(command);
    }

    /** The command must have been checked ({@link CalendarCommand#problems()} empty). */
    void apply(CalendarCommand command) {
        this.name = command.name().strip();
        this.zoneId = command.zoneId().getId();
        week.clear();
        command.weekHours().forEach((day, hours) -> hours.forEach(h -> week.add(new WeeklyHours(day.getValue(), h))));
        holidays.clear();
        for (CalendarView.Holiday h : command.holidayList()) {
            holidays.add(new StoredHoliday(h.date(), h.name(), Hours.text(h.hours())));
        }
    }

    CalendarView toView() {
        Map<DayOfWeek, List<Hours>> byDay = new EnumMap<>(DayOfWeek.class);
        for (WeeklyHours w : week) {
            byDay.computeIfAbsent(DayOfWeek.of(w.dayOfWeek), d -> new ArrayList<>()).add(new Hours(w.fromMinute, w.toMinute));
        }
        byDay.values().forEach(list -> list.sort(Comparator.comparingInt(Hours::fromMinute)));
        List<CalendarView.Holiday> days = holidays.stream()
                .map(h -> new CalendarView.Holiday(h.holidayDate, h.name, CalendarCommand.parseHours("hours", h.openingHours)))
                .sorted(Comparator.comparing(CalendarView.Holiday::date))
                .toList();
        return new CalendarView(id, name, zoneId, defaultCalendar, version, byDay, days);
    }

    Long id() {
        return id;
    }

    long version() {
        return version;
    }

    String name() {
        return name;
    }

    @Embeddable
    static class WeeklyHours {
        /** ISO: 1 Monday … 7 Sunday */
        private int dayOfWeek;
        private int fromMinute;
        private int toMinute;

        protected WeeklyHours() {
        }

        WeeklyHours(int dayOfWeek, Hours hours) {
            this.dayOfWeek = dayOfWeek;
            this.fromMinute = hours.fromMinute();
            this.toMinute = hours.toMinute();
        }
    }

    @Embeddable
    static class StoredHoliday {
        private LocalDate holidayDate;
        private String name;
        /** as in the form, "10:00–18:00"; empty: closed */
        @Column(name = "opening_hours")
        private String openingHours;

        protected StoredHoliday() {
        }

        StoredHoliday(LocalDate holidayDate, String name, String openingHours) {
            this.holidayDate = holidayDate;
            this.name = name;
            this.openingHours = openingHours;
        }
    }
}
