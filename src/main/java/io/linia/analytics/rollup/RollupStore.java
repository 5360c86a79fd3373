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
    private String hourUpsert;
    private String dayUpsert;
    private String ticketClaim;

    RollupStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the deltas to their cells and the backlog's changes to their days. */
    void add(Map<Cell, long[]> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        prepare();
        List<Object[]> hours = new ArrayList<>(deltas.size());
        Map<List<Object>, long[]> days = new TreeMap<>(RollupStore::compareDayKey);
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
            if (f[Figures.BACKLOG] != 0) {
                days.computeIfAbsent(List.of(cell.day(), cell.channel(), cell.categoryId(), cell.line(), cell.groupId()),
                        k -> new long[1])[0] += f[Figures.BACKLOG];
            }
        });
        jdbc.batchUpdate(hourUpsert, hours);
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
        jdbc.update("delete from analytics_ticket");
        jdbc.update("delete from analytics_hour");
        jdbc.update("delete from analytics_backlog_day");
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
            if (pg) {
                hourUpsert = "insert into analytics_hour (" + KEYS + ", " + cols + ") values (" + marks + ") on conflict ("
                        + KEYS + ") do update set " + IntStream.range(0, Figures.SIZE)
                        .mapToObj(i -> Figures.COLUMNS[i] + " = analytics_hour." + Figures.COLUMNS[i] + " + excluded." + Figures.COLUMNS[i])
                        .collect(Collectors.joining(", "));
                dayUpsert = "insert into analytics_backlog_day (" + DAY_KEYS + ", backlog_delta) values (?, ?, ?, ?, ?, ?)"
                        + " on conflict (" + DAY_KEYS + ") do update set backlog_delta = analytics_backlog_day.backlog_delta"
                        + " + excluded.backlog_delta";
                ticketClaim = "insert into analytics_ticket (ticket_id, channel, category_id, last_step_id)"
                        + " values (?, '', 0, -1) on conflict (ticket_id) do nothing";
            } else {
                String typed = "cast(? as bigint), cast(? as varchar(10)), cast(? as bigint), cast(? as varchar(6)), cast(? as bigint), "
                        + IntStream.range(0, Figures.SIZE).mapToObj(i -> "cast(? as bigint)").collect(Collectors.joining(", "));
                hourUpsert = "merge into analytics_hour t using (values (" + typed + ")) s(" + KEYS + ", " + cols + ")"
                        + " on (t.hour_no = s.hour_no and t.channel = s.channel and t.category_id = s.category_id"
                        + " and t.line = s.line and t.group_id = s.group_id)"
                        + " when matched then update set " + IntStream.range(0, Figures.SIZE)
                        .mapToObj(i -> Figures.COLUMNS[i] + " = t." + Figures.COLUMNS[i] + " + s." + Figures.COLUMNS[i])
                        .collect(Collectors.joining(", "))
                        + " when not matched then insert (" + KEYS + ", " + cols + ") values (" + IntStream.range(0, 5 + Figures.SIZE)
                        .mapToObj(i -> "s." + (i < 5 ? KEYS.split(", ")[i] : Figures.COLUMNS[i - 5])).collect(Collectors.joining(", ")) + ")";
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
