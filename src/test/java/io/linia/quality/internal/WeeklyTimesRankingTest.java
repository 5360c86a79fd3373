package io.linia.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.quality.QualityContext;
import io.linia.quality.internal.MeasureReads.Times;
import io.linia.quality.internal.MeasureReads.WeekTimes;
import io.linia.quality.internal.MeasureReads.Where;
import io.linia.support.StoreTest;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The weekly trend's times are ranked in the application (one sort per time, then one counting pass for the total,
 * every week and every agent): on a few thousand random facts — ties, missing times, a period cut mid-day, times
 * too large to pack with their fact — each group's count, median and 90th percentile equal what {@link MeasureReads#times}
 * gives for the same facts (on PostgreSQL the store's own {@code percentile_disc}, on H2 a plain sort).
 */
@StoreTest
@Import(QualityContext.class)
@TestPropertySource(properties = {QualityContext.PROPERTIES_CONTEXT, QualityContext.PROPERTIES_SCHEMA,
        QualityContext.PROPERTIES_SECRET})
class WeeklyTimesRankingTest {

    private static final long GROUP = 7_700_000L;
    private static final long FIRST_AGENT = 7_700_100L;
    private static final long FIRST_TICKET = 7_700_000_000L;
    private static final Instant START = QualityContext.at("2033-05-03T00:00:00Z");

    @Autowired
    MeasureReads reads;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeTheFacts() {
        jdbc.update("delete from quality_fact where group_id = ?", GROUP);
    }

    @Test
    void everyGroupsTimesEqualTheStoresRanking() {
        write(new Random(20261126), 3_000, 10_000_000L, false);
        check(QualityContext.at("2033-05-04T13:17:00Z"), QualityContext.at("2033-07-19T08:45:00Z"));
        check(START, START.plusSeconds(86_400L * 90));
    }

    @Test
    void timesTooLargeToPackWithTheirFactAreRankedToo() {
        write(new Random(7), 800, 3_000L, true);
        check(START, START.plusSeconds(86_400L * 90));
    }

    /** Facts spread over 90 days for 7 agents: times drawn below {@code bound} (many ties), a fifth of each missing. */
    private void write(Random random, int facts, long bound, boolean huge) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < facts; i++) {
            Instant at = START.plusSeconds(random.nextInt(90 * 86_400));
            LocalDate day = at.atZone(reads.zone()).toLocalDate();
            Long handling = random.nextInt(5) == 0 ? null : (long) (random.nextDouble() * bound);
            Long response = random.nextInt(5) == 0 ? null : (long) (random.nextDouble() * bound);
            if (huge && i % 97 == 0) {
                handling = Long.MAX_VALUE / 4 - i;
            }
            if (handling == null && response == null) {
                response = 1L;
            }
            Object[] row = new Object[27];
            java.util.Arrays.fill(row, 0);
            row[0] = FIRST_TICKET + i;
            row[1] = 1;
            row[2] = FIRST_AGENT + random.nextInt(7);
            row[3] = "FIRST";
            row[4] = GROUP;
            row[5] = 0L;
            row[6] = Timestamp.from(at);
            row[7] = day;
            row[8] = 1;
            row[9] = handling;
            row[10] = response;
            row[25] = java.math.BigDecimal.ZERO; // review_percent_sum; every other count 0
            rows.add(row);
        }
        jdbc.batchUpdate("insert into quality_fact (ticket_id, seq, agent_id, line, group_id, category_id, at, on_day, handled,"
                + " handling_ms, first_response_ms, l1_handled, escalated, escalation_corrected, resolved, reopened, repeated,"
                + " sla_total, sla_met, rating_requests, ratings_five, rating_five_sum, ratings_two, ratings_two_good, reviews,"
                + " review_percent_sum, trainer_corrections) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    private void check(Instant from, Instant to) {
        List<Where> where = List.of(new Where("group_id", GROUP));
        WeekTimes ranked = reads.weeklyTimes(where, "agent_id", from, to);
        Times total = reads.times(where, null, from, to).get("");
        assertThat(total.handlings()).isGreaterThan(100);
        assertThat(ranked.total()).isEqualTo(total);
        Map<String, Times> perAgent = reads.times(where, "agent_id", from, to);
        assertThat(perAgent).hasSize(7);
        assertThat(ranked.byKey()).isEqualTo(perAgent);
        int weeks = 0;
        LocalDate week = from.atZone(reads.zone()).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        while (week.atStartOfDay(reads.zone()).toInstant().isBefore(to)) {
            Instant a = max(from, week.atStartOfDay(reads.zone()).toInstant());
            Instant b = min(to, week.plusWeeks(1).atStartOfDay(reads.zone()).toInstant());
            Times expected = reads.times(where, null, a, b).get("");
            assertThat(ranked.weeks().get(week)).as("week of %s", week).isEqualTo(expected);
            weeks++;
            week = week.plusWeeks(1);
        }
        assertThat(ranked.weeks()).hasSize(weeks);
        assertThat(weeks).isGreaterThan(10);
        // the same without the split by agent
        WeekTimes unsplit = reads.weeklyTimes(where, null, from, to);
        assertThat(unsplit.total()).isEqualTo(total);
        assertThat(unsplit.weeks()).isEqualTo(ranked.weeks());
        assertThat(unsplit.byKey()).isEmpty();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
