package io.linia.workforce.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.linia.accounts.Actor;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.shared.DomainException;
import io.linia.tickets.Channel;
import io.linia.tickets.Priority;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.workforce.ForecastError;
import io.linia.workforce.HourlySeries;
import io.linia.workforce.SyntheticArrivals;
import io.linia.workforce.staff.PlanningCalendar;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.StaffFixtures;
import io.linia.workforce.staff.StaffStoreTest;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Arrival history imported from a CSV: summed into hours in the zone given, added to the desk's own tickets,
 * refused whole with the line named, deleted; and the forecast through {@link StaffingDemand} learning the
 * pattern of an imported history. Each test works on its own fresh Monday (no other test's counts there).
 */
@StaffStoreTest
class ArrivalHistoryTest {

    @Autowired
    StaffStoreTest.StaffClock clock;
    @Autowired
    PlanningPeriods periods;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory users;
    @Autowired
    TicketService tickets;
    @Autowired
    ArrivalHistory history;
    @Autowired
    StaffingDemand demand;
    @Autowired
    PlanningCalendar calendar;

    StaffFixtures fx;
    Actor lead;

    @BeforeEach
    void setUp() {
        fx = new StaffFixtures(clock, periods, administration, users);
        lead = fx.actor("lead");
    }

    @Test
    void fiveMinuteRowsInTheirZoneAreSummedIntoTheDesksHoursAndAddedToItsOwnTickets() {
        LocalDate monday = fx.freshMonday();
        StringBuilder csv = new StringBuilder("timestamp;count;channel;category\n");
        for (int m = 0; m < 60; m += 5) {
            // 10:00–10:55 in Yekaterinburg (UTC+5) is 08:00–08:55 in Moscow (UTC+3)
            csv.append(monday).append(String.format("T10:%02d;2;EMAIL;mail-lost%n", m));
        }
        csv.append(monday).append(" 11:00;7;WEB;\n");
        csv.append(monday).append("T12:00Z;3;;\n"); // an offset wins over the zone: 15:00 Moscow
        fx.setClock(monday.minusDays(3).atTime(12, 0).atZone(StaffFixtures.MOSCOW).toInstant());

        ArrivalBatch batch = history.importCsv(lead, "", "old-desk.csv", "Asia/Yekaterinburg", new StringReader(csv.toString()));

        assertThat(batch.label()).isEqualTo("old-desk.csv");
        assertThat(batch.source()).isEqualTo("IMPORT");
        assertThat(batch.rows()).isEqualTo(14);
        assertThat(batch.interval()).isEqualTo(5);
        assertThat(batch.total()).isEqualTo(34);
        assertThat(batch.zone()).isEqualTo("Asia/Yekaterinburg");
        assertThat(batch.firstHour()).isEqualTo(monday.atTime(10, 0).atZone(ZoneId.of("Asia/Yekaterinburg")).toInstant());
        assertThat(history.batches(lead)).extracting(ArrivalBatch::id).contains(batch.id());

        createAt(monday, 9, 30);
        createAt(monday, 9, 45);
        HourlySeries actual = demand.actual(monday, monday);
        assertThat(actual.value(8)).isEqualTo(24);
        assertThat(actual.value(9)).isEqualTo(7 + 2);
        assertThat(actual.value(15)).isEqualTo(3);
        assertThat(actual.total()).isEqualTo(34 + 2);
    }

    @Test
    void aDailyCountIsSpreadOverItsHours() {
        LocalDate monday = fx.freshMonday();
        String csv = "timestamp,count\n" + monday + ",240\n" + monday.plusDays(1) + ",48\n";

        ArrivalBatch batch = history.importCsv(lead, "Дни", "days.csv", "Europe/Moscow", new StringReader(csv));

        assertThat(batch.interval()).isEqualTo(24 * 60);
        HourlySeries actual = demand.actual(monday, monday.plusDays(1));
        assertThat(actual.value(0)).isEqualTo(10);
        assertThat(actual.value(23)).isEqualTo(10);
        assertThat(actual.value(24 + 12)).isEqualTo(2);
        assertThat(actual.total()).isCloseTo(288, within(1e-9));
    }

    @Test
    void aMalformedFileIsRefusedWithItsLineNumberAndChangesNothing() {
        LocalDate monday = fx.freshMonday();
        int before = history.batches(lead).size();
        String bad = "timestamp,count\n" + monday + "T09:00,5\n" + monday + "T10:00,6\n" + monday + "T11:00,много\n" + monday + "T12:00,1\n";

        assertThatThrownBy(() -> history.importCsv(lead, "x", "bad.csv", "Europe/Moscow", new StringReader(bad)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID_INPUT);
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.properties()).containsEntry("line", 4);
                    assertThat(e.args()[0].toString()).contains("bad.csv line 4").contains("много");
                });
        String negative = "timestamp,count\n" + monday + "T09:00,5\n" + monday + "T10:00,-6\n";
        assertThatThrownBy(() -> history.importCsv(lead, "x", "neg.csv", "Europe/Moscow", new StringReader(negative)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.properties()).containsEntry("line", 3));
        String minutes = "timestamp,count\n" + monday + "T09:00,5\n" + monday + "T09:01,6\n";
        assertThatThrownBy(() -> history.importCsv(lead, "x", "min.csv", "Europe/Moscow", new StringReader(minutes)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.args()[0].toString()).contains("1 minute(s) apart"));
        String good = "timestamp,count\n" + monday + "T09:00,5\n";
        assertThatThrownBy(() -> history.importCsv(lead, "x", "good.csv", "Mars/Olympus", new StringReader(good)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("zone"));
        assertThatThrownBy(() -> history.importCsv(fx.actor("l1"), "x", "good.csv", "Europe/Moscow", new StringReader(good)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));

        assertThat(history.batches(lead)).hasSize(before);
        assertThat(demand.actual(monday, monday).total()).isZero();
    }

    @Test
    void aDeletedBatchNoLongerCounts() {
        LocalDate monday = fx.freshMonday();
        ArrivalBatch batch = history.importCsv(lead, "раз", "one.csv", "Europe/Moscow",
                new StringReader("timestamp,count\n" + monday + "T09:00,5\n" + monday + "T10:00,6\n"));
        assertThat(demand.actual(monday, monday).total()).isEqualTo(11);

        history.delete(lead, batch.id());

        assertThat(demand.actual(monday, monday).total()).isZero();
        assertThat(history.batches(lead)).extracting(ArrivalBatch::id).doesNotContain(batch.id());
        assertThatThrownBy(() -> history.delete(lead, batch.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
    }

    @Test
    void theForecastLearnsTheDailyAndWeeklyPatternOfAnImportedHistory() {
        // the history lies in the 8 weeks of a fresh Monday no test uses (other tests count their own Monday's arrivals)
        fx.freshMonday();
        LocalDate monday = fx.freshMonday();
        LocalDate first = monday.minusWeeks(8);
        SyntheticArrivals desk = new SyntheticArrivals(first.atStartOfDay(), 10, 200, 0, 0.05, false,
                date -> calendar.current().holiday(date).isPresent(), 42);
        HourlySeries counts = desk.counts();
        StringBuilder csv = new StringBuilder("timestamp,count\n");
        for (int h = 0; h < 8 * 168; h++) {
            csv.append(counts.hourAt(h)).append(',').append((long) counts.value(h)).append('\n');
        }
        history.importCsv(lead, "8 недель", "weeks.csv", "Europe/Moscow", new StringReader(csv.toString()));
        fx.setClock(monday.atTime(10, 0).atZone(StaffFixtures.MOSCOW).toInstant());

        HourlySeries forecast = demand.forecast(monday, monday.plusDays(13)).expected();

        HourlySeries truth = desk.rates().slice(8 * 168, 10 * 168);
        assertThat(forecast.start()).isEqualTo(truth.start());
        ForecastError error = ForecastError.of(truth, forecast);
        assertThat(error.wape()).as("WAPE against the true rates").isLessThan(8);
        // the pattern: Monday's 11:00 is busier than its 03:00 and than Sunday's 11:00
        assertThat(forecast.value(11)).isGreaterThan(10 * forecast.value(3)).isGreaterThan(2 * forecast.value(6 * 24 + 11));
        // and the staffing need follows it: the weekday morning shift needs more agents than the night-free weekend one
        List<io.linia.workforce.ShiftStaffing> staffing = demand.staffing(monday, monday.plusDays(6));
        assertThat(staffing).isNotEmpty();
        int mondayFirstLine = staffing.stream().filter(s -> s.slot().date().equals(monday) && s.groupId() == 0)
                .mapToInt(io.linia.workforce.ShiftStaffing::required).max().orElseThrow();
        int sundayFirstLine = staffing.stream().filter(s -> s.slot().date().equals(monday.plusDays(6)) && s.groupId() == 0)
                .mapToInt(io.linia.workforce.ShiftStaffing::required).max().orElseThrow();
        assertThat(mondayFirstLine).isGreaterThan(sundayFirstLine);
    }

    private void createAt(LocalDate date, int hour, int minute) {
        fx.setClock(date.atTime(hour, minute).atZone(StaffFixtures.MOSCOW).toInstant());
        tickets.create(fx.actor("olga"), new TicketCommands.NewTicket("Вопрос о ящике", "Как настроить папку для рассылок?",
                null, null, null, Priority.NORMAL), Channel.WEB);
    }

}
