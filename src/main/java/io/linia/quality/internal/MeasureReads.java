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

        public Sums plus(Sums o) {
            long[] c = counts.clone();
            for (int i = 0; i < c.length; i++) {
                c[i] += o.counts[i];
            }
            return new Sums(c, reviewPercentSum.add(o.reviewPercentSum));
        }
    }

    /**
     * A condition on the facts: {@code column = value}, or {@code column in (values)} when the value is a non-empty
     * collection (column one of agent_id, group_id, line, category_id).
     */
    public record Where(String column, Object value) {
    }

    /** Joins the values of several key columns into one key. */
    public static final String KEY_SEPARATOR = ":";

    private static final String SUMMED = String.join(", ", MeasureStore.SUMS.stream().map(c -> "sum(" + c + ")").toList());

    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    /** PostgreSQL ranks the times itself ({@code percentile_disc}, nearest rank as the SQL standard says). */
    private final boolean postgres;

    MeasureReads(JdbcTemplate jdbc, MeasureStore store) {
        this.jdbc = jdbc;
        this.zone = store.zone();
        Boolean pg = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                .contains("postgres"));
        this.postgres = Boolean.TRUE.equals(pg);
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
        return grouped(where, groupBy, from, to, MeasureStore.SUMS);
    }

    /**
     * As {@link #grouped}, summing only the escalation rate's parts ({@link #RATE}: first-line handlings and
     * escalations; the other counts 0) — what the usual escalation levels need, at a fraction of the work.
     */
    public Map<String, Sums> groupedRates(List<Where> where, String groupBy, Instant from, Instant to) {
        return grouped(where, groupBy, from, to, RATE);
    }

    /** As {@link #weekly}, summing only the escalation rate's parts (see {@link #groupedRates}). */
    public Map<LocalDate, Map<String, Sums>> weeklyRates(List<Where> where, String groupBy, Instant from, Instant to) {
        return weekly(where, groupBy, from, to, RATE);
    }

    /** The parts of an escalation rate. */
    public static final List<String> RATE = List.of("l1_handled", "escalated");

    private Map<String, Sums> grouped(List<Where> where, String groupBy, Instant from, Instant to, List<String> summed) {
        Map<String, Sums> out = new TreeMap<>();
        LocalDate firstDay = firstWholeDay(from);
        LocalDate endDay = to.atZone(zone).toLocalDate();
        if (firstDay.isBefore(endDay)) {
            add(out, query("quality_measure_day", where, groupBy, "on_day >= ? and on_day < ?", List.of(firstDay, endDay), summed));
        }
        addEdges(out, where, groupBy, from, to, summed);
        return out;
    }

    /** The first local day that starts at or after {@code from}. */
    private LocalDate firstWholeDay(Instant from) {
        LocalDate day = from.atZone(zone).toLocalDate();
        return day.atStartOfDay(zone).toInstant().isBefore(from) ? day.plusDays(1) : day;
    }

    /**
     * Sums into {@code into} the facts of [a, b) that lie outside its whole local days — its partial first and last
     * day, or all of it when it holds no whole day (the whole days are the day cells' to give).
     */
    private void addEdges(Map<String, Sums> into, List<Where> where, String groupBy, Instant a, Instant b, List<String> summed) {
        LocalDate first = firstWholeDay(a);
        LocalDate end = b.atZone(zone).toLocalDate();
        if (!first.isBefore(end)) {
            add(into, facts(where, groupBy, a, b, summed));
            return;
        }
        Instant firstStart = first.atStartOfDay(zone).toInstant();
        Instant endStart = end.atStartOfDay(zone).toInstant();
        if (a.isBefore(firstStart)) {
            add(into, facts(where, groupBy, a, firstStart, summed));
        }
        if (endStart.isBefore(b)) {
            add(into, facts(where, groupBy, endStart, b, summed));
        }
    }

    /** The week a local day belongs to: the Monday on or before it. */
    public static LocalDate weekOf(LocalDate day) {
        return day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    }

    /**
     * As {@link #grouped}, per week (Monday 00:00 in the zone) that [from, to) touches, each week cut to the period:
     * what {@code grouped} gives for each week's part of the period, in one query over the day cells (grouped by day,
     * the days folded into weeks here) and at most two over the facts (the partial days at the period's edges).
     */
    public Map<LocalDate, Map<String, Sums>> weekly(List<Where> where, String groupBy, Instant from, Instant to) {
        return weekly(where, groupBy, from, to, MeasureStore.SUMS);
    }

    private Map<LocalDate, Map<String, Sums>> weekly(List<Where> where, String groupBy, Instant from, Instant to,
                                                     List<String> summed) {
        LocalDate firstDay = firstWholeDay(from);
        LocalDate endDay = to.atZone(zone).toLocalDate();
        Map<LocalDate, Map<String, Sums>> out = new TreeMap<>();
        if (firstDay.isBefore(endDay)) {
            String keys = groupBy == null ? "on_day" : "on_day, " + groupBy;
            query("quality_measure_day", where, keys, "on_day >= ? and on_day < ?", List.of(firstDay, endDay), summed).forEach((k, v) -> {
                int cut = k.indexOf(KEY_SEPARATOR);
                LocalDate day = LocalDate.parse(cut < 0 ? k : k.substring(0, cut));
                String key = groupBy == null ? "" : k.substring(cut + 1);
                out.computeIfAbsent(weekOf(day), w -> new TreeMap<>()).merge(key, v, Sums::plus);
            });
        }
        // the parts of weeks that are not whole days: only the first and the last week have them
        LocalDate week = weekOf(from.atZone(zone).toLocalDate());
        while (week.atStartOfDay(zone).toInstant().isBefore(to)) {
            Instant start = week.atStartOfDay(zone).toInstant();
            Instant end = week.plusWeeks(1).atStartOfDay(zone).toInstant();
            Instant a = start.isBefore(from) ? from : start;
            Instant b = end.isAfter(to) ? to : end;
            if (!a.equals(start) || !b.equals(end)) {
                addEdges(out.computeIfAbsent(week, w -> new TreeMap<>()), where, groupBy, a, b, summed);
            }
            week = week.plusWeeks(1);
        }
        return out;
    }

    /**
     * The times of a period in total, per week (Monday in the zone) of it and, when asked, per value of a column
     * ({@code byKey}; empty when not asked).
     */
    public record WeekTimes(Times total, Map<LocalDate, Times> weeks, Map<String, Times> byKey) {
    }

    /**
     * As {@link #times} for [from, to) in total and per week (Monday in the zone) of it — and per value of
     * {@code splitBy} (a column, or null for none) — from one read of the facts' index (the times, the local day and the
     * column), ranked here in one sort per time: a sort of every (value, fact) pair, then one pass that counts each
     * group's facts until a group reaches the rank of its median or 90th percentile. The store's own percentiles would
     * sort each group of each grouping again (total, every week, every value): for a team's quarter (~135,000 facts)
     * ~120 ms on PostgreSQL against ~50 ms here. Each group's figures are {@link #nearestRank} of its values, as
     * {@link #times} gives them.
     */
    public WeekTimes weeklyTimes(List<Where> where, String splitBy, Instant from, Instant to) {
        if (splitBy != null && !List.of("agent_id", "group_id", "line", "category_id").contains(splitBy)) {
            throw new IllegalArgumentException(splitBy);
        }
        // the week as a number (weeks since Monday 1900-01-01), so that no row needs a date object
        String week = postgres ? "(on_day - date '1900-01-01') / 7" : "datediff('DAY', date '1900-01-01', on_day) / 7";
        StringBuilder sql = new StringBuilder("select ").append(week).append(", ").append(splitBy == null ? "0" : splitBy)
                .append(", handling_ms, first_response_ms from quality_fact where ");
        List<Object> args = new ArrayList<>();
        conditions(sql, args, where);
        sql.append("at >= ? and at < ? and (handling_ms is not null or first_response_ms is not null)");
        args.add(Timestamp.from(from));
        args.add(Timestamp.from(to));
        Ranking ranking = new Ranking();
        boolean textKey = "line".equals(splitBy);
        jdbc.query(con -> {
            java.sql.PreparedStatement ps = con.prepareStatement(sql.toString());
            ps.setFetchSize(FETCH); // in a transaction PostgreSQL then sends the rows in batches, not all at once
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return ps;
        }, (java.sql.ResultSet rs) -> {
            long h = rs.getLong(3);
            boolean hasH = !rs.wasNull();
            long f = rs.getLong(4);
            boolean hasF = !rs.wasNull();
            int key = textKey ? ranking.key(rs.getString(2)) : ranking.key(rs.getLong(2));
            ranking.add(rs.getInt(1), key, hasH ? h : -1, hasF ? f : -1);
        });
        return ranking.times(splitBy != null);
    }

    /** Rows fetched at a time by {@link #weeklyTimes}. */
    private static final int FETCH = 8192;

    /** Monday 1900-01-01: week numbers count from it. */
    private static final LocalDate WEEK_ZERO = LocalDate.of(1900, 1, 1);

    /**
     * The facts' times in the order read, with each fact's week and key as small numbers, ranked per group (the total,
     * each week, each key) by {@link #times}. Times are never negative; a missing one is held as -1.
     */
    private static final class Ranking {
        /** Week numbers seen (weeks since {@link #WEEK_ZERO}), by index; and the index of each, from the smallest. */
        private final List<Integer> weeks = new ArrayList<>();
        private int firstWeek = Integer.MAX_VALUE;
        private int[] weekIndexFrom = new int[0];
        private final Map<Long, Integer> numericKeys = new HashMap<>();
        private final Map<String, Integer> textKeys = new HashMap<>();
        private final List<String> keys = new ArrayList<>();
        private long lastKey = Long.MIN_VALUE;
        private int lastKeyIndex = -1;
        private int[] week = new int[1024];
        private int[] key = new int[1024];
        private long[] handling = new long[1024];
        private long[] response = new long[1024];
        private int n;

        int key(long k) {
            if (k == lastKey && lastKeyIndex >= 0) {
                return lastKeyIndex;
            }
            Integer i = numericKeys.get(k);
            if (i == null) {
                i = keys.size();
                keys.add(Long.toString(k));
                numericKeys.put(k, i);
            }
            lastKey = k;
            lastKeyIndex = i;
            return i;
        }

        int key(String k) {
            return textKeys.computeIfAbsent(k == null ? "" : k, x -> {
                keys.add(x);
                return keys.size() - 1;
            });
        }

        void add(int weekNumber, int keyIndex, long h, long f) {
            if (n == week.length) {
                int size = n * 2;
                week = java.util.Arrays.copyOf(week, size);
                key = java.util.Arrays.copyOf(key, size);
                handling = java.util.Arrays.copyOf(handling, size);
                response = java.util.Arrays.copyOf(response, size);
            }
            week[n] = weekIndex(weekNumber);
            key[n] = keyIndex;
            handling[n] = h;
            response[n] = f;
            n++;
        }

        /** The index of a week number, from an array over the span of weeks seen (a period is at most ~106 weeks). */
        private int weekIndex(int number) {
            if (number < firstWeek || number >= firstWeek + weekIndexFrom.length) {
                int from = Math.min(number, firstWeek);
                int to = Math.max(number + 1, firstWeek == Integer.MAX_VALUE ? number + 1 : firstWeek + weekIndexFrom.length);
                int[] grown = new int[to - from];
                java.util.Arrays.fill(grown, -1);
                if (firstWeek != Integer.MAX_VALUE) {
                    System.arraycopy(weekIndexFrom, 0, grown, firstWeek - from, weekIndexFrom.length);
                }
                firstWeek = from;
                weekIndexFrom = grown;
            }
            int i = weekIndexFrom[number - firstWeek];
            if (i < 0) {
                i = weeks.size();
                weeks.add(number);
                weekIndexFrom[number - firstWeek] = i;
            }
            return i;
        }

        WeekTimes times(boolean byKey) {
            long[][] h = rank(handling);
            long[][] f = rank(response);
            Map<LocalDate, Times> perWeek = new TreeMap<>();
            for (int w = 0; w < weeks.size(); w++) {
                perWeek.put(WEEK_ZERO.plusWeeks(weeks.get(w)), times(h, f, 1 + w));
            }
            Map<String, Times> perKey = new HashMap<>();
            if (byKey) {
                for (int k = 0; k < keys.size(); k++) {
                    perKey.put(keys.get(k), times(h, f, 1 + weeks.size() + k));
                }
            }
            return new WeekTimes(n == 0 ? Times.NONE : times(h, f, 0), perWeek, perKey);
        }

        private static Times times(long[][] h, long[][] f, int group) {
            return new Times(h[0][group], orNull(h[1][group]), orNull(h[2][group]), f[0][group], orNull(f[1][group]),
                    orNull(f[2][group]));
        }

        private static Long orNull(long v) {
            return v < 0 ? null : v;
        }

        /**
         * Per group (0 = all, then each week, then each key): {count, median, 90th percentile} of the values (-1 = none),
         * the nearest rank as {@link #nearestRank} takes it.
         */
        private long[][] rank(long[] values) {
            int groups = 1 + weeks.size() + keys.size();
            long[] count = new long[groups];
            int present = 0;
            long largest = 0;
            for (int i = 0; i < n; i++) {
                if (values[i] >= 0) {
                    present++;
                    largest = Math.max(largest, values[i]);
                    count[0]++;
                    count[1 + week[i]]++;
                    count[1 + weeks.size() + key[i]]++;
                }
            }
            long[] median = new long[groups];
            long[] p90 = new long[groups];
            long[] rank50 = new long[groups];
            long[] rank90 = new long[groups];
            for (int g = 0; g < groups; g++) {
                median[g] = -1;
                p90[g] = -1;
                rank50[g] = Math.max(1, (long) Math.ceil(50 / 100.0 * count[g]));
                rank90[g] = Math.max(1, (long) Math.ceil(90 / 100.0 * count[g]));
            }
            int[] order = new int[present];
            if (largest <= Long.MAX_VALUE / Math.max(1, n) - 1) {
                // value * n + fact: sorting these sorts by value, and the remainder names the fact
                long[] sorted = new long[present];
                int j = 0;
                for (int i = 0; i < n; i++) {
                    if (values[i] >= 0) {
                        sorted[j++] = values[i] * n + i;
                    }
                }
                java.util.Arrays.sort(sorted);
                for (int k = 0; k < present; k++) {
                    order[k] = (int) (sorted[k] % n);
                }
            } else {
                Integer[] boxed = new Integer[present];
                int j = 0;
                for (int i = 0; i < n; i++) {
                    if (values[i] >= 0) {
                        boxed[j++] = i;
                    }
                }
                java.util.Arrays.sort(boxed, java.util.Comparator.comparingLong(i -> values[i]));
                for (int k = 0; k < present; k++) {
                    order[k] = boxed[k];
                }
            }
            long[] seen = new long[groups];
            int[] of = new int[3];
            for (int k = 0; k < present; k++) {
                int i = order[k];
                of[0] = 0;
                of[1] = 1 + week[i];
                of[2] = 1 + weeks.size() + key[i];
                for (int g : of) {
                    long c = ++seen[g];
                    if (c == rank50[g]) {
                        median[g] = values[i];
                    }
                    if (c == rank90[g]) {
                        p90[g] = values[i];
                    }
                }
            }
            return new long[][] {count, median, p90};
        }
    }

    /**
     * Nearest-rank medians and 90th percentiles of the handling and first-response times of facts matching
     * {@code where} in [from, to), per value of {@code groupBy} (or under "" when null); computed by the store
     * ({@code percentile_disc}: the smallest value with at least that share of the values at or below it).
     */
    public record Times(long handlings, Long handlingMedian, Long handlingP90, long responses, Long responseMedian,
                        Long responseP90) {

        public static final Times NONE = new Times(0, null, null, 0, null, null);
    }

    public Map<String, Times> times(List<Where> where, String groupBy, Instant from, Instant to) {
        if (!postgres) {
            return timesByHand(where, groupBy, from, to);
        }
        roomToSort();
        StringBuilder sql = new StringBuilder("select ").append(groupBy == null ? "''" : groupBy)
                .append(", count(handling_ms), percentile_disc(0.5) within group (order by handling_ms),"
                        + " percentile_disc(0.9) within group (order by handling_ms), count(first_response_ms),"
                        + " percentile_disc(0.5) within group (order by first_response_ms),"
                        + " percentile_disc(0.9) within group (order by first_response_ms) from quality_fact where ");
        List<Object> args = new ArrayList<>();
        conditions(sql, args, where);
        sql.append("at >= ? and at < ? and (handling_ms is not null or first_response_ms is not null)");
        args.add(Timestamp.from(from));
        args.add(Timestamp.from(to));
        if (groupBy != null) {
            sql.append(" group by ").append(groupBy);
        }
        Map<String, Times> out = new HashMap<>();
        jdbc.query(sql.toString(), rs -> {
            out.put(groupBy == null ? "" : rs.getString(1), new Times(rs.getLong(2), longOrNull(rs, 3), longOrNull(rs, 4),
                    rs.getLong(5), longOrNull(rs, 6), longOrNull(rs, 7)));
        }, args.toArray());
        return out;
    }

    /**
     * The same on stores whose {@code percentile_disc} is not the standard's nearest rank (H2 interpolates the rank):
     * the times are read and ranked here.
     */
    private Map<String, Times> timesByHand(List<Where> where, String groupBy, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("select ").append(groupBy == null ? "''" : groupBy)
                .append(", handling_ms, first_response_ms from quality_fact where ");
        List<Object> args = new ArrayList<>();
        conditions(sql, args, where);
        sql.append("at >= ? and at < ? and (handling_ms is not null or first_response_ms is not null)");
        args.add(Timestamp.from(from));
        args.add(Timestamp.from(to));
        Map<String, List<List<Long>>> values = new HashMap<>();
        jdbc.query(sql.toString(), rs -> {
            String key = rs.getString(1);
            if (key == null) {
                return;
            }
            Long h = longOrNull(rs, 2);
            Long f = longOrNull(rs, 3);
            List<List<Long>> lists = values.computeIfAbsent(key, k -> List.of(new ArrayList<>(), new ArrayList<>()));
            if (h != null) {
                lists.get(0).add(h);
            }
            if (f != null) {
                lists.get(1).add(f);
            }
        }, args.toArray());
        Map<String, Times> out = new HashMap<>();
        values.forEach((k, v) -> out.put(k, new Times(v.get(0).size(), nearestRank(v.get(0), 50), nearestRank(v.get(0), 90),
                v.get(1).size(), nearestRank(v.get(1), 50), nearestRank(v.get(1), 90))));
        return out;
    }

    /**
     * Lets the percentiles' sorts of this transaction stay in memory (the facts of a line or category over a quarter are
     * hundreds of thousands; the server's default 4 MB would spill their sorts to disk). PostgreSQL only; outside a
     * transaction it does nothing.
     */
    private void roomToSort() {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            jdbc.execute("set local work_mem = '32MB'");
        }
    }

    /** The smallest value with at least {@code p} % of the values at or below it; null when there are none. */
    public static Long nearestRank(List<Long> values, int p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(values);
        java.util.Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static Long longOrNull(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private Map<String, Sums> facts(List<Where> where, String groupBy, Instant from, Instant to, List<String> summed) {
        return query("quality_fact", where, groupBy, "at >= ? and at < ?", List.of(Timestamp.from(from), Timestamp.from(to)),
                summed);
    }

    /**
     * The sums per value of {@code groupBy}: null (one total under ""), a column, or several columns separated by
     * ", " (the key then their values joined by {@link #KEY_SEPARATOR}); rows with a null key value are left out.
     */
    private Map<String, Sums> query(String table, List<Where> where, String groupBy, String period, List<Object> periodArgs,
                                    List<String> summed) {
        List<String> keyColumns = groupBy == null ? List.of() : List.of(groupBy.split(", "));
        for (String k : keyColumns) {
            if (!List.of("agent_id", "group_id", "line", "category_id", "on_day").contains(k)) {
                throw new IllegalArgumentException(k);
            }
        }
        int keys = Math.max(1, keyColumns.size());
        StringBuilder sql = new StringBuilder("select ").append(groupBy == null ? "''" : groupBy).append(", ")
                .append(summed == MeasureStore.SUMS ? SUMMED : String.join(", ", summed.stream().map(c -> "sum(" + c + ")").toList()))
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
        int[] at = summed.stream().mapToInt(MeasureStore.SUMS::indexOf).toArray();
        int review = MeasureStore.SUMS.indexOf("review_percent_sum");
        jdbc.query(sql.toString(), rs -> {
            long[] c = new long[n];
            BigDecimal reviews = BigDecimal.ZERO;
            for (int j = 0; j < at.length; j++) {
                if (at[j] == review) {
                    BigDecimal v = rs.getBigDecimal(j + 1 + keys);
                    reviews = v == null ? BigDecimal.ZERO : v;
                } else {
                    c[at[j]] = rs.getLong(j + 1 + keys);
                }
            }
            StringBuilder key = new StringBuilder();
            for (int i = 1; i <= keyColumns.size(); i++) {
                String v = "on_day".equals(keyColumns.get(i - 1)) ? String.valueOf(rs.getObject(i, LocalDate.class)) : rs.getString(i);
                if (v == null || rs.wasNull()) {
                    return;
                }
                key.append(i > 1 ? KEY_SEPARATOR : "").append(v);
            }
            out.put(key.toString(), new Sums(c, reviews));
        }, args.toArray());
        return out;
    }

    private static void conditions(StringBuilder sql, List<Object> args, List<Where> where) {
        for (Where w : where) {
            if (!List.of("agent_id", "group_id", "line", "category_id").contains(w.column())) {
                throw new IllegalArgumentException(w.column());
            }
            if (w.value() instanceof java.util.Collection<?> values) {
                if (values.isEmpty()) {
                    throw new IllegalArgumentException("no values for " + w.column());
                }
                sql.append(w.column()).append(" in (").append(String.join(", ", java.util.Collections.nCopies(values.size(), "?")))
                        .append(") and ");
                args.addAll(values);
            } else {
                sql.append(w.column()).append(" = ? and ");
                args.add(w.value());
            }
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
