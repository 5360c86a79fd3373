package io.linia.quality.internal;

import io.linia.accounts.UserDirectory;
import io.linia.quality.internal.FactDerivation.Fact;
import io.linia.tickets.Line;
import io.linia.tickets.TicketTimelines;
import io.linia.tickets.TicketTimelines.Timeline;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the measures' facts and day cells: {@link #refresh} derives a batch of tickets' facts again (and the earlier
 * tickets whose repeat contacts they made) and recomputes every day cell they touch from the facts, in one
 * transaction; {@link #clear} and {@link #derivePage} serve a rebuild, {@link #sumAllCells} ends it.
 */
@Component
public class MeasureStore {

    /** The summed columns, the same in {@code quality_fact} and {@code quality_measure_day}. */
    public static final List<String> SUMS = List.of("handled", "l1_handled", "escalated", "escalation_corrected", "resolved",
            "reopened", "repeated", "sla_total", "sla_met", "rating_requests", "ratings_five", "rating_five_sum", "ratings_two",
            "ratings_two_good", "reviews", "review_percent_sum", "trainer_corrections");
    private static final String KEY = "on_day, agent_id, group_id, line, category_id";
    private static final String INSERT_FACT = "insert into quality_fact (ticket_id, seq, agent_id, line, group_id, category_id, at, on_day, "
            + "handled, handling_ms, first_response_ms, " + String.join(", ", SUMS.subList(1, SUMS.size()))
            + ") values (" + String.join(", ", Collections.nCopies(11 + SUMS.size() - 1, "?")) + ")";
    private static final String SUM_SELECT = "count(*), " + String.join(", ", SUMS.stream().map(c -> "sum(" + c + ")").toList());
    private static final String CELL_INSERT = "insert into quality_measure_day (" + KEY + ", facts, " + String.join(", ", SUMS) + ") ";

    private final JdbcTemplate jdbc;
    private final TicketTimelines timelines;
    private final UserDirectory users;
    private final TransactionTemplate transactions;
    private final ZoneId zone;

    MeasureStore(JdbcTemplate jdbc, TicketTimelines timelines, UserDirectory users, PlatformTransactionManager tm,
                 io.linia.quality.QualityProperties properties) {
        this.jdbc = jdbc;
        this.timelines = timelines;
        this.users = users;
        this.transactions = new TransactionTemplate(tm);
        this.zone = ZoneId.of(properties.zone());
    }

    public ZoneId zone() {
        return zone;
    }

    /** Derives these tickets' facts again and recomputes the day cells they leave or enter; one transaction. */
    public void refresh(Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(s -> {
            Set<Long> ids = new TreeSet<>(ticketIds);
            ids.addAll(select("select ticket_id from quality_fact_link where via_ticket_id in (%s)", ticketIds));
            ids.addAll(select("select ticket_id from quality_repeat_contact where repeat_ticket_id in (%s)", ticketIds));
            List<Long> all = new ArrayList<>(ids);
            Set<List<Object>> cells = new LinkedHashSet<>();
            forChunks(all, (in, args) -> {
                jdbc.query("select " + KEY + " from quality_fact where ticket_id in (" + in + ")",
                        rs -> {
                            cells.add(List.of(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5)));
                        }, args);
                jdbc.update("delete from quality_fact where ticket_id in (" + in + ")", args);
                jdbc.update("delete from quality_fact_link where ticket_id in (" + in + ")", args);
            });
            for (List<Object> key : derive(all)) {
                cells.add(key);
            }
            List<Object[]> keys = cells.stream().map(List::toArray).toList();
            jdbc.batchUpdate("delete from quality_measure_day where on_day = ? and agent_id = ? and group_id = ? and line = ? "
                    + "and category_id = ?", keys);
            jdbc.batchUpdate(CELL_INSERT + "select " + KEY + ", " + SUM_SELECT + " from quality_fact where on_day = ? and agent_id = ? "
                    + "and group_id = ? and line = ? and category_id = ? group by " + KEY, keys);
        });
    }

    /** Empties the facts, their links and the day cells (a rebuild's start). */
    public void clear() {
        transactions.executeWithoutResult(s -> {
            jdbc.update("delete from quality_measure_day");
            jdbc.update("delete from quality_fact_link");
            jdbc.update("delete from quality_fact");
        });
    }

    /** A rebuild's page: derives and stores the facts of these tickets (whose facts are gone), without the day cells. */
    public void derivePage(List<Timeline> page) {
        transactions.executeWithoutResult(s -> store(page));
    }

    /** A rebuild's end: the day cells summed from all the facts at once. */
    public void sumAllCells() {
        transactions.executeWithoutResult(s -> {
            jdbc.update("delete from quality_measure_day");
            jdbc.update(CELL_INSERT + "select " + KEY + ", " + SUM_SELECT + " from quality_fact group by " + KEY);
        });
    }

    private List<List<Object>> derive(List<Long> ids) {
        return store(timelines.timelines(ids));
    }

    private List<List<Object>> store(List<Timeline> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<Long> ids = page.stream().map(Timeline::ticketId).toList();
        Map<Long, FactDerivation.Inputs> inputs = inputs(ids);
        Map<Long, Long> groups = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> links = new ArrayList<>();
        List<List<Object>> cells = new ArrayList<>();
        for (Timeline t : page) {
            FactDerivation.Derived d = FactDerivation.derive(t, inputs.getOrDefault(t.ticketId(), FactDerivation.Inputs.none()),
                    agent -> groups.computeIfAbsent(agent, this::groupOf));
            int seq = 0;
            for (Fact f : d.facts()) {
                LocalDate day = f.at.atZone(zone).toLocalDate();
                rows.add(new Object[] {t.ticketId(), seq++, f.agentId, f.line.name(), f.groupId, f.categoryId,
                        Timestamp.from(f.at), day, f.handled, f.handlingMs, f.firstResponseMs, f.l1Handled, f.escalated,
                        f.escalationCorrected, f.resolved, f.reopened, f.repeated, f.slaTotal, f.slaMet, f.ratingRequests,
                        f.ratingsFive, f.ratingFiveSum, f.ratingsTwo, f.ratingsTwoGood, f.reviews, f.reviewPercentSum,
                        f.trainerCorrections});
                cells.add(List.of(day, f.agentId, f.groupId, f.line.name(), f.categoryId));
            }
            for (long via : d.viaTickets()) {
                links.add(new Object[] {t.ticketId(), via});
            }
        }
        jdbc.batchUpdate(INSERT_FACT, rows);
        if (!links.isEmpty()) {
            jdbc.batchUpdate("insert into quality_fact_link (ticket_id, via_ticket_id) values (?, ?)", links);
        }
        return cells;
    }

    /** An agent's own group for first-line facts: the lowest id among their groups, 0 when none (or not a user). */
    private long groupOf(long agentId) {
        return users.user(agentId).flatMap(u -> u.groupIds().stream().min(Long::compare)).orElse(0L);
    }

    private Map<Long, FactDerivation.Inputs> inputs(List<Long> ids) {
        Map<Long, List<FactDerivation.SlaOutcome>> sla = new HashMap<>();
        Map<Long, List<FactDerivation.RatingRequest>> ratings = new HashMap<>();
        Map<Long, List<FactDerivation.Review>> reviews = new HashMap<>();
        Map<Long, List<FactDerivation.Repeat>> repeats = new HashMap<>();
        Map<Long, List<FactDerivation.Correction>> corrections = new HashMap<>();
        forChunks(ids, (in, args) -> {
            jdbc.query("select ticket_id, line, group_id, met, finished_at from quality_sla_outcome where ticket_id in (" + in
                    + ") order by ticket_id, finished_at, id", rs -> {
                        long g = rs.getLong(3);
                        Long group = rs.wasNull() ? null : g;
                        sla.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new FactDerivation.SlaOutcome(
                                Line.valueOf(rs.getString(2)), group, rs.getBoolean(4), rs.getTimestamp(5).toInstant()));
                    }, args);
            jdbc.query("select q.ticket_id, q.agent_id, q.issued_at, r.scale, r.score from quality_rating_request q "
                    + "left join quality_rating r on r.request_id = q.id where q.ticket_id in (" + in + ") order by q.ticket_id, q.id", rs -> {
                        long a = rs.getLong(2);
                        Long agent = rs.wasNull() ? null : a;
                        int score = rs.getInt(5);
                        Integer sc = rs.wasNull() ? null : score;
                        ratings.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new FactDerivation.RatingRequest(agent,
                                rs.getTimestamp(3).toInstant(), rs.getString(4), sc));
                    }, args);
            jdbc.query("select r.ticket_id, r.agent_id, r.created_at, case when d.outcome = 'CHANGED' and rr.id is not null "
                    + "then rr.total_percent else r.total_percent end from quality_review r "
                    + "left join quality_dispute d on d.review_id = r.id left join quality_review rr on rr.id = d.resolution_review_id "
                    + "where r.dispute_of is null and r.ticket_id in (" + in + ") order by r.ticket_id, r.id", rs -> {
                        reviews.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new FactDerivation.Review(rs.getLong(2),
                                rs.getBigDecimal(4), rs.getTimestamp(3).toInstant()));
                    }, args);
            jdbc.query("select ticket_id, solver_id, at, repeat_ticket_id from quality_repeat_contact where ticket_id in (" + in
                    + ") order by ticket_id, id", rs -> {
                        long s = rs.getLong(2);
                        Long solver = rs.wasNull() ? null : s;
                        long v = rs.getLong(4);
                        Long via = rs.wasNull() ? null : v;
                        repeats.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new FactDerivation.Repeat(solver,
                                rs.getTimestamp(3).toInstant(), via));
                    }, args);
            jdbc.query("select ticket_id, agent_id, at from quality_trainer_correction where ticket_id in (" + in
                    + ") order by ticket_id, id", rs -> {
                        corrections.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new FactDerivation.Correction(
                                rs.getLong(2), rs.getTimestamp(3).toInstant()));
                    }, args);
        });
        Map<Long, FactDerivation.Inputs> all = new HashMap<>();
        for (long id : ids) {
            if (sla.containsKey(id) || ratings.containsKey(id) || reviews.containsKey(id) || repeats.containsKey(id)
                    || corrections.containsKey(id)) {
                all.put(id, new FactDerivation.Inputs(sla.getOrDefault(id, List.of()), ratings.getOrDefault(id, List.of()),
                        reviews.getOrDefault(id, List.of()), repeats.getOrDefault(id, List.of()),
                        corrections.getOrDefault(id, List.of())));
            }
        }
        return all;
    }

    private List<Long> select(String sql, Collection<Long> ids) {
        List<Long> found = new ArrayList<>();
        forChunks(new ArrayList<>(ids), (in, args) -> found.addAll(jdbc.queryForList(sql.formatted(in), Long.class, args)));
        return found;
    }

    private interface Chunk {
        void run(String in, Object[] args);
    }

    private static void forChunks(List<Long> ids, Chunk chunk) {
        for (int i = 0; i < ids.size(); i += 500) {
            List<Long> part = ids.subList(i, Math.min(ids.size(), i + 500));
            chunk.run(String.join(",", Collections.nCopies(part.size(), "?")), part.toArray());
        }
    }
}
