package io.linia.workforce.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.ShiftChanged.Source;
import io.linia.workforce.schedule.ScheduledShift;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Late, absent and left early, read from the attendance log of one 09:00–15:00 shift (grace 5 min). */
class ShiftAttendanceTest {

    static final Instant NINE = Instant.parse("2027-03-01T06:00:00Z");
    static final Instant FIFTEEN = NINE.plus(Duration.ofHours(6));
    static final ScheduledShift SHIFT = new ScheduledShift(1, 7, LocalDate.of(2027, 3, 1), 1, NINE, FIFTEEN, null, null, false);
    static final Duration GRACE = Duration.ofMinutes(5);

    static AttendanceEntry entry(boolean on, Source source, Instant at) {
        return new AttendanceEntry(at.getEpochSecond(), 7, "Анна", on, source, source == Source.SCHEDULE ? 0 : 7, "", at);
    }

    static Instant at(int minutesAfterNine) {
        return NINE.plus(Duration.ofMinutes(minutesAfterNine));
    }

    @Test
    void theRosterPuttingTheAgentOnAtTheStartIsNeitherLateNorAbsent() {
        ShiftAttendance a = ShiftAttendance.of(SHIFT, List.of(entry(true, Source.SCHEDULE, NINE.plusSeconds(20))), true, at(120), GRACE);
        assertThat(a.started()).isTrue();
        assertThat(a.underWay()).isTrue();
        assertThat(a.absent()).isFalse();
        assertThat(a.late()).isFalse();
        assertThat(a.leftEarly()).isFalse();
    }

    @Test
    void anAgentTheLeadCheckedOutAtTheStartAndWhoNeverCameIsAbsent() {
        List<AttendanceEntry> log = List.of(entry(true, Source.SCHEDULE, NINE.plusSeconds(20)), entry(false, Source.LEAD, at(3)));
        assertThat(ShiftAttendance.of(SHIFT, log, false, at(60), GRACE).absent()).isTrue();
        assertThat(ShiftAttendance.of(SHIFT, log, false, at(4), GRACE).absent()).as("still within the grace").isFalse();
    }

    @Test
    void aCheckInAfterTheGraceIsLateButARosterPublishedLateIsNot() {
        List<AttendanceEntry> late = List.of(entry(true, Source.SCHEDULE, NINE.plusSeconds(20)), entry(false, Source.LEAD, at(2)),
                entry(true, Source.AGENT, at(25)));
        ShiftAttendance a = ShiftAttendance.of(SHIFT, late, true, at(60), GRACE);
        assertThat(a.late()).isTrue();
        assertThat(a.lateSince()).isEqualTo(at(25));
        assertThat(a.absent()).isFalse();

        List<AttendanceEntry> publishedLate = List.of(entry(true, Source.SCHEDULE, at(65)));
        ShiftAttendance b = ShiftAttendance.of(SHIFT, publishedLate, true, at(90), GRACE);
        assertThat(b.late()).isFalse();
        assertThat(b.absent()).isFalse();
    }

    @Test
    void aCheckOutBeforeTheEndLessTheGraceIsLeavingEarlyTheRostersOwnEndIsNot() {
        List<AttendanceEntry> left = List.of(entry(true, Source.AGENT, NINE.minusSeconds(600)), entry(false, Source.AGENT, at(180)));
        ShiftAttendance a = ShiftAttendance.of(SHIFT, left, false, FIFTEEN.plusSeconds(3600), GRACE);
        assertThat(a.leftEarly()).isTrue();
        assertThat(a.leftAt()).isEqualTo(at(180));
        assertThat(a.late()).as("checked in before the start").isFalse();
        assertThat(a.underWay()).isFalse();

        List<AttendanceEntry> ended = List.of(entry(true, Source.SCHEDULE, NINE.plusSeconds(20)), entry(false, Source.SCHEDULE, FIFTEEN.plusSeconds(10)));
        assertThat(ShiftAttendance.of(SHIFT, ended, false, FIFTEEN.plusSeconds(60), GRACE).leftEarly()).isFalse();
        List<AttendanceEntry> lastMinutes = List.of(entry(true, Source.SCHEDULE, NINE.plusSeconds(20)), entry(false, Source.AGENT, FIFTEEN.minusSeconds(120)));
        assertThat(ShiftAttendance.of(SHIFT, lastMinutes, false, FIFTEEN.plusSeconds(60), GRACE).leftEarly()).as("within the grace").isFalse();
    }

    @Test
    void withNoEntriesTheCurrentFlagTellsAndAShiftNotBegunHasNoMarks() {
        assertThat(ShiftAttendance.of(SHIFT, List.of(), true, at(60), GRACE).absent()).isFalse();
        assertThat(ShiftAttendance.of(SHIFT, List.of(), false, at(60), GRACE).absent()).isTrue();
        ShiftAttendance before = ShiftAttendance.of(SHIFT, List.of(), false, NINE.minusSeconds(1), GRACE);
        assertThat(before.started()).isFalse();
        assertThat(before.absent()).isFalse();
    }
}
