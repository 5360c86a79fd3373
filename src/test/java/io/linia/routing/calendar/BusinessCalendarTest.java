package io.linia.routing.calendar;

import static io.linia.routing.calendar.Calendars.WEEKDAYS;
import static io.linia.routing.calendar.Calendars.WEEKEND;
import static io.linia.routing.calendar.Calendars.build;
import static io.linia.routing.calendar.Calendars.holidays;
import static io.linia.routing.calendar.Calendars.week;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.routing.BusinessCalendar;
import io.linia.routing.CalendarView;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The calendar maths: shifts, weekends, holidays, midnight, DST, year ends, and plus/between as inverses. */
class BusinessCalendarTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static Instant msk(String local) {
        return LocalDateTime.parse(local).atZone(MOSCOW).toInstant();
    }

    static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    @Test
    void fridayEveningTicketWithAnHourTargetIsDueAtSaturdayShiftStartPlusFiftyMinutes() {
        BusinessCalendar support = Calendars.support();

        assertThat(support.plus(msk("2026-11-27T20:50"), Duration.ofMinutes(60))).isEqualTo(msk("2026-11-28T10:50"));
        assertThat(support.between(msk("2026-11-27T20:50"), msk("2026-11-28T10:50"))).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void timeThatRunsOutAtClosingIsDueAtTheClosingNotTheNextOpening() {
        BusinessCalendar support = Calendars.support();

        assertThat(support.plus(msk("2026-11-27T20:00"), Duration.ofHours(1))).isEqualTo(msk("2026-11-27T21:00"));
        assertThat(support.plus(msk("2026-11-27T23:00"), Duration.ZERO)).isEqualTo(msk("2026-11-27T23:00"));
    }

    @Test
    void closedHolidaysAndTheWeekendAreSkipped() {
        BusinessCalendar secondLine = Calendars.secondLine();

        // Friday 8 May 2026, then Saturday 9 May (Victory Day), Sunday, Monday 11 May (moved holiday)
        assertThat(secondLine.plus(msk("2026-05-08T17:30"), Duration.ofHours(1))).isEqualTo(msk("2026-05-12T09:30"));
        assertThat(secondLine.between(msk("2026-05-08T17:30"), msk("2026-05-12T09:30"))).isEqualTo(Duration.ofHours(1));
        // the New Year break: 1–11 January
        assertThat(secondLine.nextOpening(msk("2025-12-31T18:00"))).isEqualTo(msk("2026-01-12T09:00"));
        assertThat(secondLine.isOpen(msk("2026-02-23T12:00"))).isFalse();
        assertThat(secondLine.isOpen(msk("2026-02-24T12:00"))).isTrue();
    }

    @Test
    void theYearEndIsCrossedIntoTheNextYearsHolidays() {
        BusinessCalendar secondLine = build("Europe/Moscow", week(WEEKDAYS, "09:00–18:00"),
                holidays(List.of("2026-12-31", "2027-01-01", "2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08"), ""));

        // Wednesday 30 December 17:30: half an hour that day, the rest on Monday 11 January 2027
        assertThat(secondLine.plus(msk("2026-12-30T17:30"), Duration.ofHours(1))).isEqualTo(msk("2027-01-11T09:30"));
        assertThat(secondLine.between(msk("2026-12-30T00:00"), msk("2027-01-12T00:00"))).isEqualTo(Duration.ofHours(18));
    }

    @Test
    void aHolidayWithItsOwnHoursIsOpenOnlyThen() {
        BusinessCalendar support = Calendars.support();

        // Monday 9 March 2026 (8 March moved): one shift 10–18 instead of 9–21
        assertThat(support.isOpen(msk("2026-03-09T09:30"))).isFalse();
        assertThat(support.isOpen(msk("2026-03-09T10:00"))).isTrue();
        assertThat(support.isOpen(msk("2026-03-09T18:00"))).isFalse();
        assertThat(support.between(msk("2026-03-09T00:00"), msk("2026-03-10T00:00"))).isEqualTo(Duration.ofHours(8));
        assertThat(support.between(msk("2026-03-10T00:00"), msk("2026-03-11T00:00"))).isEqualTo(Duration.ofHours(12));
        assertThat(support.plus(msk("2026-03-06T20:30"), Duration.ofHours(25))).isEqualTo(msk("2026-03-10T09:30"));
    }

    @Test
    void intervalsRunAcrossMidnight() {
        BusinessCalendar nights = build("Europe/Moscow", week("MONDAY", "22:00–00:00", "TUESDAY", "00:00–02:00, 09:00–10:00"), List.of());

        assertThat(nights.plus(msk("2026-11-23T23:30"), Duration.ofHours(1))).isEqualTo(msk("2026-11-24T00:30"));
        assertThat(nights.between(msk("2026-11-23T21:00"), msk("2026-11-24T03:00"))).isEqualTo(Duration.ofHours(4));
        assertThat(nights.isOpen(msk("2026-11-24T00:00"))).isTrue();
        assertThat(nights.isOpen(msk("2026-11-23T23:59:59"))).isTrue();
        assertThat(nights.plus(msk("2026-11-24T01:00"), Duration.ofHours(2))).isEqualTo(msk("2026-11-24T10:00"));
        assertThat(nights.plus(msk("2026-11-24T01:00"), Duration.ofHours(3))).isEqualTo(msk("2026-11-30T23:00"));
    }

    @Test
    void clocksGoingForwardMakeTheDayAnHourShorter() {
        BusinessCalendar allDay = build("Europe/Berlin", week(WEEKDAYS + " " + WEEKEND, "00:00–24:00"), List.of());
        BusinessCalendar earlySunday = build("Europe/Berlin", week("SUNDAY", "01:00–04:00"), List.of());

        assertThat(allDay.between(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00"))).isEqualTo(Duration.ofHours(23));
        assertThat(allDay.plus(berlin("2026-03-29T01:30"), Duration.ofHours(1))).isEqualTo(berlin("2026-03-29T03:30"));
        // 01:00 CET to 04:00 CEST is two real hours
        assertThat(earlySunday.between(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(earlySunday.plus(berlin("2026-03-29T01:30"), Duration.ofHours(1))).isEqualTo(berlin("2026-03-29T03:30"));
        // 01:30–02:00 CET and 03:00–04:00 CEST are all that day has: 90 minutes; ten more the next Sunday
        assertThat(earlySunday.plus(berlin("2026-03-29T01:30"), Duration.ofMinutes(90))).isEqualTo(berlin("2026-03-29T04:00"));
        assertThat(earlySunday.plus(berlin("2026-03-29T01:30"), Duration.ofMinutes(100))).isEqualTo(berlin("2026-04-05T01:10"));
    }

    @Test
    void clocksGoingBackMakeTheDayAnHourLonger() {
        BusinessCalendar allDay = build("Europe/Berlin", week(WEEKDAYS + " " + WEEKEND, "00:00–24:00"), List.of());
        BusinessCalendar earlySunday = build("Europe/Berlin", week("SUNDAY", "01:00–04:00"), List.of());

        assertThat(allDay.between(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00"))).isEqualTo(Duration.ofHours(25));
        assertThat(earlySunday.between(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00"))).isEqualTo(Duration.ofHours(4));
        // 02:30 happens twice: the first (CEST) is 00:30 UTC; four real hours after 01:00 CEST is 04:00 CET
        assertThat(earlySunday.plus(berlin("2026-10-25T01:00"), Duration.ofHours(4))).isEqualTo(Instant.parse("2026-10-25T03:00:00Z"));
        // a calendar open around the clock measures real time, whatever the clocks do
        Instant from = berlin("2026-10-24T12:00");
        Instant to = berlin("2026-10-26T12:00");
        assertThat(allDay.between(from, to)).isEqualTo(Duration.between(from, to)).isEqualTo(BusinessCalendar.always(BERLIN).between(from, to));
    }

    @Test
    void nextOpeningIsTheInstantItselfWhenOpen() {
        BusinessCalendar support = Calendars.support();

        assertThat(support.nextOpening(msk("2026-11-27T15:00"))).isEqualTo(msk("2026-11-27T15:00"));
        assertThat(support.nextOpening(msk("2026-11-27T21:00"))).isEqualTo(msk("2026-11-28T10:00"));
        assertThat(support.nextOpening(msk("2026-11-30T07:00"))).isEqualTo(msk("2026-11-30T09:00"));
    }

    @Test
    void businessDaysEndAtTheLastClosingOfTheNthOpenDay() {
        BusinessCalendar secondLine = Calendars.secondLine();
        BusinessCalendar support = Calendars.support();

        // the day of the request counts while it is still open
        assertThat(secondLine.plusDays(msk("2026-11-23T10:00"), 5)).isEqualTo(msk("2026-11-27T18:00"));
        assertThat(secondLine.plusDays(msk("2026-11-23T19:00"), 5)).isEqualTo(msk("2026-11-30T18:00"));
        assertThat(secondLine.plusDays(msk("2026-11-21T10:00"), 1)).isEqualTo(msk("2026-11-23T18:00"));
        // holidays are no business days on the second line: 30 Dec, (31 Dec closed), 1, 4, 5, 6 January 2027
        // (only 2026's holidays are listed in this calendar)
        assertThat(secondLine.plusDays(msk("2026-12-30T12:00"), 5)).isEqualTo(msk("2027-01-06T18:00"));
        assertThat(secondLine.plusDays(msk("2026-05-08T12:00"), 2)).isEqualTo(msk("2026-05-12T18:00"));
        // the first line works weekends and holidays
        assertThat(support.plusDays(msk("2026-11-23T10:00"), 5)).isEqualTo(msk("2026-11-27T21:00"));
        assertThat(support.plusDays(msk("2026-11-27T22:00"), 1)).isEqualTo(msk("2026-11-28T18:00"));
        assertThat(support.plusDays(msk("2026-11-27T22:00"), 0)).isEqualTo(msk("2026-11-27T22:00"));
    }

    @Test
    void aCalendarWithoutOpenTimeFailsInsteadOfLoopingForever() {
        BusinessCalendar never = BusinessCalendar.of(new CalendarView(9, "never", "Europe/Moscow", false, 0, Map.of(), List.of()));
        BusinessCalendar holidayOnly = BusinessCalendar.of(new CalendarView(9, "once", "Europe/Moscow", false, 0, Map.of(),
                List.of(new CalendarView.Holiday(java.time.LocalDate.parse("2026-12-31"), "once", List.of(new CalendarView.Hours(600, 660))))));

        assertThatThrownBy(() -> never.plus(msk("2026-11-27T12:00"), Duration.ofMinutes(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> never.nextOpening(msk("2026-11-27T12:00"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> never.plusDays(msk("2026-11-27T12:00"), 1)).isInstanceOf(IllegalStateException.class);
        assertThat(never.between(msk("2026-11-27T12:00"), msk("2027-11-27T12:00"))).isZero();
        assertThat(never.isOpen(msk("2026-11-27T12:00"))).isFalse();
        assertThat(holidayOnly.plus(msk("2026-11-27T12:00"), Duration.ofMinutes(30))).isEqualTo(msk("2026-12-31T10:30"));
        assertThatThrownBy(() -> holidayOnly.plus(msk("2026-11-27T12:00"), Duration.ofMinutes(61))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void betweenIsZeroOrPositiveAndAdditive() {
        BusinessCalendar support = Calendars.support();
        Instant a = msk("2026-12-29T12:00");
        Instant b = msk("2027-01-03T11:00");
        Instant c = msk("2027-01-05T20:00");

        assertThat(support.between(b, a)).isZero();
        assertThat(support.between(a, a)).isZero();
        assertThat(support.between(a, c)).isEqualTo(support.between(a, b).plus(support.between(b, c)));
        assertThatThrownBy(() -> support.plus(a, Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plusAndBetweenAreInversesOverManyRandomInstants() {
        List<BusinessCalendar> calendars = List.of(Calendars.support(), Calendars.secondLine(),
                build("Europe/Berlin", week(WEEKDAYS, "08:00–12:00, 13:00–17:30", "SUNDAY", "01:00–04:00, 22:00–24:00",
                        "MONDAY", "00:00–03:00"), holidays(List.of("2026-03-30", "2026-10-26", "2026-12-24"), "02:30–03:30")),
                build("America/New_York", week(WEEKEND, "00:00–00:00"), List.of()),
                BusinessCalendar.always(BERLIN));
        Random random = new Random(20261124);
        long start = Instant.parse("2025-10-01T00:00:00Z").getEpochSecond();
        long span = Duration.ofDays(600).toSeconds();

        for (BusinessCalendar calendar : calendars) {
            for (int i = 0; i < 3000; i++) {
                Instant from = Instant.ofEpochSecond(start + (long) (random.nextDouble() * span), random.nextInt(1000) * 1_000_000);
                Duration business = Duration.ofSeconds((long) (random.nextDouble() * Duration.ofDays(random.nextBoolean() ? 2 : 40).toSeconds()));
                Instant due = calendar.plus(from, business);
                assertThat(calendar.between(from, due)).as("%s from %s plus %s = %s", calendar, from, business, due).isEqualTo(business);
                assertThat(due).isAfterOrEqualTo(from);

                Instant to = from.plusSeconds((long) (random.nextDouble() * Duration.ofDays(20).toSeconds()));
                Duration between = calendar.between(from, to);
                Instant back = calendar.plus(from, between);
                assertThat(back).as("%s between %s and %s", calendar, from, to).isBeforeOrEqualTo(to);
                assertThat(calendar.between(back, to)).isZero();
                if (calendar.isOpen(to) && calendar.isOpen(to.minusNanos(1))) {
                    assertThat(back).isEqualTo(to);
                }
                Instant opening = calendar.nextOpening(to);
                assertThat(calendar.isOpen(opening)).isTrue();
                assertThat(calendar.between(to, opening)).isZero();
            }
        }
    }
}
