package io.linia.analytics.rollup;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rollup tables in SQL: cells kept by "add this delta" upserts (PostgreSQL's {@code insert … on conflict do
 * update}, which two writers of one new cell cannot both insert; H2's {@code merge}, retried by the caller on a
 * duplicate key), always in cell order so that concurrent writers take row locks in one order.
 */
@Component
class RollupStore {

    /** What the rollups hold of one ticket. */
    record Counted(long ticketId, String channel, long categoryId, long lastStepId) {

        boolean nothing() {
            return lastStepId < 0;
        }
    }

    private static final String KEYS = "hour_no, channel, category_id, line, group_id";
    private static final String DAY_KEYS = "day_no, channel, category_id, line, group_id";

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;
    private final io.linia.routing.BusinessCalendars calendars;
    private volatile java.time.ZoneId dayZone;
    private String hourUpsert;
    private String localDayUpsert;
    private String dayUpsert;
    private String ticketClaim;

    RollupStore(JdbcTemplate jdbc, io.linia.routing.BusinessCalendars calendars) {
        this.jdbc = jdbc;
        this.calendars = calendars;
    }

    /** The zone of analytics_day's days. */
    public java.time.ZoneId dayZone() {
        prepare();
        return dayZone;
    }

    /** Adds the deltas to their cells and the backlog's changes to their days. */
    void add(Map<Cell, long[]> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        prepare();
        List<Object[]> hours = new ArrayList<>(deltas.size());
        Map<List<Object>, long[]> days = new TreeMap<>(RollupStore::compareDayKey);
        Map<List<Object>, long[]> localDays = new TreeMap<>(RollupStore::compareDayKey);
        java.time.ZoneId zone = dayZone;
        new TreeMap<>(deltas).forEach((cell, f) -> {
            Object[] row = new Object[5 + Figures.SIZE];
            row[0] = cell.hour();
            row[1] = cell.channel();
            row[2] = cell.categoryId();
            row[3] = cell.line();
            row[4] = cell.groupId();
            for (int i = 0; i < Figures.SIZE; i++) {
                row[5 + i] = f[i];
            }
            hours.add(row);
            long localDay = java.time.LocalDate.ofInstant(java.time.Instant.ofEpochSecond(cell.hour() * 3600), zone).toEpochDay();
            long[] sum = localDays.computeIfAbsent(List.of((int) localDay, cell.channel(), cell.categoryId(), cell.line(), cell.groupId()),
                    k -> new long[Figures.SIZE]);
            for (int i = 0; i < Figures.SIZE; i++) {
                sum[i] += f[i];
            }
            if (f[Figures.BACKLOG] != 0) {
                days.computeIfAbsent(List.of(cell.day(), cell.channel(), cell.categoryId(), cell.line(), cell.groupId()),
                        k -> new long[1])[0] += f[Figures.BACKLOG];
            }
        });
        jdbc.batchUpdate(hourUpsert, hours);
        List<Object[]> localDayRows = new ArrayList<>(localDays.size());
        localDays.forEach((k, f) -> {
            if (!TicketFlows.zero(f)) {
                Object[] row = new Object[5 + Figures.SIZE];
                for (int i = 0; i < 5; i++) {
                    row[i] = k.get(i);
                }
                for (int i = 0; i < Figures.SIZE; i++) {
                    row[5 + i] = f[i];
                }
                localDayRows.add(row);
            }
        });
        if (!localDayRows.isEmpty()) {
            jdbc.batchUpdate(localDayUpsert, localDayRows);
        }
        List<Object[]> dayRows = new ArrayList<>(days.size());
        days.forEach((k, d) -> {
            if (d[0] != 0) {
                dayRows.add(new Object[] {k.get(0), k.get(1), k.get(2), k.get(3), k.get(4), d[0]});
            }
        });
        if (!dayRows.isEmpty()) {
            jdbc.batchUpdate(dayUpsert, dayRows);
        }
    }

    /**
     * Makes sure each ticket in [{@code first}, {@code last}] of {@code ids} has its row (nothing counted yet for a
     * new one), then locks the rows of the range and answers what they hold. The lock keeps two writers of one
     * ticket in turn until the caller's transaction ends.
     */
    Map<Long, Counted> claim(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        prepare();
        List<Long> sorted = ids.stream().distinct().sorted().toList();
        jdbc.batchUpdate(ticketClaim, sorted.stream().map(id -> new Object[] {id}).toList());
        Map<Long, Counted> counted = new HashMap<>();
        String sql = "select ticket_id, channel, category_id, last_step_id from analytics_ticket where ticket_id in ("
                + sorted.stream().map(id -> "?").collect(Collectors.joining(",")) + ") order by ticket_id for update";
        jdbc.query(sql, rs -> {
            counted.put(rs.getLong(1), new Counted(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
        }, sorted.toArray());
        return counted;
    }

    /** Remembers what the rollups now hold of these tickets. */
    void record(List<Counted> tickets) {
        jdbc.batchUpdate("update analytics_ticket set channel = ?, category_id = ?, last_step_id = ? where ticket_id = ?",
                tickets.stream().map(c -> new Object[] {c.channel(), c.categoryId(), c.lastStepId(), c.ticketId()}).toList());
    }

    /** Empties the rollups (the start of a rebuild). */
    void clear() {
        prepare();
        jdbc.update("delete from analytics_ticket");
        jdbc.update("delete from analytics_hour");
        jdbc.update("delete from analytics_day");
        jdbc.update("delete from analytics_backlog_day");
        java.time.ZoneId zone = calendars.defaultCalendar().zone();
        jdbc.update("update analytics_state set day_zone = ? where id = 1", zone.getId());
        dayZone = zone;
    }

    /** Every cell with its figures (for comparing a rebuild with the upkeep). */
    Map<Cell, long[]> all() {
        Map<Cell, long[]> cells = new TreeMap<>();
        jdbc.query("select " + KEYS + ", " + String.join(", ", Figures.COLUMNS) + " from analytics_hour", rs -> {
            long[] f = new long[Figures.SIZE];
            for (int i = 0; i < Figures.SIZE; i++) {
                f[i] = rs.getLong(6 + i);
            }
            cells.put(new Cell(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5)), f);
        });
        cells.values().removeIf(TicketFlows::zero);
        return cells;
    }

    /** Every day of the desk with its figures (key: day, channel, category, line, group). */
    Map<List<Object>, List<Long>> allDays() {
        Map<List<Object>, List<Long>> days = new TreeMap<>(RollupStore::compareDayKey);
        jdbc.query("select day_no, channel, category_id, line, group_id, " + String.join(", ", Figures.COLUMNS) + " from analytics_day", rs -> {
            List<Long> f = new ArrayList<>();
            boolean zero = true;
            for (int i = 0; i < Figures.SIZE; i++) {
                f.add(rs.getLong(6 + i));
                zero &= f.get(i) == 0;
            }
            if (!zero) {
                days.put(List.of(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5)), f);
            }
        });
        return days;
    }

    /** The backlog's changes per UTC day as stored (key: day, channel, category, line, group). */
    Map<List<Object>, Long> backlogDays() {
        Map<List<Object>, Long> days = new TreeMap<>(RollupStore::compareDayKey);
        jdbc.query("select " + DAY_KEYS + ", backlog_delta from analytics_backlog_day where backlog_delta <> 0", rs -> {
            days.put(List.of(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5)), rs.getLong(6));
        });
        return days;
    }

    boolean postgres() {
        prepare();
        return postgres;
    }

    private void prepare() {
        if (postgres != null) {
            return;
        }
        synchronized (this) {
            if (postgres != null) {
                return;
            }
            boolean pg = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) (Connection c) ->
                    c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
            String cols = String.join(", ", Figures.COLUMNS);
            String marks = IntStream.range(0, 5 + Figures.SIZE).mapToObj(i -> "?").collect(Collectors.joining(", "));
            // a fresh desk counts its days in its zone from the start; otherwise the zone the last rebuild used
            jdbc.update("update analytics_state set day_zone = ? where id = 1 and day_zone is null"
                    + " and not exists (select 1 from analytics_hour)", calendars.defaultCalendar().zone().getId());
            String zone = jdbc.queryForObject("select day_zone from analytics_state where id = 1", String.class);
            dayZone = zone == null ? calendars.defaultCalendar().zone() : java.time.ZoneId.of(zone);
            if (pg) {
                hourUpsert = pgUpsert("analytics_hour", KEYS, cols, marks);
                localDayUpsert = pgUpsert("analytics_day", "day_no, channel, category_id, line, group_id", cols, marks);
                dayUpsert = "insert into analytics_backlog_day (" + DAY_KEYS + ", backlog_delta) values (?, ?, ?, ?, ?, ?)"
                        + " on conflict (" + DAY_KEYS + ") do update set backlog_delta = analytics_backlog_day.backlog_delta"
                        + " + excluded.backlog_delta";
                ticketClaim = "insert into analytics_ticket (ticket_id, channel, category_id, last_step_id)"
                        + " values (?, '', 0, -1) on conflict (ticket_id) do nothing";
            } else {
                hourUpsert = h2Upsert("analytics_hour", "hour_no", "bigint", cols);
                localDayUpsert = h2Upsert("analytics_day", "day_no", "integer", cols);
                dayUpsert = "merge into analytics_backlog_day t using (values (cast(? as integer), cast(? as varchar(10)),"
                        + " cast(? as bigint), cast(? as varchar(6)), cast(? as bigint), cast(? as integer)))"
                        + " s(" + DAY_KEYS + ", backlog_delta) on (t.day_no = s.day_no and t.channel = s.channel"
                        + " and t.category_id = s.category_id and t.line = s.line and t.group_id = s.group_id)"
                        + " when matched then update set backlog_delta = t.backlog_delta + s.backlog_delta"
                        + " when not matched then insert (" + DAY_KEYS + ", backlog_delta)"
                        + " values (s.day_no, s.channel, s.category_id, s.line, s.group_id, s.backlog_delta)";
                ticketClaim = "merge into analytics_ticket t using (values (cast(? as bigint))) s(ticket_id)"
                        + " on (t.ticket_id = s.ticket_id) when not matched then insert (ticket_id, channel, category_id, last_step_id)"
                        + " values (s.ticket_id, '', 0, -1)";
            }
            postgres = pg;
        }
    }

    private static String pgUpsert(String table, String keys, String cols, String marks) {
        return "insert into " + table + " (" + keys + ", " + cols + ") values (" + marks + ") on conflict (" + keys
                + ") do update set " + IntStream.range(0, Figures.SIZE)
                .mapToObj(i -> Figures.COLUMNS[i] + " = " + table + "." + Figures.COLUMNS[i] + " + excluded." + Figures.COLUMNS[i])
                .collect(Collectors.joining(", "));
    }

    private static String h2Upsert(String table, String first, String firstType, String cols) {
        String keys = first + ", channel, category_id, line, group_id";
        String typed = "cast(? as " + firstType + "), cast(? as varchar(10)), cast(? as bigint), cast(? as varchar(6)), cast(? as bigint), "
                + IntStream.range(0, Figures.SIZE).mapToObj(i -> "cast(? as bigint)").collect(Collectors.joining(", "));
        return "merge into " + table + " t using (values (" + typed + ")) s(" + keys + ", " + cols + ")"
                + " on (t." + first + " = s." + first + " and t.channel = s.channel and t.category_id = s.category_id"
                + " and t.line = s.line and t.group_id = s.group_id)"
                + " when matched then update set " + IntStream.range(0, Figures.SIZE)
                .mapToObj(i -> Figures.COLUMNS[i] + " = t." + Figures.COLUMNS[i] + " + s." + Figures.COLUMNS[i])
                .collect(Collectors.joining(", "))
                + " when not matched then insert (" + keys + ", " + cols + ") values (" + IntStream.range(0, 5 + Figures.SIZE)
                .mapToObj(i -> "s." + (i < 5 ? keys.split(", ")[i] : Figures.COLUMNS[i - 5])).collect(Collectors.joining(", ")) + ")";
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareDayKey(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
