package io.linia.analytics.api;

import io.linia.analytics.alert.ArrivalBaselines;
import io.linia.analytics.rollup.Figures;
import io.linia.routing.CategoryRef;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import io.linia.workforce.demand.ArrivalBatch;
import io.linia.workforce.demand.ArrivalHistory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboards' series, summed from the hourly rollups: one grouped query per series (two or three for the
 * backlog and the comparisons), the hours then folded into the desk's hours, days or weeks here. Public for the
 * module's dashboard pages (io.linia.analytics.web), which show the same series as the API.
 */
@Component
@Transactional(readOnly = true)
public class AnalyticsSeries {

    /** One line of a chart: its key (a channel, a category or group id, a line), its label, a value per bucket. */
    public record Series(String key, String label, List<Long> values) {
    }

    /**
     * A stacked chart's steps; {@code usual} (inflow by hours or days only, else null) is each step's usual total: the
     * median of the same wall-clock hour of the week (the same weekday for days) over the weeks looked back, null where
     * no week had history.
     */
    public record Stacked(LocalDate from, LocalDate to, String zone, Interval interval, String by, String measure,
                   List<String> buckets, List<Series> series, List<Long> totals, long total, List<Double> usual) {
    }

    public record WaitDay(String day, long count, Double averageMinutes, Double medianMinutes, Double p90Minutes,
                   Double withinTargetShare) {
    }

    public record Wait(LocalDate from, LocalDate to, String zone, long targetMinutes, List<WaitDay> days, WaitDay overall) {
    }

    public record ShareDay(String day, long created, long escalated, Double share) {
    }

    public record Share(LocalDate from, LocalDate to, String zone, List<ShareDay> days, Double share, Double usualShare,
                 int usualDays) {
    }

    public record SolvedDay(String day, long solved, long reopened, long returned) {
    }

    public record Solved(LocalDate from, LocalDate to, String zone, List<SolvedDay> days, long solved, long reopened, long returned) {
    }

    public record TopCategory(long categoryId, String label, long count, long previousCount, long change, Double changePercent) {
    }

    public record Top(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo, String zone, String measure,
               List<TopCategory> categories) {
    }

    static final int USUAL_DAYS = 28;

    private final JdbcTemplate jdbc;
    private final io.linia.analytics.rollup.RollupKeeper rollups;
    private final RoutingDirectory routing;
    private final MessageSource messages;
    private final Duration target;
    private final ArrivalHistory history;
    private final int usualWeeks;

    AnalyticsSeries(JdbcTemplate jdbc, io.linia.analytics.rollup.RollupKeeper rollups, RoutingDirectory routing,
                    MessageSource messages, @Value("${linia.analytics.first-line-wait-target:PT1H}") Duration target,
                    ArrivalHistory history, @Value("${linia.analytics.alerts.weeks:8}") int usualWeeks) {
        this.history = history;
        this.usualWeeks = usualWeeks;
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.routing = routing;
        this.messages = messages;
        this.target = target;
    }

    public Duration target() {
        return target;
    }

    /** Tickets arriving per step, stacked by channel or category (into the desk, or into second-line places when filtered so). */
    public Stacked inflow(SeriesQuery q, Interval interval, String by, Locale locale) {
        String measure = q.secondLine() ? "escalated" : "created";
        String dim = by.equals("category") ? "category_id" : "channel";
        List<String> buckets = interval.buckets(q.from(), q.to(), q.zone());
        Map<String, Integer> index = index(buckets);
        Map<String, long[]> byKey = new TreeMap<>();
        scan(q, interval, dim, "sum(" + measure + ")", measure + " <> 0", (bucket, rs) -> {
            Integer i = index.get(bucket);
            if (i != null) {
                byKey.computeIfAbsent(rs.getString(2), k -> new long[buckets.size()])[i] += rs.getLong(3);
            }
        });
        Stacked s = stacked(q, interval, by, measure, buckets, byKey,
                key -> by.equals("category") ? categoryLabel(Long.parseLong(key), locale) : key);
        return new Stacked(s.from(), s.to(), s.zone(), s.interval(), s.by(), s.measure(), s.buckets(), s.series(), s.totals(), s.total(),
                interval == Interval.WEEK ? null : usualInflow(q, interval, buckets));
    }

    /**
     * The usual inflow of each step of hours or days: the median, over the previous {@code weeks} weeks, of the same
     * wall-clock span of the week (the same hour of the same weekday; the same weekday for days), rounded to a tenth. The
     * spike alerts' rules ({@link ArrivalBaselines}): a week counts where there is history, Linia's own (the rollups,
     * filtered as the chart) from the first ticket of the channel or category asked for, else imported history (the
     * workforce's one store) that covers the whole span and has the dimension filtered on; own history wins, nothing is
     * counted twice. Imported counts hold no line or group: a chart of what was passed to the second line or a group
     * has own history only. Null where no week had history.
     */
    List<Double> usualInflow(SeriesQuery q, Interval interval, List<String> buckets) {
        List<Double> usual = new ArrayList<>();
        if (buckets.isEmpty()) {
            return usual;
        }
        ZoneId zone = q.zone();
        String measure = q.secondLine() ? "escalated" : "created";
        Duration step = interval == Interval.HOUR ? Duration.ofHours(1) : Duration.ofDays(1);
        List<LocalDateTime> starts = buckets.stream().map(b -> interval == Interval.HOUR ? LocalDateTime.parse(b)
                : LocalDate.parse(b).atStartOfDay()).toList();
        long from = hourNo(starts.get(0).minusWeeks(usualWeeks).atZone(zone).toInstant());
        long to = hourNo(starts.get(starts.size() - 1).plus(step).minusWeeks(1).atZone(zone).toInstant()) + 1;
        Map<Long, Double> own = new HashMap<>();
        List<Object> args = SeriesQuery.args();
        args.add(from);
        args.add(to);
        jdbc.query("select hour_no, sum(" + measure + ") from analytics_hour where hour_no >= ? and hour_no < ?" + q.filters(args)
                + " and " + measure + " <> 0 group by hour_no", rs -> {
            own.put(rs.getLong(1), (double) rs.getLong(2));
        }, args.toArray());
        // Linia's own history of the channel / category asked for begins with its first ticket
        List<Object> firstArgs = SeriesQuery.args();
        StringBuilder first = new StringBuilder("select min(hour_no) from analytics_hour where created <> 0");
        if (q.channel() != null) {
            first.append(" and channel = ?");
            firstArgs.add(q.channel().name());
        }
        if (q.categoryId() != null) {
            first.append(" and category_id = ?");
            firstArgs.add(q.categoryId());
        }
        Long ownFrom = jdbc.queryForObject(first.toString(), Long.class, firstArgs.toArray());
        List<ArrivalBatch> batches = q.secondLine() ? List.of() : history.batches().stream()
                .filter(b -> (q.channel() == null || b.channels()) && (q.categoryId() == null || b.categories())).toList();
        Map<Long, Double> imported = new HashMap<>();
        if (!batches.isEmpty()) {
            Set<Long> ids = batches.stream().map(ArrivalBatch::id).collect(java.util.stream.Collectors.toSet());
            String code = q.categoryId() == null ? null : routing.category(q.categoryId()).map(CategoryRef::code).orElse("");
            for (ArrivalHistory.HourCount c : history.counts(Instant.ofEpochSecond(from * 3600), Instant.ofEpochSecond(to * 3600))) {
                if (ids.contains(c.batchId())
                        && (q.channel() == null || c.channel() != null && c.channel().strip().equalsIgnoreCase(q.channel().name()))
                        && (code == null || c.category() != null && c.category().strip().equals(code))) {
                    imported.merge(hourNo(c.hour()), c.arrivals(), Double::sum);
                }
            }
        }
        for (LocalDateTime start : starts) {
            List<Double> values = new ArrayList<>();
            for (int k = 1; k <= usualWeeks; k++) {
                Instant a = start.minusWeeks(k).atZone(zone).toInstant();
                Instant b = start.plus(step).minusWeeks(k).atZone(zone).toInstant();
                Map<Long, Double> weights = ArrivalBaselines.weights(a, b);
                long firstHour = hourNo(a);
                long endHour = Math.floorDiv(b.getEpochSecond() + 3599, 3600);
                if (ownFrom != null && ownFrom <= firstHour) {
                    values.add(sum(own, weights));
                } else if (batches.stream().anyMatch(x -> hourNo(x.firstHour()) <= firstHour && hourNo(x.endHour()) >= endHour)) {
                    values.add(sum(imported, weights));
                }
            }
            usual.add(values.isEmpty() ? null : Math.round(median(values) * 10) / 10.0);
        }
        return usual;
    }

    private static long hourNo(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 3600);
    }

    private static double sum(Map<Long, Double> perHour, Map<Long, Double> weights) {
        double total = 0;
        for (Map.Entry<Long, Double> w : weights.entrySet()) {
            total += perHour.getOrDefault(w.getKey(), 0.0) * w.getValue();
        }
        return total;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Tickets open (new, open or waiting for the customer) at the end of each step, per line or per group. */
    public Stacked backlog(SeriesQuery q, Interval interval, String by, Locale locale) {
        String dim = by.equals("group") ? "group_id" : "line";
        if (days(q, interval)) {
            return dailyBacklog(q, interval, by, dim, locale);
        }
        long startHour = q.startHour();
        long dayStart = Math.floorDiv(startHour, 24) * 24;
        Map<String, Long> open = new TreeMap<>();
        List<Object> args = SeriesQuery.args();
        args.add((int) Math.floorDiv(startHour, 24));
        jdbc.query("select " + dim + ", sum(backlog_delta) from analytics_backlog_day where day_no < ?" + q.filters(args)
                + " group by " + dim, rs -> {
            open.merge(rs.getString(1), rs.getLong(2), Long::sum);
        }, args.toArray());
        args = SeriesQuery.args();
        args.add(dayStart);
        args.add(startHour);
        jdbc.query("select " + dim + ", sum(backlog_delta) from analytics_hour where hour_no >= ? and hour_no < ?"
                + q.filters(args) + " and backlog_delta <> 0 group by " + dim, rs -> {
            open.merge(rs.getString(1), rs.getLong(2), Long::sum);
        }, args.toArray());
        TreeMap<Long, Map<String, Long>> changes = new TreeMap<>();
        args = SeriesQuery.args();
        jdbc.query("select hour_no, " + dim + ", sum(backlog_delta) from analytics_hour" + q.hours(args)
                + " and backlog_delta <> 0 group by hour_no, " + dim, rs -> {
            changes.computeIfAbsent(rs.getLong(1), h -> new HashMap<>()).merge(rs.getString(2), rs.getLong(3), Long::sum);
        }, args.toArray());
        List<String> buckets = interval.buckets(q.from(), q.to(), q.zone());
        Map<String, Integer> index = index(buckets);
        TreeSet<String> keys = new TreeSet<>(open.keySet());
        changes.values().forEach(m -> keys.addAll(m.keySet()));
        Map<String, long[]> byKey = new TreeMap<>();
        keys.forEach(k -> byKey.put(k, new long[buckets.size()]));
        for (long h = startHour; h < q.endHour(); h++) {
            Map<String, Long> change = changes.get(h);
            if (change != null) {
                change.forEach((k, d) -> open.merge(k, d, Long::sum));
            }
            Integer i = index.get(interval.bucket(h, q.zone()));
            if (i != null) {
                // the value of a step is the count at its end: each later hour of the step overwrites it
                for (String k : keys) {
                    byKey.get(k)[i] = open.getOrDefault(k, 0L);
                }
            }
        }
        return backlogResult(q, interval, by, buckets, byKey, locale);
    }

    private Stacked dailyBacklog(SeriesQuery q, Interval interval, String by, String dim, Locale locale) {
        Map<String, Long> open = new TreeMap<>();
        List<Object> args = SeriesQuery.args();
        args.add((int) q.from().toEpochDay());
        jdbc.query("select " + dim + ", sum(backlog_delta) from analytics_day where day_no < ?" + q.filters(args)
                + " and backlog_delta <> 0 group by " + dim, rs -> {
            open.merge(rs.getString(1), rs.getLong(2), Long::sum);
        }, args.toArray());
        TreeMap<Long, Map<String, Long>> changes = new TreeMap<>();
        args = SeriesQuery.args();
        jdbc.query("select day_no, " + dim + ", sum(backlog_delta) from analytics_day" + dayRange(q, args)
                + " and backlog_delta <> 0 group by day_no, " + dim, rs -> {
            changes.computeIfAbsent(rs.getLong(1), d -> new HashMap<>()).merge(rs.getString(2), rs.getLong(3), Long::sum);
        }, args.toArray());
        List<String> buckets = interval.buckets(q.from(), q.to(), q.zone());
        Map<String, Integer> index = index(buckets);
        TreeSet<String> keys = new TreeSet<>(open.keySet());
        changes.values().forEach(m -> keys.addAll(m.keySet()));
        Map<String, long[]> byKey = new TreeMap<>();
        keys.forEach(k -> byKey.put(k, new long[buckets.size()]));
        for (long d = q.from().toEpochDay(); d <= q.to().toEpochDay(); d++) {
            Map<String, Long> change = changes.get(d);
            if (change != null) {
                change.forEach((k, v) -> open.merge(k, v, Long::sum));
            }
            int i = index.get(interval.bucket(LocalDate.ofEpochDay(d)));
            for (String k : keys) {
                byKey.get(k)[i] = open.getOrDefault(k, 0L);
            }
        }
        return backlogResult(q, interval, by, buckets, byKey, locale);
    }

    private Stacked backlogResult(SeriesQuery q, Interval interval, String by, List<String> buckets, Map<String, long[]> byKey,
                                  Locale locale) {
        byKey.values().removeIf(v -> java.util.Arrays.stream(v).allMatch(x -> x == 0));
        Stacked s = stacked(q, interval, by, "open", buckets, byKey, key -> placeLabel(by, key, locale));
        long last = s.totals().isEmpty() ? 0 : s.totals().get(s.totals().size() - 1);
        return new Stacked(s.from(), s.to(), s.zone(), s.interval(), s.by(), s.measure(), s.buckets(), s.series(), s.totals(), last,
                null);
    }

    /** First-line wait per day of creation: count, average, median and 90th percentile in minutes, share within target. */
    public Wait firstLineWait(SeriesQuery q) {
        StringBuilder cols = new StringBuilder("sum(wait_count), sum(wait_seconds)");
        for (int i = 0; i < Figures.WAIT_EDGES.length; i++) {
            cols.append(", sum(w").append(i).append(")");
        }
        Map<String, long[]> days = new TreeMap<>();
        scan(q, Interval.DAY, null, cols.toString(), "wait_count <> 0", (day, rs) -> {
            long[] d = days.computeIfAbsent(day, k -> new long[2 + Figures.WAIT_EDGES.length]);
            for (int i = 0; i < d.length; i++) {
                d[i] += rs.getLong(2 + i);
            }
        });
        long[] all = new long[2 + Figures.WAIT_EDGES.length];
        List<WaitDay> list = new ArrayList<>();
        for (String day : Interval.DAY.buckets(q.from(), q.to(), q.zone())) {
            long[] d = days.getOrDefault(day, new long[all.length]);
            for (int i = 0; i < d.length; i++) {
                all[i] += d[i];
            }
            list.add(waitDay(day, d));
        }
        return new Wait(q.from(), q.to(), q.zone().getId(), target.toMinutes(), list, waitDay("all", all));
    }

    /** Tickets created and passed to the second line per day, the share, and the usual share over the 28 days before. */
    public Share escalationShare(SeriesQuery q) {
        Map<String, long[]> days = createdAndEscalated(q);
        List<ShareDay> list = new ArrayList<>();
        long created = 0;
        long escalated = 0;
        for (String day : Interval.DAY.buckets(q.from(), q.to(), q.zone())) {
            long[] d = days.getOrDefault(day, new long[2]);
            created += d[0];
            escalated += d[1];
            list.add(new ShareDay(day, d[0], d[1], share(d[1], d[0])));
        }
        long[] usual = new long[2];
        createdAndEscalated(q.days(q.from().minusDays(USUAL_DAYS), q.from().minusDays(1))).values().forEach(d -> {
            usual[0] += d[0];
            usual[1] += d[1];
        });
        return new Share(q.from(), q.to(), q.zone().getId(), list, share(escalated, created), share(usual[1], usual[0]), USUAL_DAYS);
    }

    /** Tickets solved, reopened and returned to the first line per day. */
    public Solved solved(SeriesQuery q) {
        Map<String, long[]> days = new TreeMap<>();
        scan(q, Interval.DAY, null, "sum(solved), sum(reopened), sum(returned)", "(solved <> 0 or reopened <> 0 or returned <> 0)",
                (day, rs) -> {
                    long[] d = days.computeIfAbsent(day, k -> new long[3]);
                    d[0] += rs.getLong(2);
                    d[1] += rs.getLong(3);
                    d[2] += rs.getLong(4);
                });
        List<SolvedDay> list = new ArrayList<>();
        long[] all = new long[3];
        for (String day : Interval.DAY.buckets(q.from(), q.to(), q.zone())) {
            long[] d = days.getOrDefault(day, new long[3]);
            for (int i = 0; i < 3; i++) {
                all[i] += d[i];
            }
            list.add(new SolvedDay(day, d[0], d[1], d[2]));
        }
        return new Solved(q.from(), q.to(), q.zone().getId(), list, all[0], all[1], all[2]);
    }

    /** The categories with most tickets in the range, with the same number of days before for comparison. */
    public Top topCategories(SeriesQuery q, int limit, Locale locale) {
        String measure = q.secondLine() ? "escalated" : "created";
        Map<Long, Long> now = perCategory(q, measure);
        SeriesQuery before = q.previous();
        Map<Long, Long> then = perCategory(before, measure);
        List<TopCategory> top = now.entrySet().stream()
                .sorted(Map.Entry.<Long, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> {
                    long prev = then.getOrDefault(e.getKey(), 0L);
                    return new TopCategory(e.getKey(), categoryLabel(e.getKey(), locale), e.getValue(), prev, e.getValue() - prev,
                            prev == 0 ? null : round((e.getValue() - prev) * 100.0 / prev));
                }).toList();
        return new Top(q.from(), q.to(), before.from(), before.to(), q.zone().getId(), measure, top);
    }

    // ------------------------------------------------------------------ helpers

    private Map<Long, Long> perCategory(SeriesQuery q, String measure) {
        List<Object> args = SeriesQuery.args();
        Map<Long, Long> counts = new HashMap<>();
        String where = days(q, Interval.DAY) ? dayRange(q, args) : q.hours(args);
        jdbc.query("select category_id, sum(" + measure + ") from " + (days(q, Interval.DAY) ? "analytics_day" : "analytics_hour")
                + where + " and " + measure + " <> 0 group by category_id", rs -> {
            counts.put(rs.getLong(1), rs.getLong(2));
        }, args.toArray());
        counts.values().removeIf(v -> v == 0);
        return counts;
    }

    private Map<String, long[]> createdAndEscalated(SeriesQuery q) {
        Map<String, long[]> days = new TreeMap<>();
        scan(q, Interval.DAY, null, "sum(created), sum(escalated)", "(created <> 0 or escalated <> 0)", (day, rs) -> {
            long[] d = days.computeIfAbsent(day, k -> new long[2]);
            d[0] += rs.getLong(2);
            d[1] += rs.getLong(3);
        });
        return days;
    }

    /** A row of a grouped scan: its step (as {@link Interval} writes it), then the dimension and the sums from column 2. */
    private interface Row {
        void accept(String bucket, java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    /**
     * Sums over the range grouped by step (and a dimension): from the daily rollups when the steps are days or weeks
     * of the zone they are counted in, else from the hours folded into the desk's steps.
     */
    private void scan(SeriesQuery q, Interval interval, String dim, String sums, String nonZero, Row row) {
        List<Object> args = SeriesQuery.args();
        String group = dim == null ? "" : ", " + dim;
        if (days(q, interval)) {
            jdbc.query("select day_no" + group + ", " + sums + " from analytics_day" + dayRange(q, args) + " and " + nonZero
                    + " group by day_no" + group, rs -> {
                row.accept(interval.bucket(LocalDate.ofEpochDay(rs.getLong(1))), rs);
            }, args.toArray());
        } else {
            jdbc.query("select hour_no" + group + ", " + sums + " from analytics_hour" + q.hours(args) + " and " + nonZero
                    + " group by hour_no" + group, rs -> {
                row.accept(interval.bucket(rs.getLong(1), q.zone()), rs);
            }, args.toArray());
        }
    }

    private boolean days(SeriesQuery q, Interval interval) {
        return interval != Interval.HOUR && q.zone().equals(rollups.dayZone());
    }

    private static String dayRange(SeriesQuery q, List<Object> args) {
        args.add((int) q.from().toEpochDay());
        args.add((int) q.to().toEpochDay());
        return " where day_no >= ? and day_no <= ?" + q.filters(args);
    }

    private WaitDay waitDay(String day, long[] d) {
        long count = d[0];
        if (count == 0) {
            return new WaitDay(day, 0, null, null, null, null);
        }
        long[] histogram = java.util.Arrays.copyOfRange(d, 2, d.length);
        long within = 0;
        for (int i = 0; i < histogram.length; i++) {
            if (i + 1 < Figures.WAIT_EDGES.length && Figures.WAIT_EDGES[i + 1] <= target.toMinutes()) {
                within += histogram[i];
            }
        }
        return new WaitDay(day, count, round(d[1] / 60.0 / count), round(Figures.quantileMinutes(histogram, 0.5)),
                round(Figures.quantileMinutes(histogram, 0.9)), round((double) within / count));
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    private static Double round(Double v) {
        return v == null ? null : Math.round(v * 1000.0) / 1000.0;
    }

    private static Map<String, Integer> index(List<String> buckets) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < buckets.size(); i++) {
            index.put(buckets.get(i), i);
        }
        return index;
    }

    private static Stacked stacked(SeriesQuery q, Interval interval, String by, String measure, List<String> buckets,
                                   Map<String, long[]> byKey, java.util.function.Function<String, String> label) {
        List<Series> series = new ArrayList<>();
        long[] totals = new long[buckets.size()];
        byKey.forEach((key, values) -> {
            List<Long> list = new ArrayList<>(values.length);
            for (int i = 0; i < values.length; i++) {
                list.add(values[i]);
                totals[i] += values[i];
            }
            series.add(new Series(key, label.apply(key), list));
        });
        List<Long> totalList = new ArrayList<>();
        long total = 0;
        for (long t : totals) {
            totalList.add(t);
            total += t;
        }
        return new Stacked(q.from(), q.to(), q.zone().getId(), interval, by, measure, buckets, series, totalList, total, null);
    }

    private String categoryLabel(long id, Locale locale) {
        if (id == 0) {
            return messages.getMessage("analytics.none.category", null, "—", locale);
        }
        return routing.category(id).map(c -> english(locale) ? c.nameEn() : c.nameRu()).orElse("#" + id);
    }

    private String placeLabel(String by, String key, Locale locale) {
        if (by.equals("group")) {
            long id = Long.parseLong(key);
            if (id == 0) {
                return messages.getMessage("analytics.line.FIRST", null, "FIRST", locale);
            }
            return routing.group(id).map((GroupRef g) -> english(locale) ? g.nameEn() : g.nameRu()).orElse("#" + id);
        }
        return messages.getMessage("analytics.line." + key, null, key, locale);
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

}
