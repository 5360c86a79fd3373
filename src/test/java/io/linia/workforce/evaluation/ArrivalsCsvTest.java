package io.linia.workforce.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.workforce.HourlySeries;
import io.linia.workforce.evaluation.ArrivalsCsv.Arrivals;
import io.linia.workforce.evaluation.ArrivalsCsv.Refused;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArrivalsCsvTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path file = dir.resolve("counts.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private Arrivals read(String content) throws Exception {
        return ArrivalsCsv.read(file(content), "timestamp", "count", MOSCOW);
    }

    private String refusal(String content) throws IOException {
        Path file = file(content);
        return org.assertj.core.api.Assertions.catchThrowableOfType(Refused.class,
                () -> ArrivalsCsv.read(file, "timestamp", "count", MOSCOW)).getMessage();
    }

    @Test
    void hourlyRowsWithAndWithoutOffsetLandInTheZonesWallClockHours() throws Exception {
        Arrivals arrivals = read("""
                timestamp,count
                2025-03-03T09:00,5
                2025-03-03T07:00:00Z,7
                2025-03-03 11:00:00,2
                2025-03-03T12:00+03:00[Europe/Moscow],1
                """);

        HourlySeries series = arrivals.series();
        assertThat(series.start()).isEqualTo(LocalDateTime.of(2025, 3, 3, 9, 0));
        assertThat(series.values()).containsExactly(5, 7, 2, 1);
        assertThat(arrivals.rows()).isEqualTo(4);
        assertThat(arrivals.interval()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theZoneOptionConvertsOffsetsButLeavesLocalTimesAlone() throws Exception {
        Path file = file("timestamp,count\n2025-03-03T09:00+03:00,5\n2025-03-03T07:00,2\n2025-03-03T10:00,1\n");

        HourlySeries utc = ArrivalsCsv.read(file, "timestamp", "count", ZoneOffset.UTC).series();

        // 09:00+03:00 is 06:00 UTC; 07:00 and 10:00 without an offset are those hours in UTC
        assertThat(utc.start()).isEqualTo(LocalDateTime.of(2025, 3, 3, 6, 0));
        assertThat(utc.values()).containsExactly(5, 2, 0, 0, 1);
    }

    /**
     * Hours are the zone's wall-clock hours: when Berlin's clocks go forward, 02:00 holds nothing; when they
     * go back, 02:00 holds both of its hours.
     */
    @Test
    void clockChangesLeaveAnEmptyHourOrADoubleOne() throws Exception {
        Path file = file("timestamp,count\n2025-03-30T00:00Z,1\n2025-03-30T01:00Z,2\n2025-03-30T02:00Z,3\n"
                + "2025-10-26T00:00Z,4\n2025-10-26T01:00Z,5\n2025-10-26T02:00Z,6\n");

        HourlySeries berlin = ArrivalsCsv.read(file, "timestamp", "count", ZoneId.of("Europe/Berlin")).series();

        int spring = 0; // 2025-03-30 01:00 local
        assertThat(berlin.start()).isEqualTo(LocalDateTime.of(2025, 3, 30, 1, 0));
        assertThat(new double[]{berlin.value(spring), berlin.value(spring + 1), berlin.value(spring + 2), berlin.value(spring + 3)})
                .containsExactly(1, 0, 2, 3);
        int autumn = (int) java.time.temporal.ChronoUnit.HOURS.between(berlin.start(), LocalDateTime.of(2025, 10, 26, 2, 0));
        assertThat(new double[]{berlin.value(autumn), berlin.value(autumn + 1)}).containsExactly(9, 6);
    }

    @Test
    void fiveMinuteRowsAddUpToHoursAndRowsOfOneTimeAddUp() throws Exception {
        StringBuilder csv = new StringBuilder("channel;timestamp;count\n");
        LocalDateTime ten = LocalDateTime.of(2025, 3, 3, 10, 0);
        for (int i = 0; i < 24; i++) {
            csv.append("mail;").append(ten.plusMinutes(5L * i)).append(";1\n");
        }
        csv.append("web;2025-03-03T11:55;3\n");

        Arrivals arrivals = read(csv.toString());

        assertThat(arrivals.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(arrivals.series().start()).isEqualTo(LocalDateTime.of(2025, 3, 3, 10, 0));
        assertThat(arrivals.series().values()).containsExactly(12, 15);
    }

    @Test
    void dailyCountsAreSpreadOverTheirHoursAndMissingHoursHadNoArrivals() throws Exception {
        Arrivals arrivals = read("""
                "timestamp","count"
                "2025-03-03","48"
                "2025-03-04","0"
                "2025-03-06","24.0"
                """);

        assertThat(arrivals.interval()).isEqualTo(Duration.ofDays(1));
        HourlySeries series = arrivals.series();
        assertThat(series.hours()).isEqualTo(96);
        assertThat(series.value(0)).isEqualTo(2);
        assertThat(series.slice(24, 72).total()).isZero();
        assertThat(series.value(95)).isEqualTo(1);
    }

    @Test
    void namedColumnsAnyCaseOtherColumnsIgnoredTabsBomAndBlankLines() throws Exception {
        Path file = file("\uFEFFQueue\tWhen\tN\n\nL1\t2025-03-03T09:00\t4\n\nL1\t2025-03-03T10:00\t6\n");

        Arrivals arrivals = ArrivalsCsv.read(file, "when", "n", MOSCOW);

        assertThat(arrivals.series().values()).containsExactly(4, 6);
    }

    @Test
    void refusesAMalformedTimestampNamingTheLine() throws IOException {
        assertThat(refusal("timestamp,count\n2025-03-03T09:00,1\n\n2025-03-03T25:00,2\n"))
                .isEqualTo("counts.csv line 4: timestamp '2025-03-03T25:00' is not an ISO-8601 date-time such as"
                        + " 2025-03-03T09:00 or 2025-03-03T09:00+03:00");
        assertThat(refusal("timestamp,count\n03.03.2025 09:00,1\n")).startsWith("counts.csv line 2: timestamp '03.03.2025 09:00'");
    }

    @Test
    void refusesCountsThatAreNotCounts() throws IOException {
        assertThat(refusal("timestamp,count\n2025-03-03T09:00,1\n2025-03-03T10:00,abc\n"))
                .isEqualTo("counts.csv line 3: count 'abc' is not a number");
        assertThat(refusal("timestamp,count\n2025-03-03T09:00,-2\n")).isEqualTo("counts.csv line 2: count '-2' is negative");
        assertThat(refusal("timestamp,count\n2025-03-03T09:00,\n")).isEqualTo("counts.csv line 2: count '' is not a number");
        assertThat(refusal("timestamp,count\n2025-03-03T09:00,NaN\n")).isEqualTo("counts.csv line 2: count 'NaN' is not a number");
        assertThat(refusal("timestamp,count\n2025-03-03T09:00,1e3\n")).isEqualTo("counts.csv line 2: count '1e3' is not a number");
    }

    @Test
    void refusesRowsShortOfTheColumnsAndBrokenQuotes() throws IOException {
        assertThat(refusal("timestamp,count\n2025-03-03T09:00,1\n2025-03-03T10:00\n"))
                .isEqualTo("counts.csv line 3: 1 field(s), the header has 2");
        assertThat(refusal("timestamp,count\n\"2025-03-03T09:00,1\n")).startsWith("counts.csv line 2: not a CSV row");
    }

    @Test
    void refusesAFileWithoutTheColumnsOrRows() throws IOException {
        assertThat(refusal("time,count\n2025-03-03T09:00,1\n"))
                .isEqualTo("counts.csv line 1: no column 'timestamp' (--time-column) in the header [time, count]");
        assertThat(refusal("timestamp,n\n2025-03-03T09:00,1\n")).contains("no column 'count' (--count-column)");
        assertThat(refusal("")).contains("the file is empty");
        assertThat(refusal("timestamp,count\n\n")).isEqualTo("counts.csv: no rows after the header");
    }

    @Test
    void refusesCountsCoarserThanADay() throws IOException {
        assertThat(refusal("timestamp,count\n2025-03-03,100\n2025-03-10,120\n"))
                .isEqualTo("counts.csv: the closest rows are 7 days apart; hourly forecasts need counts at least per day");
    }

    @Test
    void refusesWhatIsNotUtf8() throws IOException {
        Path file = dir.resolve("cp1251.csv");
        Files.write(file, "время,count\n".getBytes(java.nio.charset.Charset.forName("windows-1251")));

        assertThatThrownBy(() -> ArrivalsCsv.read(file, "timestamp", "count", MOSCOW))
                .isInstanceOf(Refused.class).hasMessage("cp1251.csv: not UTF-8 text");
    }

    @Test
    void anImportKeepsChannelsAndCategoriesApartAndSumsEachIntoHours() throws Exception {
        ArrivalsCsv.Detailed read = ArrivalsCsv.readDetailed(new java.io.StringReader("""
                Timestamp;Count;Channel;Category
                2025-03-03T09:00;2;EMAIL;mail-lost
                2025-03-03T09:15;3;EMAIL;mail-lost
                2025-03-03T09:15;4;WEB;
                2025-03-03T10:45;1;EMAIL;mail-lost
                """), "counts.csv", MOSCOW);

        assertThat(read.interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(read.rows()).isEqualTo(4);
        assertThat(read.start()).isEqualTo(LocalDateTime.of(2025, 3, 3, 9, 0));
        assertThat(read.end()).isEqualTo(LocalDateTime.of(2025, 3, 3, 11, 0));
        assertThat(read.hours()).containsExactly(
                new ArrivalsCsv.HourCount(LocalDateTime.of(2025, 3, 3, 9, 0), "EMAIL", "mail-lost", 5),
                new ArrivalsCsv.HourCount(LocalDateTime.of(2025, 3, 3, 9, 0), "WEB", null, 4),
                new ArrivalsCsv.HourCount(LocalDateTime.of(2025, 3, 3, 10, 0), "EMAIL", "mail-lost", 1));
        assertThat(read.total()).isEqualTo(10);
    }

    @Test
    void anImportRefusesRowsCloserThanFiveMinutesAndOverlongCodes() {
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(Refused.class, () -> ArrivalsCsv.readDetailed(
                new java.io.StringReader("timestamp,count\n2025-03-03T09:00,1\n2025-03-03T09:02,1\n"), "c.csv", MOSCOW)).getMessage())
                .contains("2 minute(s) apart");
        Refused longCode = org.assertj.core.api.Assertions.catchThrowableOfType(Refused.class, () -> ArrivalsCsv.readDetailed(
                new java.io.StringReader("timestamp,count,channel\n2025-03-03T09:00,1,EMAIL\n2025-03-03T10:00,1," + "X".repeat(41) + "\n"),
                "c.csv", MOSCOW));
        assertThat(longCode.getMessage()).contains("c.csv line 3").contains("longer than 40");
        assertThat(longCode.line()).isEqualTo(3);
    }
}
