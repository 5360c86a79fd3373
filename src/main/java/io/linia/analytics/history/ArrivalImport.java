package io.linia.analytics.history;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.routing.CategoryRef;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.tickets.Channel;
import io.linia.workforce.ArrivalCountsFile;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Arrival history imported into analytics: a desk that moves to Linia brings the counts of its previous tool (a CSV
 * of timestamp, count, optional channel and category; rows every 5 minutes to a day; the zone of timestamps given),
 * read by the workforce module's {@link ArrivalCountsFile} (the same rules as its own import) and stored per UTC
 * hour × channel × category. A row longer than an hour is spread evenly over the hours it covers (a daily count of 48
 * is 2 an hour), shorter rows add up into their hour. Channels are Linia's channel names (WEB, EMAIL, API, any case)
 * and categories Linia's category codes; an unknown one refuses the file with the first line that has it. The file is
 * read whole before anything is stored: a refused file changes nothing.
 *
 * <p>The history joins Linia's own tickets in the spike alerts' usual level ({@code ArrivalBaselines}): for a week
 * Linia has no own history of (before a category's or channel's first ticket), the imported counts stand in.
 * Administrators import and delete; staff list.
 */
@Service
public class ArrivalImport {

    /** One imported file. */
    public record Batch(long id, String label, String fileName, String zone, int intervalMinutes, int rows, Instant firstHour,
                        Instant endHour, boolean channels, boolean categories, double total, Instant importedAt, Long importedBy) {
    }

    static final int MAX_LABEL = 200;
    static final int MAX_COUNTS = 2_000_000;

    private final JdbcTemplate jdbc;
    private final RoutingDirectory routing;
    private final Clock clock;
    private final TransactionTemplate tx;

    ArrivalImport(JdbcTemplate jdbc, RoutingDirectory routing, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.routing = routing;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Imports a CSV (administrators).
     *
     * @throws DomainException invalid at {@code file} (with {@code line}) when refused, at {@code zone} or {@code label};
     *                         forbidden unless an administrator
     */
    public Batch importCsv(Actor actor, String label, String fileName, String zone, String csv) {
        requireAdmin(actor);
        ZoneId zoneId = zone(zone);
        String name = fileName == null || fileName.isBlank() ? "arrivals.csv" : fileName.strip();
        String title = label == null || label.isBlank() ? name : label.strip();
        if (title.length() > MAX_LABEL) {
            throw DomainException.invalid("label", "analytics.history.labelLong", MAX_LABEL);
        }
        ArrivalCountsFile.Read read;
        try {
            read = ArrivalCountsFile.read(new StringReader(csv == null ? "" : csv), name, zoneId);
        } catch (ArrivalCountsFile.Refused e) {
            throw refused(e.getMessage(), e.line());
        }
        if (read.hours().size() > MAX_COUNTS) {
            throw DomainException.invalid("file", "analytics.history.tooMany", read.hours().size(), MAX_COUNTS);
        }
        boolean channels = false;
        boolean categories = false;
        Map<List<Object>, Double> counts = new TreeMap<>(ArrivalImport::compareKey);
        Map<String, String> channelOf = new java.util.HashMap<>();
        Map<String, Long> categoryOf = new java.util.HashMap<>();
        for (ArrivalCountsFile.HourCount h : read.hours()) {
            String channel = "";
            if (h.channel() != null) {
                channels = true;
                channel = channelOf.computeIfAbsent(h.channel(), c -> channel(c, csv, name));
            }
            long category = 0;
            if (h.category() != null) {
                categories = true;
                category = categoryOf.computeIfAbsent(h.category(), c -> category(c, csv, name));
            }
            long hour = Math.floorDiv(h.hour().atZone(zoneId).toInstant().getEpochSecond(), 3600);
            counts.merge(List.of(hour, channel, category), h.count(), Double::sum);
        }
        long first = Math.floorDiv(read.start().atZone(zoneId).toInstant().getEpochSecond(), 3600);
        long end = Math.floorDiv(read.end().atZone(zoneId).toInstant().getEpochSecond() + 3599, 3600);
        double total = counts.values().stream().mapToDouble(Double::doubleValue).sum();
        Instant now = clock.instant();
        String file = name.length() > 255 ? name.substring(0, 255) : name;
        boolean withChannels = channels;
        boolean withCategories = categories;
        int interval = (int) read.interval().toMinutes();
        long id = tx.execute(s -> {
            long batch = jdbc.queryForObject("select nextval('analytics_arrival_batch_seq')", Long.class);
            jdbc.update("insert into analytics_arrival_batch (id, label, file_name, zone, interval_minutes, rows_read, first_hour, end_hour,"
                            + " has_channel, has_category, total, imported_at, imported_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    batch, title, file, zoneId.getId(), interval, read.rows(), first, end, withChannels, withCategories, total,
                    Timestamp.from(now), actor.id());
            List<Object[]> rows = new ArrayList<>(Math.min(counts.size(), 1000));
            for (Map.Entry<List<Object>, Double> c : counts.entrySet()) {
                rows.add(new Object[] {batch, c.getKey().get(0), c.getKey().get(1), c.getKey().get(2), c.getValue()});
                if (rows.size() == 1000) {
                    insert(rows);
                    rows.clear();
                }
            }
            insert(rows);
            return batch;
        });
        return new Batch(id, title, file, zoneId.getId(), interval, read.rows(), Instant.ofEpochSecond(first * 3600),
                Instant.ofEpochSecond(end * 3600), withChannels, withCategories, total, now, actor.id());
    }

    /** Every batch, the latest first. */
    public List<Batch> batches() {
        return jdbc.query("select id, label, file_name, zone, interval_minutes, rows_read, first_hour, end_hour, has_channel, has_category,"
                + " total, imported_at, imported_by from analytics_arrival_batch order by imported_at desc, id desc", (rs, i) ->
                new Batch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6),
                        Instant.ofEpochSecond(rs.getLong(7) * 3600), Instant.ofEpochSecond(rs.getLong(8) * 3600), rs.getBoolean(9),
                        rs.getBoolean(10), rs.getDouble(11), rs.getTimestamp(12).toInstant(), (Long) rs.getObject(13, Long.class)));
    }

    /** Deletes a batch with its counts (administrators). */
    public void delete(Actor actor, long id) {
        requireAdmin(actor);
        Integer deleted = tx.execute(s -> {
            jdbc.update("delete from analytics_arrival_hour where batch_id = ?", id);
            return jdbc.update("delete from analytics_arrival_batch where id = ?", id);
        });
        if (deleted == null || deleted == 0) {
            throw DomainException.notFound("analytics.history.notFound", id);
        }
    }

    /** A file's bytes as UTF-8 text (a byte-order mark is kept for the reader to skip); anything else is refused at {@code file}. */
    public static String text(byte[] bytes) {
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw DomainException.invalid("file", "analytics.history.notUtf8");
        }
    }

    private void insert(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into analytics_arrival_hour (batch_id, hour_no, channel, category_id, arrivals) values (?, ?, ?, ?, ?)",
                    rows);
        }
    }

    private static String channel(String code, String csv, String name) {
        try {
            return Channel.valueOf(code.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            int line = lineWith(csv, code);
            throw refused(name + " line " + line + ": channel '" + code + "' is not one of " + java.util.Arrays.toString(Channel.values()), line);
        }
    }

    private long category(String code, String csv, String name) {
        Optional<CategoryRef> c = routing.categoryByCode(code.strip());
        if (c.isEmpty()) {
            int line = lineWith(csv, code);
            throw refused(name + " line " + line + ": category '" + code + "' is not a category code of this desk", line);
        }
        return c.get().id();
    }

    /** The first data line with a field equal to {@code code} (the reader keeps no line numbers for codes it accepted). */
    static int lineWith(String csv, String code) {
        String[] lines = csv.split("\r\n|\n|\r", -1);
        for (int i = 1; i < lines.length; i++) {
            for (String field : lines[i].split("[,;\t]")) {
                if (field.strip().replaceAll("^\"|\"$", "").strip().equals(code)) {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    private static DomainException refused(String message, int line) {
        return DomainException.invalid("file", "analytics.history.refused", message).with("line", line);
    }

    private static int compareKey(List<Object> a, List<Object> b) {
        int c = Long.compare((Long) a.get(0), (Long) b.get(0));
        if (c == 0) c = ((String) a.get(1)).compareTo((String) b.get(1));
        if (c == 0) c = Long.compare((Long) a.get(2), (Long) b.get(2));
        return c;
    }

    private static void requireAdmin(Actor actor) {
        if (actor == null || !actor.roles().contains(Role.ADMIN)) {
            throw DomainException.forbidden("analytics.history.forbidden");
        }
    }

    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            throw DomainException.invalid("zone", "analytics.history.zoneRequired");
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw DomainException.invalid("zone", "analytics.history.zoneUnknown", zone.strip());
        }
    }
}
