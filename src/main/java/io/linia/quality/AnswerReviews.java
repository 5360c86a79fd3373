package io.linia.quality;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.quality.internal.SampleDraw;
import io.linia.quality.internal.Sql;
import io.linia.shared.DomainException;
import io.linia.tickets.TicketNumber;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketState;
import io.linia.tickets.TicketSummary;
import io.linia.tickets.TicketView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answer reviews: the versioned rubric (administrators edit it; every edit is a new version and old reviews keep
 * theirs), reviews of solved or closed tickets by team leads and trainers, the agents' disputes (once per review,
 * decided by another reviewer, both scores kept), calibration (the spread of several reviewers' scores of one ticket)
 * and the weekly samples per agent.
 */
@Service
@Transactional
public class AnswerReviews {

    /** Who reviews answers. */
    public static final Set<Role> REVIEWERS = Set.of(Role.TEAM_LEAD, Role.TRAINER);
    private static final int MAX_TEXT = 2000;

    private final JdbcClient jdbc;
    private final TicketService tickets;
    private final UserDirectory users;
    private final QualityProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AnswerReviews(JdbcClient jdbc, TicketService tickets, UserDirectory users, QualityProperties properties,
                  ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.users = users;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    public static boolean isReviewer(Actor actor) {
        return actor.isSystem() || actor.has(Role.ADMIN) || REVIEWERS.stream().anyMatch(actor::has);
    }

    private static void requireReviewer(Actor actor) {
        if (!isReviewer(actor)) {
            throw DomainException.forbidden("quality.error.notReviewer");
        }
    }

    private static void requireStaff(Actor actor) {
        if (!actor.isSystem() && !actor.isStaff()) {
            throw DomainException.forbidden("quality.error.notStaff");
        }
    }

    // ------------------------------------------------------------------ rubric

    @Transactional(readOnly = true)
    public RubricView currentRubric() {
        Long id = jdbc.sql("select id from quality_rubric where current_version = true").query(Long.class).single();
        return rubric(id);
    }

    @Transactional(readOnly = true)
    public List<RubricView> rubrics(Actor actor) {
        requireStaff(actor);
        return jdbc.sql("select id from quality_rubric order by version desc").query(Long.class).list().stream()
                .map(this::rubric).toList();
    }

    private RubricView rubric(long id) {
        List<RubricView.Criterion> criteria = jdbc.sql("select * from quality_criterion where rubric_id = ? order by position")
                .param(id).query((rs, n) -> new RubricView.Criterion(rs.getLong("id"), rs.getString("code"),
                        rs.getString("name_ru"), rs.getString("name_en"), rs.getInt("weight"), rs.getInt("position"),
                        rs.getBoolean("allows_na"))).list();
        return jdbc.sql("select * from quality_rubric where id = ?").param(id).query((rs, n) -> new RubricView(
                rs.getLong("id"), rs.getInt("version"), Sql.instant(rs, "created_at"), rs.getBoolean("current_version"),
                criteria)).single();
    }

    /** Saves the rubric as a new current version (administrators); reviews made before keep their version. */
    public RubricView saveRubric(Actor actor, RubricCommand command) {
        if (!actor.has(Role.ADMIN)) {
            throw DomainException.forbidden("quality.error.notAdmin");
        }
        List<RubricCommand.CriterionCommand> criteria = command == null || command.criteria() == null ? List.of() : command.criteria();
        if (criteria.isEmpty()) {
            throw DomainException.invalid("criteria", "quality.error.noCriteria");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < criteria.size(); i++) {
            RubricCommand.CriterionCommand c = criteria.get(i);
            String at = "criteria[" + i + "].";
            if (c == null || c.code() == null || !c.code().strip().matches("[A-Za-z][A-Za-z0-9_-]{0,59}")) {
                throw DomainException.invalid(at + "code", "quality.error.code");
            }
            if (!codes.add(c.code().strip().toLowerCase(java.util.Locale.ROOT))) {
                throw DomainException.invalid(at + "code", "quality.error.codeTwice", c.code().strip());
            }
            if (c.nameRu() == null || c.nameRu().isBlank() || c.nameRu().strip().length() > 200) {
                throw DomainException.invalid(at + "nameRu", "quality.error.name");
            }
            if (c.nameEn() == null || c.nameEn().isBlank() || c.nameEn().strip().length() > 200) {
                throw DomainException.invalid(at + "nameEn", "quality.error.name");
            }
            if (c.weight() == null || c.weight() < 1 || c.weight() > 100) {
                throw DomainException.invalid(at + "weight", "quality.error.weight");
            }
        }
        int version = jdbc.sql("select coalesce(max(version), 0) from quality_rubric").query(Integer.class).single() + 1;
        jdbc.sql("update quality_rubric set current_version = false where current_version = true").update();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into quality_rubric (version, created_at, created_by, current_version) values (?, ?, ?, true)")
                .params(version, Sql.ts(clock.instant()), actor.id()).update(key, "id");
        long rubricId = key.getKey().longValue();
        for (int i = 0; i < criteria.size(); i++) {
            RubricCommand.CriterionCommand c = criteria.get(i);
            jdbc.sql("insert into quality_criterion (rubric_id, code, name_ru, name_en, weight, position, allows_na) "
                            + "values (?, ?, ?, ?, ?, ?, ?)")
                    .params(rubricId, c.code().strip(), c.nameRu().strip(), c.nameEn().strip(), c.weight(), i + 1,
                            Boolean.TRUE.equals(c.allowsNotApplicable())).update();
        }
        return rubric(rubricId);
    }

    // ------------------------------------------------------------------ reviews

    /**
     * The weighted total in percent of a set of scores: 100 × Σ(weight × score) / Σ(weight × 2) over the criteria
     * scored (null = not applicable, left out), two decimals, half up.
     */
    public static BigDecimal total(List<RubricView.Criterion> criteria, Map<String, Integer> scores) {
        long got = 0;
        long possible = 0;
        for (RubricView.Criterion c : criteria) {
            Integer s = scores.get(c.code());
            if (s != null) {
                got += (long) c.weight() * s;
                possible += c.weight() * 2L;
            }
        }
        if (possible == 0) {
            throw DomainException.invalid("scores", "quality.error.nothingScored");
        }
        return BigDecimal.valueOf(got * 100L).divide(BigDecimal.valueOf(possible), 2, RoundingMode.HALF_UP);
    }

    /** A reviewer reviews a solved or closed ticket (any ticket, or one of their samples). */
    public ReviewView review(Actor actor, ReviewCommand command) {
        requireReviewer(actor);
        if (command == null) {
            throw DomainException.invalid("ticket", "linia.validation.required");
        }
        TicketSummary ticket = finishedTicket(command.ticket());
        long agentId = command.agentId() != null ? command.agentId() : solverOf(ticket)
                .orElseThrow(() -> DomainException.invalid("agentId", "quality.error.noAgent"));
        UserRef agent = users.user(agentId).filter(u -> u.roles().stream().anyMatch(Role::isStaff))
                .orElseThrow(() -> DomainException.invalid("agentId", "quality.error.noSuchAgent"));
        if (agent.id() == actor.id()) {
            throw DomainException.forbidden("quality.error.ownTicket");
        }
        boolean twice = jdbc.sql("select count(*) from quality_review where ticket_id = ? and agent_id = ? and reviewer_id = ? "
                + "and dispute_of is null").params(ticket.id(), agentId, actor.id()).query(Long.class).single() > 0;
        if (twice) {
            throw DomainException.conflict("quality.error.reviewedBefore");
        }
        RubricView rubric = currentRubric();
        Long sampleId = jdbc.sql("select id from quality_sample where ticket_id = ? and agent_id = ? and reviewer_id = ? "
                + "and review_id is null order by id").params(ticket.id(), agentId, actor.id()).query(Long.class)
                .optional().orElse(null);
        long id = insertReview(actor, ticket.id(), agentId, rubric, command, sampleId, null);
        if (sampleId != null) {
            jdbc.sql("update quality_sample set review_id = ? where id = ?").params(id, sampleId).update();
        }
        return get(actor, id);
    }

    private long insertReview(Actor actor, long ticketId, long agentId, RubricView rubric, ReviewCommand command,
                              Long sampleId, Long disputeOf) {
        Map<String, ReviewCommand.Score> given = new HashMap<>();
        List<ReviewCommand.Score> scores = command.scores() == null ? List.of() : command.scores();
        for (ReviewCommand.Score s : scores) {
            if (s == null || s.criterion() == null || rubric.criteria().stream().noneMatch(c -> c.code().equals(s.criterion()))) {
                throw DomainException.invalid("scores", "quality.error.unknownCriterion", s == null ? "" : s.criterion());
            }
            given.put(s.criterion(), s);
        }
        Map<String, Integer> values = new HashMap<>();
        for (RubricView.Criterion c : rubric.criteria()) {
            ReviewCommand.Score s = given.get(c.code());
            Integer v = s == null ? null : s.score();
            if (v == null && !c.allowsNotApplicable()) {
                throw DomainException.invalid("scores." + c.code(), "quality.error.scoreRequired");
            }
            if (v != null && (v < 0 || v > 2)) {
                throw DomainException.invalid("scores." + c.code(), "quality.error.scoreRange");
            }
            if (s != null && s.comment() != null && s.comment().length() > MAX_TEXT) {
                throw DomainException.invalid("scores." + c.code() + ".comment", "quality.error.tooLong", MAX_TEXT);
            }
            values.put(c.code(), v);
        }
        if (command.comment() != null && command.comment().length() > 4000) {
            throw DomainException.invalid("comment", "quality.error.tooLong", 4000);
        }
        BigDecimal total = total(rubric.criteria(), values);
        Instant now = clock.instant();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into quality_review (ticket_id, agent_id, reviewer_id, rubric_id, total_percent, comment, sample_id, "
                        + "dispute_of, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(ticketId, agentId, actor.id(), rubric.id(), total, blankToNull(command.comment()), sampleId, disputeOf,
                        Sql.ts(now)).update(key, "id");
        long id = key.getKey().longValue();
        for (RubricView.Criterion c : rubric.criteria()) {
            ReviewCommand.Score s = given.get(c.code());
            jdbc.sql("insert into quality_review_score (review_id, criterion_id, score, comment) values (?, ?, ?, ?)")
                    .params(id, c.id(), values.get(c.code()), s == null ? null : blankToNull(s.comment())).update();
        }
        events.publishEvent(new ReviewRecorded(id, ticketId, agentId, actor.id(), total, disputeOf, now));
        return id;
    }

    private TicketSummary finishedTicket(String number) {
        Long id = TicketNumber.parse(number).orElseThrow(() -> DomainException.invalid("ticket", "quality.error.ticket"));
        TicketSummary t = tickets.summaryOf(id).orElseThrow(() -> DomainException.invalid("ticket", "quality.error.ticket"));
        if (t.state() != TicketState.SOLVED && t.state() != TicketState.CLOSED) {
            throw DomainException.invalid("ticket", "quality.error.notFinished");
        }
        return t;
    }

    /** The agent who last solved a ticket (quality's contact record), else its assignee. */
    public Optional<Long> solverOf(TicketSummary ticket) {
        Optional<Long> solver = jdbc.sql("select solver_id from quality_contact where ticket_id = ? and solver_id is not null")
                .param(ticket.id()).query(Long.class).optional();
        return solver.isPresent() ? solver : Optional.ofNullable(ticket.assigneeId());
    }

    @Transactional(readOnly = true)
    public ReviewView get(Actor actor, long id) {
        ReviewView v = load("r.id = :id", Map.of("id", id)).stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("quality.error.noReview", id));
        if (!isReviewer(actor) && v.agentId() != actor.id()) {
            throw DomainException.forbidden("quality.error.notYourReview");
        }
        return v;
    }

    /** The reviews of a ticket: reviewers see all, an agent those of their own handling. */
    @Transactional(readOnly = true)
    public List<ReviewView> forTicket(Actor actor, String number) {
        requireStaff(actor);
        long id = TicketNumber.parse(number).orElseThrow(() -> DomainException.notFound("quality.error.ticket"));
        return load("r.ticket_id = :id", Map.of("id", id)).stream()
                .filter(r -> isReviewer(actor) || r.agentId() == actor.id()).toList();
    }

    /** An agent's reviews, newest first (the agent themself or a reviewer). */
    @Transactional(readOnly = true)
    public List<ReviewView> ofAgent(Actor actor, long agentId, Instant from, Instant to) {
        if (!isReviewer(actor) && agentId != actor.id()) {
            throw DomainException.forbidden("quality.error.notYourReview");
        }
        Map<String, Object> p = new HashMap<>();
        p.put("agent", agentId);
        p.put("from", Sql.ts(from == null ? Instant.EPOCH : from));
        p.put("to", Sql.ts(to == null ? Instant.parse("9999-01-01T00:00:00Z") : to));
        return load("r.agent_id = :agent and r.dispute_of is null and r.created_at >= :from and r.created_at < :to", p);
    }

    /** The reviews a reviewer made, newest first. */
    @Transactional(readOnly = true)
    public List<ReviewView> byReviewer(Actor actor, long reviewerId) {
        requireReviewer(actor);
        return load("r.reviewer_id = :id", Map.of("id", reviewerId));
    }

    private List<ReviewView> load(String where, Map<String, ?> params) {
        record Row(long id, long ticketId, long agentId, long reviewerId, int version, BigDecimal total, String comment,
                   Long sampleId, Long disputeOf, Instant createdAt) {
        }
        List<Row> rows = jdbc.sql("select r.*, q.version from quality_review r join quality_rubric q on q.id = r.rubric_id where "
                        + where + " order by r.created_at desc, r.id desc").params(params)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("ticket_id"), rs.getLong("agent_id"),
                        rs.getLong("reviewer_id"), rs.getInt("version"), Sql.two(rs.getBigDecimal("total_percent")),
                        rs.getString("comment"), Sql.longOrNull(rs, "sample_id"), Sql.longOrNull(rs, "dispute_of"),
                        Sql.instant(rs, "created_at"))).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<ReviewView.ScoreView>> scores = new HashMap<>();
        jdbc.sql("select s.review_id, s.score, s.comment, c.id as cid, c.code, c.name_ru, c.name_en, c.weight from quality_review_score s "
                        + "join quality_criterion c on c.id = s.criterion_id where s.review_id in (:ids) order by c.position")
                .param("ids", ids).query(rs -> {
                    scores.computeIfAbsent(rs.getLong("review_id"), k -> new ArrayList<>()).add(new ReviewView.ScoreView(
                            rs.getLong("cid"), rs.getString("code"), rs.getString("name_ru"), rs.getString("name_en"),
                            rs.getInt("weight"), Sql.intOrNull(rs, "score"), rs.getString("comment")));
                });
        Map<Long, DisputeView> disputes = disputes("d.review_id in (:ids)", Map.of("ids", ids)).stream()
                .collect(Collectors.toMap(DisputeView::reviewId, d -> d));
        Map<Long, String> names = new HashMap<>();
        return rows.stream().map(r -> {
            DisputeView d = disputes.get(r.id());
            BigDecimal effective = d != null && d.outcome() == DisputeView.Outcome.CHANGED ? d.resolvedPercent() : r.total();
            return new ReviewView(r.id(), r.ticketId(), TicketNumber.format(r.ticketId()), r.agentId(), name(names, r.agentId()),
                    r.reviewerId(), name(names, r.reviewerId()), r.version(), r.total(), effective, r.comment(), r.sampleId(),
                    r.disputeOf(), r.createdAt(), scores.getOrDefault(r.id(), List.of()), d);
        }).toList();
    }

    private String name(Map<Long, String> cache, Long id) {
        if (id == null) {
            return null;
        }
        return cache.computeIfAbsent(id, k -> k == Actor.SYSTEM_ID ? "Linia"
                : users.user(k).map(UserRef::displayName).orElse("#" + k));
    }

    // ------------------------------------------------------------------ disputes

    /** The agent disputes a review of their work, once, with a reason; it goes to another reviewer. */
    public DisputeView dispute(Actor actor, long reviewId, String reason) {
        ReviewView review = get(actor, reviewId);
        if (review.agentId() != actor.id()) {
            throw DomainException.forbidden("quality.error.notYourReview");
        }
        if (review.disputeOf() != null) {
            throw DomainException.conflict("quality.error.disputeResolution");
        }
        if (review.dispute() != null) {
            throw DomainException.conflict("quality.error.disputedBefore");
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason", "linia.validation.required");
        }
        if (reason.length() > MAX_TEXT) {
            throw DomainException.invalid("reason", "quality.error.tooLong", MAX_TEXT);
        }
        Map<Long, Long> open = new HashMap<>();
        jdbc.sql("select resolver_id, count(*) as n from quality_dispute where outcome is null group by resolver_id")
                .query(rs -> {
                    open.put(rs.getLong("resolver_id"), rs.getLong("n"));
                });
        long resolver = users.withAnyRole(REVIEWERS).stream()
                .filter(u -> u.enabled() && u.id() != review.reviewerId() && u.id() != review.agentId())
                .min(Comparator.<UserRef>comparingLong(u -> open.getOrDefault(u.id(), 0L)).thenComparingLong(UserRef::id))
                .map(UserRef::id).orElseThrow(() -> DomainException.conflict("quality.error.noOtherReviewer"));
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into quality_dispute (review_id, agent_id, reason, raised_at, resolver_id) values (?, ?, ?, ?, ?)")
                .params(reviewId, actor.id(), reason.strip(), Sql.ts(clock.instant()), resolver).update(key, "id");
        return dispute(key.getKey().longValue());
    }

    /** The resolver keeps the score. */
    public DisputeView uphold(Actor actor, long disputeId, String note) {
        DisputeView d = openDisputeOf(actor, disputeId, note);
        jdbc.sql("update quality_dispute set outcome = 'UPHELD', note = ?, resolved_at = ? where id = ?")
                .params(blankToNull(note), Sql.ts(clock.instant()), d.id()).update();
        return dispute(disputeId);
    }

    /** The resolver scores the ticket anew (on the disputed review's rubric version); both reviews stay. */
    public DisputeView change(Actor actor, long disputeId, ReviewCommand scores, String note) {
        DisputeView d = openDisputeOf(actor, disputeId, note);
        ReviewView original = get(actor, d.reviewId());
        long rubricId = jdbc.sql("select rubric_id from quality_review where id = ?").param(original.id()).query(Long.class).single();
        ReviewCommand command = new ReviewCommand(original.ticketNumber(), original.agentId(),
                scores == null ? List.of() : scores.scores(), scores == null ? null : scores.comment());
        long id = insertReview(actor, original.ticketId(), original.agentId(), rubric(rubricId), command, null, original.id());
        jdbc.sql("update quality_dispute set outcome = 'CHANGED', resolution_review_id = ?, note = ?, resolved_at = ? where id = ?")
                .params(id, blankToNull(note), Sql.ts(clock.instant()), d.id()).update();
        return dispute(disputeId);
    }

    private DisputeView openDisputeOf(Actor actor, long disputeId, String note) {
        DisputeView d = dispute(disputeId);
        if (d.resolverId() != actor.id()) {
            throw DomainException.forbidden("quality.error.notYourDispute");
        }
        if (!d.open()) {
            throw DomainException.conflict("quality.error.disputeDecided");
        }
        if (note != null && note.length() > MAX_TEXT) {
            throw DomainException.invalid("note", "quality.error.tooLong", MAX_TEXT);
        }
        return d;
    }

    @Transactional(readOnly = true)
    public DisputeView dispute(Actor actor, long id) {
        DisputeView d = dispute(id);
        if (!isReviewer(actor) && d.agentId() != actor.id()) {
            throw DomainException.forbidden("quality.error.notYourReview");
        }
        return d;
    }

    private DisputeView dispute(long id) {
        return disputes("d.id = :id", Map.of("id", id)).stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("quality.error.noDispute", id));
    }

    /** Disputes waiting for this reviewer's decision, oldest first. */
    @Transactional(readOnly = true)
    public List<DisputeView> disputesToDecide(Actor actor) {
        requireReviewer(actor);
        return disputes("d.resolver_id = :id and d.outcome is null", Map.of("id", actor.id()));
    }

    /** All disputes (reviewers), newest first when {@code open} is null; open ones only when true. */
    @Transactional(readOnly = true)
    public List<DisputeView> disputes(Actor actor, Boolean open) {
        requireReviewer(actor);
        String where = open == null ? "1 = 1" : open ? "d.outcome is null" : "d.outcome is not null";
        return disputes(where, Map.of());
    }

    private List<DisputeView> disputes(String where, Map<String, ?> params) {
        Map<Long, String> names = new HashMap<>();
        return jdbc.sql("select d.*, r.ticket_id, r.total_percent as original, x.total_percent as resolved from quality_dispute d "
                        + "join quality_review r on r.id = d.review_id left join quality_review x on x.id = d.resolution_review_id "
                        + "where " + where + " order by d.raised_at, d.id").params(params)
                .query((rs, n) -> {
                    String outcome = rs.getString("outcome");
                    long ticketId = rs.getLong("ticket_id");
                    return new DisputeView(rs.getLong("id"), rs.getLong("review_id"), ticketId, TicketNumber.format(ticketId),
                            rs.getLong("agent_id"), name(names, rs.getLong("agent_id")), rs.getString("reason"),
                            Sql.instant(rs, "raised_at"), rs.getLong("resolver_id"), name(names, rs.getLong("resolver_id")),
                            outcome == null ? null : DisputeView.Outcome.valueOf(outcome),
                            Sql.longOrNull(rs, "resolution_review_id"), Sql.two(rs.getBigDecimal("original")),
                            Sql.two(rs.getBigDecimal("resolved")), rs.getString("note"), Sql.instant(rs, "resolved_at"));
                }).list();
    }

    // ------------------------------------------------------------------ calibration

    /** The spread of the reviewers' scores of one ticket (original reviews, not dispute re-scorings). */
    @Transactional(readOnly = true)
    public CalibrationView calibration(Actor actor, String number) {
        requireReviewer(actor);
        long id = TicketNumber.parse(number).orElseThrow(() -> DomainException.notFound("quality.error.ticket"));
        List<ReviewView> reviews = load("r.ticket_id = :id and r.dispute_of is null", Map.of("id", id));
        Map<String, List<BigDecimal>> byCode = new LinkedHashMap<>();
        Map<String, ReviewView.ScoreView> named = new LinkedHashMap<>();
        reviews.stream().sorted(Comparator.comparingLong(ReviewView::id)).forEach(r -> r.scores().forEach(s -> {
            named.putIfAbsent(s.code(), s);
            List<BigDecimal> list = byCode.computeIfAbsent(s.code(), k -> new ArrayList<>());
            if (s.score() != null) {
                list.add(BigDecimal.valueOf(s.score()));
            }
        }));
        List<CalibrationView.Spread> criteria = byCode.entrySet().stream().map(e -> spread(e.getKey(),
                named.get(e.getKey()).nameRu(), named.get(e.getKey()).nameEn(), e.getValue())).toList();
        CalibrationView.Spread total = spread("total", "Итог, %", "Total, %",
                reviews.stream().map(ReviewView::totalPercent).toList());
        return new CalibrationView(id, TicketNumber.format(id), reviews, criteria, total);
    }

    /** Count, min, max, mean and population standard deviation (two decimals, half up). */
    public static CalibrationView.Spread spread(String code, String nameRu, String nameEn, List<BigDecimal> values) {
        if (values.isEmpty()) {
            return new CalibrationView.Spread(code, nameRu, nameEn, 0, null, null, null, null);
        }
        double mean = values.stream().mapToDouble(BigDecimal::doubleValue).average().orElse(0);
        double variance = values.stream().mapToDouble(v -> Math.pow(v.doubleValue() - mean, 2)).sum() / values.size();
        return new CalibrationView.Spread(code, nameRu, nameEn, values.size(),
                Sql.two(values.stream().min(Comparator.naturalOrder()).orElseThrow()),
                Sql.two(values.stream().max(Comparator.naturalOrder()).orElseThrow()),
                BigDecimal.valueOf(mean).setScale(2, RoundingMode.HALF_UP),
                BigDecimal.valueOf(Math.sqrt(variance)).setScale(2, RoundingMode.HALF_UP));
    }

    /** Tickets reviewed by two or more reviewers, newest review first. */
    @Transactional(readOnly = true)
    public List<CalibrationView.Entry> calibrations(Actor actor, int limit) {
        requireReviewer(actor);
        return jdbc.sql("select ticket_id, count(*) as n, min(total_percent) as lo, max(total_percent) as hi, max(created_at) as last "
                        + "from quality_review where dispute_of is null group by ticket_id having count(distinct reviewer_id) > 1 "
                        + "order by last desc, ticket_id desc")
                .query((rs, n) -> new CalibrationView.Entry(rs.getLong("ticket_id"), TicketNumber.format(rs.getLong("ticket_id")),
                        rs.getInt("n"), Sql.two(rs.getBigDecimal("lo")), Sql.two(rs.getBigDecimal("hi"))))
                .list().stream().limit(Math.max(1, Math.min(limit, 500))).toList();
    }

    // ------------------------------------------------------------------ samples

    /** The Monday that starts the week before the one {@code at} falls in (the last complete week). */
    public LocalDate lastWeekStart(Instant at) {
        return at.atZone(ZoneId.of(properties.zone())).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(1);
    }

    /**
     * Draws the samples of a week (null = the last complete week) for every agent who solved tickets in it and
     * has none drawn yet: {@code perAgent} (null = the setting) tickets each, with {@code seed} (null = from the week).
     */
    public DrawResult draw(Actor actor, LocalDate week, Long seed, Integer perAgent) {
        if (!actor.isSystem() && !actor.has(Role.TEAM_LEAD) && !actor.has(Role.ADMIN)) {
            throw DomainException.forbidden("quality.error.notLead");
        }
        if (perAgent != null && (perAgent < 1 || perAgent > 100)) {
            throw DomainException.invalid("perAgent", "quality.error.perAgent");
        }
        LocalDate start = (week == null ? lastWeekStart(clock.instant()) : week).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        long useSeed = seed != null ? seed : start.toEpochDay() * 7919L + 17L;
        int size = perAgent != null ? perAgent : properties.samplePerAgent();
        ZoneId zone = ZoneId.of(properties.zone());
        Instant from = start.atStartOfDay(zone).toInstant();
        Instant to = start.plusWeeks(1).atStartOfDay(zone).toInstant();
        Map<Long, List<SampleDraw.Candidate>> byAgent = new java.util.TreeMap<>();
        jdbc.sql("select ticket_id, solver_id, line, category_id from quality_contact where solver_id is not null "
                        + "and resolved_at >= ? and resolved_at < ? order by ticket_id").params(Sql.ts(from), Sql.ts(to))
                .query(rs -> {
                    byAgent.computeIfAbsent(rs.getLong("solver_id"), k -> new ArrayList<>()).add(new SampleDraw.Candidate(
                            rs.getLong("ticket_id"), rs.getString("line"), Sql.longOrNull(rs, "category_id")));
                });
        Set<Long> drawnBefore = new HashSet<>(jdbc.sql("select distinct agent_id from quality_sample where week_start = ?")
                .param(start).query(Long.class).list());
        Set<Long> taken = new HashSet<>(jdbc.sql("select ticket_id from quality_sample where week_start = ?")
                .param(start).query(Long.class).list());
        List<Long> reviewers = users.withAnyRole(REVIEWERS).stream().filter(UserRef::enabled).map(UserRef::id).sorted().toList();
        Map<Long, Integer> load = new HashMap<>();
        Map<Long, Set<Long>> handlers = new HashMap<>();
        Instant now = clock.instant();
        List<Long> created = new ArrayList<>();
        for (Map.Entry<Long, List<SampleDraw.Candidate>> e : byAgent.entrySet()) {
            long agentId = e.getKey();
            if (drawnBefore.contains(agentId)) {
                continue;
            }
            List<SampleDraw.Candidate> candidates = e.getValue().stream().filter(c -> !taken.contains(c.ticketId())).toList();
            for (SampleDraw.Drawn d : SampleDraw.draw(agentId, candidates, size, useSeed, reviewers,
                    t -> handlers.computeIfAbsent(t, this::handlersOf), load)) {
                GeneratedKeyHolder key = new GeneratedKeyHolder();
                jdbc.sql("insert into quality_sample (week_start, agent_id, ticket_id, reviewer_id, line, category_id, seed, drawn_at) "
                                + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(start, agentId, d.ticketId(), d.reviewerId(), d.line(), d.categoryId(), useSeed, Sql.ts(now))
                        .update(key, "id");
                created.add(key.getKey().longValue());
            }
        }
        List<SampleView> samples = created.isEmpty() ? List.of() : samples("s.id in (:ids)", Map.of("ids", created));
        return new DrawResult(start, useSeed, samples);
    }

    /** Everyone who acted on a ticket (its history's actors). */
    private Set<Long> handlersOf(long ticketId) {
        return tickets.forMail(ticketId).map(t -> t.history().stream().map(TicketView.HistoryView::actorId)
                .filter(Objects::nonNull).collect(Collectors.toSet())).orElse(Set.of());
    }

    /** The reviewer's queue: samples assigned to them not yet reviewed, oldest week first. */
    @Transactional(readOnly = true)
    public List<SampleView> queue(Actor actor) {
        requireReviewer(actor);
        return samples("s.reviewer_id = :id and s.review_id is null", Map.of("id", actor.id()));
    }

    /** The samples of a week (reviewers). */
    @Transactional(readOnly = true)
    public List<SampleView> samples(Actor actor, LocalDate week) {
        requireReviewer(actor);
        if (week == null) {
            throw DomainException.invalid("week", "linia.validation.required");
        }
        return samples("s.week_start = :week", Map.of("week", week.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))));
    }

    private List<SampleView> samples(String where, Map<String, ?> params) {
        Map<Long, String> names = new HashMap<>();
        return jdbc.sql("select * from quality_sample s where " + where + " order by s.week_start, s.agent_id, s.id").params(params)
                .query((rs, n) -> sample(rs, names)).list();
    }

    private SampleView sample(ResultSet rs, Map<Long, String> names) throws SQLException {
        long ticketId = rs.getLong("ticket_id");
        return new SampleView(rs.getLong("id"), rs.getObject("week_start", LocalDate.class), rs.getLong("agent_id"),
                name(names, rs.getLong("agent_id")), ticketId, TicketNumber.format(ticketId), rs.getLong("reviewer_id"),
                name(names, rs.getLong("reviewer_id")), rs.getString("line"), Sql.longOrNull(rs, "category_id"),
                rs.getLong("seed"), Sql.instant(rs, "drawn_at"), Sql.longOrNull(rs, "review_id"));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
