package io.linia.analytics.api;

import io.linia.sla.SlaTarget;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * SLA met % per target over time, from the hourly rollup of the targets' outcomes: a target counts in the step it
 * ended in (reached, or no longer applying), met unless breached. Filters: line and group (where the stint was);
 * channel and category do not apply (an outcome belongs to a stint in a queue, not to a kind of ticket).
 */
@Component
@Transactional(readOnly = true)
public class SlaMetSeries {

    /** One target's steps: ended, met, and met % (null where none ended). */
    public record TargetSeries(String target, List<Long> finished, List<Long> met, List<Double> percent, long finishedTotal,
                               long metTotal, Double percentTotal) {
    }

    public record SlaMet(LocalDate from, LocalDate to, String zone, Interval interval, List<String> buckets,
                         List<TargetSeries> targets) {
    }

    /** One ended target, for the drill-down. */
    public record Outcome(long ticketId, String target, String line, Long groupId, boolean met, Instant startedAt,
                          Instant finishedAt) {
    }

    static final int MAX_OUTCOMES = 500;

    private final JdbcTemplate jdbc;

    SlaMetSeries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public SlaMet series(SeriesQuery q, Interval interval) {
        List<String> buckets = interval.buckets(q.from(), q.to(), q.zone());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < buckets.size(); i++) {
            index.put(buckets.get(i), i);
        }
        Map<String, long[][]> byTarget = new HashMap<>();
        for (SlaTarget t : SlaTarget.values()) {
            byTarget.put(t.name(), new long[2][buckets.size()]);
        }
        List<Object> args = new ArrayList<>();
        args.add(q.startHour());
        args.add(q.endHour());
        jdbc.query("select hour_no, target, sum(finished), sum(met) from analytics_sla_hour where hour_no >= ? and hour_no < ?"
                + filters(q, args) + " group by hour_no, target", rs -> {
            Integer i = index.get(interval.bucket(rs.getLong(1), q.zone()));
            long[][] t = byTarget.get(rs.getString(2));
            if (i != null && t != null) {
                t[0][i] += rs.getLong(3);
                t[1][i] += rs.getLong(4);
            }
        }, args.toArray());
        List<TargetSeries> targets = new ArrayList<>();
        for (SlaTarget target : SlaTarget.values()) {
            long[][] t = byTarget.get(target.name());
            List<Double> percent = new ArrayList<>();
            for (int i = 0; i < buckets.size(); i++) {
                percent.add(percent(t[1][i], t[0][i]));
            }
            long finished = Arrays.stream(t[0]).sum();
            long met = Arrays.stream(t[1]).sum();
            targets.add(new TargetSeries(target.name(), boxed(t[0]), boxed(t[1]), percent, finished, met, percent(met, finished)));
        }
        return new SlaMet(q.from(), q.to(), q.zone().getId(), interval, buckets, targets);
    }

    /** The outcomes ended in [from, to) of a target (null: any), met or not (null: both), of the query's line and group. */
    public List<Outcome> outcomes(SeriesQuery q, Instant from, Instant to, SlaTarget target, Boolean met) {
        List<Object> args = new ArrayList<>();
        args.add(java.sql.Timestamp.from(from));
        args.add(java.sql.Timestamp.from(to));
        StringBuilder sql = new StringBuilder("select ticket_id, target, line, group_id, met, started_at, finished_at from analytics_sla_outcome"
                + " where finished_at >= ? and finished_at < ?");
        sql.append(filters(q, args));
        if (target != null) {
            sql.append(" and target = ?");
            args.add(target.name());
        }
        if (met != null) {
            sql.append(" and met = ?");
            args.add(met);
        }
        sql.append(" order by finished_at, ticket_id fetch first " + MAX_OUTCOMES + " rows only");
        return jdbc.query(sql.toString(), (rs, i) -> new Outcome(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getLong(4) == 0 ? null : rs.getLong(4), rs.getBoolean(5), rs.getTimestamp(6).toInstant(),
                rs.getTimestamp(7).toInstant()), args.toArray());
    }

    private static String filters(SeriesQuery q, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        if (q.line() != null) {
            sql.append(" and line = ?");
            args.add(q.line().name());
        }
        if (q.groupId() != null) {
            sql.append(" and group_id = ?");
            args.add(q.groupId());
        }
        return sql.toString();
    }

    private static List<Long> boxed(long[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static Double percent(long met, long finished) {
        return finished == 0 ? null : Math.round(met * 1000.0 / finished) / 10.0;
    }
}
