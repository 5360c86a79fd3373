package io.linia.quality.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the measures' parts for a period [from, to): the whole days inside it from the day cells, the partial days at
 * its edges from the facts; the handling and first-response times (for medians) from the facts' indexes.
 */
@Component
public class MeasureReads {

    /** The summed parts of the measures ({@link MeasureStore#SUMS} in order). */
    public record Sums(long[] counts, BigDecimal reviewPercentSum) {

        public static Sums zero() {
            return new Sums(new long[MeasureStore.SUMS.size()], BigDecimal.ZERO);
        }

        public long get(String column) {
            return counts[MeasureStore.SUMS.indexOf(column)];
        }

        Sums plus(Sums o) {
            long[] c = counts.clone();
            for (int i = 0; i < c.length; i++) {
                c[i] += o.counts[i];
            }
            return new Sums(c, reviewPercentSum.add(o.reviewPercentSum));
        }
    }

    /** A condition on the facts: {@code column = value} (column one of agent_id, group_id, line, category_id). */
    public record Where(String column, Object value) {
    }

    private static final String SUMMED = String.join(", ", MeasureStore.SUMS.stream().map(c -> "sum(" + c + ")").toList());

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    MeasureReads(JdbcTemplate jdbc, MeasureStore store) {
        this.jdbc = jdbc;
        this.zone = store.zone();
    }

    public ZoneId zone() {
        return zone;
    }

    /** The sums over facts matching all {@code where} in [from, to). */
    public Sums sums(List<Where> where, Instant from, Instant to) {
        return grouped(where, null, from, to).getOrDefault("", Sums.zero());
    }

    /**
     * The sums per value of {@code groupBy} (a column, or null for one total under key "") over facts matching all
     * {@code where} in [from, to).
     */
    public Map<String, Sums> grouped(List<Where> where, String groupBy, Instant from, Instant to) {
        LocalDate firstDay = from.atZone(zone).toLocalDate();
        if (firstDay.atStartOfDay(zone).toInstant().isBefore(from)) {
            firstDay = firstDay.plusDays(1);
        }
        LocalDate endDay = to.atZone(zone).toLocalDate();
        Map<String, Sums> out = new TreeMap<>();
        Instant firstStart = firstDay.atStartOfDay(zone).toInstant();
        Instant endStart = endDay.atStartOfDay(zone).toInstant();
        if (firstDay.isBefore(endDay)) {
            add(out, query("quality_measure_day", where, groupBy, "on_day >= ? and on_day < ?", List.of(firstDay, endDay)));
            if (from.isBefore(firstStart)) {
                add(out, facts(where, groupBy, from, firstStart));
            }
            if (endStart.isBefore(to)) {
                add(out, facts(where, groupBy, endStart, to));
            }
        } else {
            add(out, facts(where, groupBy, from, to));
        }
        return out;
    }

    /** Handling times (index 0) and first-response times (index 1) of facts matching {@code where} in [from, to), per key. */
    public Map<String, List<List<Long>>> times(List<Where> where, String groupBy, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("select ").append(groupBy == null ? "''" : groupBy)
                .append(", handling_ms, first_response_ms from quality_fact where ");
        List<Object> args = new ArrayList<>();
        conditions(sql, args, where);
        sql.append("at >= ? and at < ? and (handling_ms is not null or first_response_ms is not null)");
        args.add(Timestamp.from(from));
        args.add(Timestamp.from(to));
        Map<String, List<List<Long>>> out = new HashMap<>();
        jdbc.query(sql.toString(), rs -> {
            List<List<Long>> lists = out.computeIfAbsent(rs.getString(1), k -> List.of(new ArrayList<>(), new ArrayList<>()));
            long h = rs.getLong(2);
            if (!rs.wasNull()) {
                lists.get(0).add(h);
            }
            long f = rs.getLong(3);
            if (!rs.wasNull()) {
                lists.get(1).add(f);
            }
        }, args.toArray());
        return out;
    }

    private Map<String, Sums> facts(List<Where> where, String groupBy, Instant from, Instant to) {
        return query("quality_fact", where, groupBy, "at >= ? and at < ?", List.of(Timestamp.from(from), Timestamp.from(to)));
    }

    private Map<String, Sums> query(String table, List<Where> where, String groupBy, String period, List<Object> periodArgs) {
        StringBuilder sql = new StringBuilder("select ").append(groupBy == null ? "''" : groupBy).append(", ").append(SUMMED)
                .append(" from ").append(table).append(" where ");
        List<Object> args = new ArrayList<>();
        conditions(sql, args, where);
        sql.append(period);
        args.addAll(periodArgs);
        if (groupBy != null) {
            sql.append(" group by ").append(groupBy);
        }
        Map<String, Sums> out = new HashMap<>();
        int n = MeasureStore.SUMS.size();
        int review = MeasureStore.SUMS.indexOf("review_percent_sum");
        jdbc.query(sql.toString(), rs -> {
            long[] c = new long[n];
            BigDecimal reviews = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                if (i == review) {
                    BigDecimal v = rs.getBigDecimal(i + 2);
                    reviews = v == null ? BigDecimal.ZERO : v;
                } else {
                    c[i] = rs.getLong(i + 2);
                }
            }
            if (rs.getString(1) != null || groupBy == null) {
                out.put(groupBy == null ? "" : rs.getString(1), new Sums(c, reviews));
            }
        }, args.toArray());
        return out;
    }

    private static void conditions(StringBuilder sql, List<Object> args, List<Where> where) {
        for (Where w : where) {
            if (!List.of("agent_id", "group_id", "line", "category_id").contains(w.column())) {
                throw new IllegalArgumentException(w.column());
            }
            sql.append(w.column()).append(" = ? and ");
            args.add(w.value());
        }
    }

    private static void add(Map<String, Sums> into, Map<String, Sums> more) {
        more.forEach((k, v) -> into.merge(k, v, Sums::plus));
    }
    // ------------------------------------------------------------------ drill-down: the facts behind a number

    /** One fact as the drill-down lists it ({@code counts} in {@link MeasureStore#SUMS} order). */
    public record FactRow(long ticketId, long agentId, String line, long groupId, long categoryId, Instant at,
                          Long handlingMs, Long firstResponseMs, long contribution, long[] counts, BigDecimal reviewPercentSum) {

        public long get(String column) {
            return counts[MeasureStore.SUMS.indexOf(column)];
        }
    }

    /** How many facts match and their contributions summed: {@code [facts, total]}. */
    public long[] countFacts(List<Where> where, String condition, String contribution, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("select count(*), coalesce(sum(").append(contribution).append("), 0) from quality_fact where ");
        List<Object> args = new ArrayList<>();
        conditions(sql, args, where);
        sql.append("at >= ? and at < ? and ").append(condition);
        args.add(Timestamp.from(from));
        args.add(Timestamp.from(to));
        return jdbc.queryForObject(sql.toString(), (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, args.toArray());
    }

    /**
     * The first {@code limit} facts matching all {@code where} in [from, to) and {@code condition} (fixed SQL of
     * {@link io.linia.quality.Measure}), by moment and ticket.
     */
    public List<FactRow> factRows(List<Where> where, String condition, String contribution, Instant from, Instant to, int limit) {
        StringBuilder sql = new StringBuilder("select ticket_id, agent_id, line, group_id, category_id, at, handling_ms, first_response_ms, ")
                .append(contribution).append(", ").append(String.join(", ", MeasureStore.SUMS)).append(" from quality_fact where ");
        List<Object> args = new ArrayList<>();
        conditions(sql, args, where);
        sql.append("at >= ? and at < ? and ").append(condition).append(" order by at, ticket_id, seq fetch first ")
                .append(Math.max(1, limit)).append(" rows only");
        args.add(Timestamp.from(from));
        args.add(Timestamp.from(to));
        int n = MeasureStore.SUMS.size();
        int review = MeasureStore.SUMS.indexOf("review_percent_sum");
        return jdbc.query(sql.toString(), (rs, i) -> {
            long[] c = new long[n];
            BigDecimal reviews = BigDecimal.ZERO;
            for (int k = 0; k < n; k++) {
                if (k == review) {
                    BigDecimal v = rs.getBigDecimal(10 + k);
                    reviews = v == null ? BigDecimal.ZERO : v;
                } else {
                    c[k] = rs.getLong(10 + k);
                }
            }
            return new FactRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                    Sql.instant(rs, "at"), Sql.longOrNull(rs, "handling_ms"), Sql.longOrNull(rs, "first_response_ms"),
                    rs.getLong(9), c, reviews);
        }, args.toArray());
    }
}
