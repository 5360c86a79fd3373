package io.linia.analytics.alert;

import io.linia.routing.RoutingDirectory;
import io.linia.tickets.Channel;
import io.linia.workforce.demand.ArrivalHistory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The arrivals of a window in each of the past weeks, per category and per channel: the same wall-clock span of the
 * desk's week (so a clock change keeps 09:00 at 09:00), read from the hourly rollups of Linia's own tickets and from
 * imported history (the workforce's one store, {@link ArrivalHistory#counts}, whichever page imported it; channel names
 * read as Linia's channels in any case, category codes as Linia's categories, others ignored). A window that does not fall on whole hours takes each hour it overlaps in proportion (arrivals
 * assumed even within an hour).
 *
 * <p>A week counts for a key only where there is history: Linia's own for that key from its first ticket (in the
 * rollups, within the weeks looked back), else an imported batch that covers the whole window and has that
 * dimension (a channel column for channels, a category column for categories). Own history wins where both cover a
 * week, so history imported for a period Linia already counted is not added twice.
 */
@Component
@Transactional(readOnly = true)
public class ArrivalBaselines {

    private final JdbcTemplate jdbc;
    private final ArrivalHistory history;
    private final RoutingDirectory routing;

    ArrivalBaselines(JdbcTemplate jdbc, ArrivalHistory history, RoutingDirectory routing) {
        this.jdbc = jdbc;
        this.history = history;
        this.routing = routing;
    }

    /** A past week's window: its span and the hours it overlaps with their weights. */
    private record Week(int weeksBack, Instant start, Instant end, Map<Long, Double> weights) {
    }

    /**
     * For each key with history in any of the weeks, its window's arrivals in each week with history (most recent first).
     *
     * @param wanted keys to look further back for when they had no arrivals in the weeks (those of the window now)
     */
    public Map<AlertKey, double[]> samples(Instant start, Instant end, ZoneId zone, int weeks, java.util.Collection<AlertKey> wanted) {
        List<Week> past = new ArrayList<>();
        List<Long> hours = new ArrayList<>();
        Duration length = Duration.between(start, end);
        for (int k = 1; k <= weeks; k++) {
            Instant s = start.atZone(zone).minusWeeks(k).toInstant();
            Instant e = s.plus(length);
            Map<Long, Double> w = weights(s, e);
            past.add(new Week(k, s, e, w));
            hours.addAll(w.keySet());
        }
        // own: arrivals per hour and key, and each key's first hour with arrivals within the weeks looked back
        Map<AlertKey, Map<Long, Double>> own = new HashMap<>();
        String marks = String.join(",", Collections.nCopies(hours.size(), "?"));
        jdbc.query("select hour_no, channel, category_id, sum(created) from analytics_hour where hour_no in (" + marks + ")"
                + " and created <> 0 group by hour_no, channel, category_id", rs -> {
            long h = rs.getLong(1);
            long n = rs.getLong(4);
            own.computeIfAbsent(AlertKey.channel(rs.getString(2)), k -> new HashMap<>()).merge(h, (double) n, Double::sum);
            own.computeIfAbsent(AlertKey.category(rs.getLong(3)), k -> new HashMap<>()).merge(h, (double) n, Double::sum);
        }, hours.toArray());
        long lookBack = Math.floorDiv(past.get(past.size() - 1).start().getEpochSecond(), 3600);
        Map<AlertKey, Long> firstHour = new HashMap<>();
        jdbc.query("select channel, min(hour_no) from analytics_hour where hour_no >= ? and created <> 0 group by channel", rs -> {
            firstHour.put(AlertKey.channel(rs.getString(1)), rs.getLong(2));
        }, lookBack);
        jdbc.query("select category_id, min(hour_no) from analytics_hour where hour_no >= ? and created <> 0 group by category_id", rs -> {
            firstHour.put(AlertKey.category(rs.getLong(1)), rs.getLong(2));
        }, lookBack);
        // a wanted key quiet all these weeks but known before them has own history of zeros
        for (AlertKey key : wanted) {
            if (!firstHour.containsKey(key)) {
                String column = key.dimension() == AlertKey.Dimension.CHANNEL ? "channel" : "category_id";
                Object value = key.dimension() == AlertKey.Dimension.CHANNEL ? key.key() : (Object) Long.parseLong(key.key());
                if (!jdbc.queryForList("select hour_no from analytics_hour where " + column + " = ? and hour_no < ? and created <> 0"
                        + " fetch first 1 rows only", Long.class, value, lookBack).isEmpty()) {
                    firstHour.put(key, Long.MIN_VALUE);
                }
            }
        }
        // imported (the workforce's one store): batches (their span and dimensions) and their counts in these hours
        record Batch(long id, long first, long end, boolean channels, boolean categories) {
        }
        List<Batch> batches = history.batches().stream()
                .map(b -> new Batch(b.id(), hourNo(b.firstHour()), hourNo(b.endHour()), b.channels(), b.categories()))
                .filter(b -> b.end() > lookBack).toList();
        Map<AlertKey, Map<Long, Double>> imported = new HashMap<>();
        if (!batches.isEmpty()) {
            Map<String, Optional<AlertKey>> keyOf = new HashMap<>();
            for (Week w : past) {
                long first = Math.floorDiv(w.start().getEpochSecond(), 3600);
                long last = Math.floorDiv(w.end().getEpochSecond() + 3599, 3600);
                for (ArrivalHistory.HourCount c : history.counts(Instant.ofEpochSecond(first * 3600), Instant.ofEpochSecond(last * 3600))) {
                    long h = hourNo(c.hour());
                    if (c.batchChannels() && c.channel() != null) {
                        keyOf.computeIfAbsent("CH:" + c.channel(), k -> channelKey(c.channel())).ifPresent(key ->
                                imported.computeIfAbsent(key, k -> new HashMap<>()).merge(h, c.arrivals(), Double::sum));
                    }
                    if (c.batchCategories() && c.category() != null) {
                        keyOf.computeIfAbsent("CA:" + c.category(), k -> categoryKey(c.category())).ifPresent(key ->
                                imported.computeIfAbsent(key, k -> new HashMap<>()).merge(h, c.arrivals(), Double::sum));
                    }
                }
            }
        }
        java.util.Set<AlertKey> keys = new java.util.TreeSet<>(firstHour.keySet());
        keys.addAll(imported.keySet());
        Map<AlertKey, double[]> samples = new TreeMap<>();
        for (AlertKey key : keys) {
            List<Double> values = new ArrayList<>();
            for (Week w : past) {
                long first = Math.floorDiv(w.start().getEpochSecond(), 3600);
                long last = Math.floorDiv(w.end().getEpochSecond() + 3599, 3600);
                Long ownFrom = firstHour.get(key);
                if (ownFrom != null && ownFrom <= first) {
                    values.add(sum(own.get(key), w.weights()));
                    continue;
                }
                boolean coveredByImport = batches.stream().anyMatch(b -> b.first() <= first && b.end() >= last
                        && (key.dimension() == AlertKey.Dimension.CHANNEL ? b.channels() : b.categories()));
                if (coveredByImport) {
                    values.add(sum(imported.get(key), w.weights()));
                }
            }
            if (!values.isEmpty()) {
                samples.put(key, values.stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        return samples;
    }

    /** A key with history in none of the weeks has no samples: an empty array. */
    public static double[] of(Map<AlertKey, double[]> samples, AlertKey key) {
        return samples.getOrDefault(key, new double[0]);
    }

    /** The hours [start, end) overlaps, each with the share of it inside. */
    public static Map<Long, Double> weights(Instant start, Instant end) {
        Map<Long, Double> w = new TreeMap<>();
        long s = start.getEpochSecond();
        long e = end.getEpochSecond();
        for (long h = Math.floorDiv(s, 3600); h * 3600 < e; h++) {
            long from = Math.max(s, h * 3600);
            long to = Math.min(e, (h + 1) * 3600);
            if (to > from) {
                w.put(h, (to - from) / 3600.0);
            }
        }
        return w;
    }

    private static long hourNo(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 3600);
    }

    /** An imported channel name as Linia's channel (any case); a name that is none of them counts for no channel. */
    private static Optional<AlertKey> channelKey(String name) {
        try {
            return Optional.of(AlertKey.channel(Channel.valueOf(name.strip().toUpperCase(Locale.ROOT)).name()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An imported category code as Linia's category; a code of no category counts for none. */
    private Optional<AlertKey> categoryKey(String code) {
        return routing.categoryByCode(code.strip()).map(c -> AlertKey.category(c.id()));
    }

    private static double sum(Map<Long, Double> perHour, Map<Long, Double> weights) {
        if (perHour == null) {
            return 0;
        }
        double total = 0;
        for (Map.Entry<Long, Double> w : weights.entrySet()) {
            total += perHour.getOrDefault(w.getKey(), 0.0) * w.getValue();
        }
        return total;
    }
}
