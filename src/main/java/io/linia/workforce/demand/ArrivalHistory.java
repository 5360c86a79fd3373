package io.linia.workforce.demand;

import io.linia.accounts.Actor;
import io.linia.shared.DomainException;
import io.linia.workforce.evaluation.ArrivalsCsv;
import io.linia.workforce.staff.StaffAccess;
import java.io.Reader;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Arrival history brought to Linia: a desk that moves here imports the counts of its previous tool (a CSV
 * of timestamp, count and optional channel and category; 5-minute to daily rows summed into hours), and
 * the demo seeds its own. The one store of imported history: {@link StaffingDemand} adds these counts to the
 * desk's own tickets for the hours they cover, and analytics reads them per hour, channel and category
 * ({@link #counts}) for the spike alerts' and the dashboards' usual level; analytics' own import page stores
 * here too. A file is read whole before anything is stored: a bad line refuses it, naming the
 * line, and nothing changes. Planners (team leads, administrators) import and delete; staff list.
 */
@Service
public class ArrivalHistory {

    /** The most hour × channel × category counts one import stores. */
    static final int MAX_COUNTS = 2_000_000;
    static final int MAX_LABEL = 200;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;
    private volatile String nextId;

    ArrivalHistory(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Imports a CSV of arrival counts.
     *
     * @param label    how the batch is listed; the file's name when blank
     * @param fileName the file's name, for messages
     * @param zone     the zone of timestamps without an offset (an IANA id such as {@code Europe/Moscow})
     * @throws DomainException invalid at {@code file} (with the line) when the file is refused, at {@code zone} or
     *                         {@code label}; forbidden unless a planner
     */
    public ArrivalBatch importCsv(Actor actor, String label, String fileName, String zone, Reader csv) {
        StaffAccess.requirePlanner(actor);
        ZoneId zoneId = zone(zone);
        String name = fileName == null || fileName.isBlank() ? "arrivals.csv" : fileName.strip();
        String title = label == null || label.isBlank() ? name : label.strip();
        if (title.length() > MAX_LABEL) {
            throw DomainException.invalid("label", "wfdemand.import.labelLong", MAX_LABEL);
        }
        ArrivalsCsv.Detailed read;
        try {
            read = ArrivalsCsv.readDetailed(csv, name, zoneId);
        } catch (ArrivalsCsv.Refused e) {
            throw DomainException.invalid("file", "wfdemand.import.refused", e.getMessage()).with("line", e.line());
        }
        if (read.hours().size() > MAX_COUNTS) {
            throw DomainException.invalid("file", "wfdemand.import.tooMany", read.hours().size(), MAX_COUNTS);
        }
        List<Count> counts = new ArrayList<>(read.hours().size());
        for (ArrivalsCsv.HourCount h : read.hours()) {
            counts.add(new Count(instant(h.hour(), zoneId), h.channel(), h.category(), h.count()));
        }
        return store(actor.id(), title, "IMPORT", name.length() > 255 ? name.substring(0, 255) : name, zoneId,
                (int) read.interval().toMinutes(), read.rows(), instant(read.start(), zoneId), instant(read.end(), zoneId), counts);
    }

    /** The demo's history: hourly counts from {@code firstHour} on, one per hour, stored as one batch labelled as demo. */
    public ArrivalBatch seedDemo(String label, ZoneId zone, LocalDateTime firstHour, double[] hourly) {
        List<Count> counts = new ArrayList<>(hourly.length);
        for (int h = 0; h < hourly.length; h++) {
            if (hourly[h] > 0) {
                counts.add(new Count(instant(firstHour.plusHours(h), zone), null, null, hourly[h]));
            }
        }
        return store(null, label, "DEMO", null, zone, 60, hourly.length, instant(firstHour, zone),
                instant(firstHour.plusHours(hourly.length), zone), counts);
    }

    /** Every batch, the latest import first (staff). */
    public List<ArrivalBatch> batches(Actor actor) {
        StaffAccess.requireStaff(actor);
        return batches();
    }

    /** Every batch, the latest import first. */
    public List<ArrivalBatch> batches() {
        return readOnly.execute(s -> jdbc.query("select id, label, source, file_name, zone, interval_minutes, rows_read, first_hour,"
                + " end_hour, total, imported_at, imported_by, has_channel, has_category from arrival_batch"
                + " order by imported_at desc, id desc", (rs, i) ->
                new ArrivalBatch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                        rs.getInt(7), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(), rs.getDouble(10),
                        rs.getTimestamp(11).toInstant(), (Long) rs.getObject(12, Long.class), rs.getBoolean(13), rs.getBoolean(14))));
    }

    /** Deletes a batch with its counts (planners). */
    public void delete(Actor actor, long id) {
        StaffAccess.requirePlanner(actor);
        Integer deleted = tx.execute(s -> {
            jdbc.update("delete from arrival_count where batch_id = ?", id);
            return jdbc.update("delete from arrival_batch where id = ?", id);
        });
        if (deleted == null || deleted == 0) {
            throw DomainException.notFound("wfdemand.import.notFound", id);
        }
    }

    /** Imported arrivals of every batch in [from, to), per hour start (UTC instants; hours with none left out). */
    public SortedMap<Instant, Double> perHour(Instant from, Instant to) {
        SortedMap<Instant, Double> perHour = new TreeMap<>();
        readOnly.executeWithoutResult(s -> jdbc.query("select hour_start, sum(arrivals) from arrival_count where hour_start >= ?"
                + " and hour_start < ? group by hour_start", rs -> {
            perHour.put(rs.getTimestamp(1).toInstant(), rs.getDouble(2));
        }, Timestamp.from(from), Timestamp.from(to)));
        return perHour;
    }

    /**
     * Imported arrivals of one hour of one batch, for a channel and category code as the file gave them (null where the
     * file had no such column; the batch's {@code channels} / {@code categories} say which columns it had).
     */
    public record HourCount(long batchId, Instant hour, String channel, String category, double arrivals, boolean batchChannels,
                            boolean batchCategories) {
    }

    /** Imported arrivals of every batch per hour, channel and category in [from, to) (hours with none left out). */
    public List<HourCount> counts(Instant from, Instant to) {
        return readOnly.execute(s -> jdbc.query("select c.batch_id, c.hour_start, c.channel, c.category, c.arrivals, b.has_channel,"
                + " b.has_category from arrival_count c join arrival_batch b on b.id = c.batch_id where c.hour_start >= ?"
                + " and c.hour_start < ?", (rs, i) -> new HourCount(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                rs.getString(4), rs.getDouble(5), rs.getBoolean(6), rs.getBoolean(7)), Timestamp.from(from), Timestamp.from(to)));
    }

    private record Count(Instant hour, String channel, String category, double arrivals) {
    }

    private ArrivalBatch store(Long by, String label, String source, String fileName, ZoneId zone, int interval, int rows,
                               Instant first, Instant end, List<Count> counts) {
        Instant now = clock.instant();
        double total = counts.stream().mapToDouble(Count::arrivals).sum();
        boolean channels = counts.stream().anyMatch(c -> c.channel() != null);
        boolean categories = counts.stream().anyMatch(c -> c.category() != null);
        long id = tx.execute(s -> {
            long batch = jdbc.queryForObject(nextId(), Long.class);
            jdbc.update("insert into arrival_batch (id, label, source, file_name, zone, interval_minutes, rows_read, first_hour, end_hour,"
                            + " total, imported_at, imported_by, has_channel, has_category) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    batch, label, source, fileName, zone.getId(), interval, rows, Timestamp.from(first), Timestamp.from(end), total,
                    Timestamp.from(now), by, channels, categories);
            for (int from = 0; from < counts.size(); from += 1000) {
                List<Count> part = counts.subList(from, Math.min(counts.size(), from + 1000));
                jdbc.batchUpdate("insert into arrival_count (batch_id, hour_start, channel, category, arrivals) values (?, ?, ?, ?, ?)",
                        part, part.size(), (ps, c) -> {
                            ps.setLong(1, batch);
                            ps.setTimestamp(2, Timestamp.from(c.hour()));
                            ps.setString(3, c.channel());
                            ps.setString(4, c.category());
                            ps.setDouble(5, c.arrivals());
                        });
            }
            return batch;
        });
        return new ArrivalBatch(id, label, source, fileName, zone.getId(), interval, rows, first, end, total, now, by, channels,
                categories);
    }

    /** The wall-clock hour's instant; in a gap (clocks going forward) the hour after it. */
    private static Instant instant(LocalDateTime hour, ZoneId zone) {
        return hour.atZone(zone).toInstant();
    }

    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            throw DomainException.invalid("zone", "wfdemand.import.zoneRequired");
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw DomainException.invalid("zone", "wfdemand.import.zoneUnknown", zone.strip());
        }
    }

    private String nextId() {
        if (nextId == null) {
            String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            nextId = "PostgreSQL".equals(product) ? "select nextval('arrival_batch_seq')" : "select next value for arrival_batch_seq";
        }
        return nextId;
    }
}
