package io.linia.quality;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.quality.internal.RatingSigner;
import io.linia.quality.internal.Sql;
import io.linia.shared.DomainException;
import io.linia.tickets.TicketFacts;
import io.linia.tickets.TicketNumber;
import io.linia.tickets.TicketService;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer satisfaction: every solve of a ticket opens a rating request; its signed link (in the solved mail and on
 * the portal) lets the customer rate with one click, without signing in. The first use creates the rating (a link
 * clicked again shows it and changes nothing); the customer may change the score or add a comment until the link
 * expires. A low rating opens a follow-up for the team leads.
 */
@Service
@Transactional
public class CustomerRatings {

    private static final int MAX_COMMENT = 2000;

    private final JdbcClient jdbc;
    private final RatingSigner signer;
    private final QualityProperties properties;
    private final TicketService tickets;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerRatings(JdbcClient jdbc, RatingSigner signer, QualityProperties properties, TicketService tickets,
                    UserDirectory users, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.properties = properties;
        this.tickets = tickets;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    public RatingScale scale() {
        return properties.ratingScale();
    }

    /** Opens a rating request for a ticket just solved (Linia's own work: the quality module calls it on the solve). */
    public long request(long ticketId, Long agentId, long customerId, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into quality_rating_request (ticket_id, agent_id, customer_id, issued_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(ticketId, agentId, customerId, Sql.ts(at), Sql.ts(at.plus(properties.ratingValidity()))).update(key, "id");
        return key.getKey().longValue();
    }

    /** The latest rating request of a ticket with its signed links, for the solved mail (no access check). */
    @Transactional(readOnly = true)
    public Optional<RatingInvitation> invitation(long ticketId) {
        return jdbc.sql("select * from quality_rating_request where ticket_id = ? order by issued_at desc, id desc")
                .param(ticketId).query((rs, n) -> new Request(rs.getLong("id"), rs.getLong("ticket_id"),
                        Sql.longOrNull(rs, "agent_id"), rs.getLong("customer_id"), Sql.instant(rs, "expires_at"),
                        Sql.instant(rs, "used_at"))).list().stream().findFirst().map(this::invitation);
    }

    /** The rating panel of the customer's own ticket on the portal. */
    @Transactional(readOnly = true)
    public Optional<RatingInvitation> invitationFor(Actor customer, String number) {
        long id = TicketNumber.parse(number).orElseThrow(() -> DomainException.notFound("quality.error.ticket"));
        TicketFacts facts = tickets.facts(id).orElseThrow(() -> DomainException.notFound("quality.error.ticket"));
        if (facts.customerId() != customer.id()) {
            throw DomainException.forbidden("quality.error.notYourTicket");
        }
        return invitation(id);
    }

    private RatingInvitation invitation(Request r) {
        String token = signer.sign(r.id(), r.expiresAt());
        String page = properties.publicUrl() + "/rate/" + token;
        Map<Integer, String> links = new LinkedHashMap<>();
        for (int s : properties.ratingScale().scores()) {
            links.put(s, page + "?score=" + s);
        }
        Instant now = clock.instant();
        return new RatingInvitation(r.id(), r.ticketId(), token, properties.ratingScale(), links, page, r.expiresAt(),
                !now.isBefore(r.expiresAt()), ratingOf(r.id(), r.expiresAt()).orElse(null));
    }

    /** What a rating link names: its ticket, its rating so far, whether it still works. Refused when the signature is wrong. */
    @Transactional(readOnly = true)
    public RatingInvitation byToken(String token) {
        return invitation(requestOf(token));
    }

    /**
     * A customer's rating through a signed link. {@code oneClick}: the link in the mail (creates the rating the first
     * time; afterwards shows it unchanged). Otherwise the page's form: creates or changes score and comment.
     */
    public RatingView rate(String token, Integer score, String comment, boolean oneClick) {
        Request r = requestOf(token);
        Instant now = clock.instant();
        if (!now.isBefore(r.expiresAt())) {
            throw DomainException.conflict("quality.rating.expired");
        }
        Optional<RatingView> existing = ratingOf(r.id(), r.expiresAt());
        if (existing.isPresent() && oneClick) {
            return existing.get();
        }
        RatingScale scale = properties.ratingScale();
        if (existing.isPresent()) {
            scale = existing.get().scale();
        }
        if (score == null) {
            if (existing.isEmpty()) {
                throw DomainException.invalid("score", "linia.validation.required");
            }
            score = existing.get().score();
        }
        if (score < 1 || score > scale.max()) {
            throw DomainException.invalid("score", "quality.rating.scoreRange", scale.max());
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw DomainException.invalid("comment", "quality.error.tooLong", MAX_COMMENT);
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        long ratingId;
        if (existing.isEmpty()) {
            int used = jdbc.sql("update quality_rating_request set used_at = ? where id = ? and used_at is null")
                    .params(Sql.ts(now), r.id()).update();
            if (used == 0) {
                throw DomainException.conflict("quality.rating.used");
            }
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("insert into quality_rating (request_id, ticket_id, agent_id, customer_id, scale, score, comment, created_at, "
                            + "updated_at, changes) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                    .params(r.id(), r.ticketId(), r.agentId(), r.customerId(), scale.name(), score, text, Sql.ts(now), Sql.ts(now))
                    .update(key, "id");
            ratingId = key.getKey().longValue();
        } else {
            ratingId = existing.get().id();
            String keep = comment == null ? existing.get().comment() : text;
            jdbc.sql("update quality_rating set score = ?, comment = ?, updated_at = ?, changes = changes + 1 where id = ?")
                    .params(score, keep, Sql.ts(now), ratingId).update();
        }
        boolean low = properties.isLow(scale, score);
        if (low) {
            boolean followed = jdbc.sql("select count(*) from quality_follow_up where rating_id = ?").param(ratingId)
                    .query(Long.class).single() > 0;
            if (!followed) {
                jdbc.sql("insert into quality_follow_up (rating_id, ticket_id, agent_id, score, comment, created_at, state) "
                                + "values (?, ?, ?, ?, ?, ?, 'OPEN')")
                        .params(ratingId, r.ticketId(), r.agentId(), score, comment == null && existing.isPresent()
                                ? existing.get().comment() : text, Sql.ts(now)).update();
            }
        }
        events.publishEvent(new CustomerRated(ratingId, r.ticketId(), r.agentId(), scale, score, low, existing.isPresent(), now));
        return ratingOf(r.id(), r.expiresAt()).orElseThrow();
    }

    private record Request(long id, long ticketId, Long agentId, long customerId, Instant expiresAt, Instant usedAt) {
    }

    private Request requestOf(String token) {
        RatingSigner.Signed signed = signer.verify(token)
                .orElseThrow(() -> DomainException.forbidden("quality.rating.badLink"));
        Request r = jdbc.sql("select * from quality_rating_request where id = ?").param(signed.requestId())
                .query((rs, n) -> new Request(rs.getLong("id"), rs.getLong("ticket_id"), Sql.longOrNull(rs, "agent_id"),
                        rs.getLong("customer_id"), Sql.instant(rs, "expires_at"), Sql.instant(rs, "used_at")))
                .optional().orElseThrow(() -> DomainException.forbidden("quality.rating.badLink"));
        if (r.expiresAt().getEpochSecond() != signed.expiresAt().getEpochSecond()) {
            throw DomainException.forbidden("quality.rating.badLink");
        }
        return r;
    }

    private Optional<RatingView> ratingOf(long requestId, Instant expiresAt) {
        Instant now = clock.instant();
        return jdbc.sql("select * from quality_rating where request_id = ?").param(requestId).query((rs, n) -> rating(rs, expiresAt, now))
                .optional();
    }

    private RatingView rating(java.sql.ResultSet rs, Instant expiresAt, Instant now) throws java.sql.SQLException {
        RatingScale scale = RatingScale.valueOf(rs.getString("scale"));
        int score = rs.getInt("score");
        long ticketId = rs.getLong("ticket_id");
        return new RatingView(rs.getLong("id"), ticketId, TicketNumber.format(ticketId), Sql.longOrNull(rs, "agent_id"), scale,
                score, rs.getString("comment"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"),
                rs.getInt("changes"), expiresAt, expiresAt != null && now.isBefore(expiresAt), properties.isLow(scale, score));
    }

    /** Ratings given in [from, to) — of one agent's tickets when {@code agentId} is set — newest first (staff; agents their own). */
    @Transactional(readOnly = true)
    public List<RatingView> ratings(Actor actor, Long agentId, Instant from, Instant to) {
        if (!AnswerReviews.isReviewer(actor) && (agentId == null || agentId != actor.id())) {
            throw DomainException.forbidden("quality.error.notReviewer");
        }
        Instant now = clock.instant();
        Map<String, Object> p = new HashMap<>();
        p.put("from", Sql.ts(from == null ? Instant.EPOCH : from));
        p.put("to", Sql.ts(to == null ? Instant.parse("9999-01-01T00:00:00Z") : to));
        p.put("agent", agentId == null ? -1L : agentId);
        return jdbc.sql("select r.*, q.expires_at from quality_rating r join quality_rating_request q on q.id = r.request_id "
                        + "where r.created_at >= :from and r.created_at < :to and (:agent = -1 or r.agent_id = :agent) "
                        + "order by r.created_at desc, r.id desc").params(p)
                .query((rs, n) -> rating(rs, Sql.instant(rs, "expires_at"), now)).list();
    }

    // ------------------------------------------------------------------ follow-ups

    private static void requireLead(Actor actor) {
        if (!actor.has(Role.TEAM_LEAD) && !actor.has(Role.ADMIN)) {
            throw DomainException.forbidden("quality.error.notLead");
        }
    }

    /** Follow-ups of low ratings (team leads): OPEN ones oldest first, DONE newest first, all when state is null. */
    @Transactional(readOnly = true)
    public List<FollowUpView> followUps(Actor actor, FollowUpView.State state) {
        requireLead(actor);
        String where = state == null ? "1 = 1" : "f.state = '" + state.name() + "'";
        String order = state == FollowUpView.State.OPEN ? "f.created_at, f.id" : "f.created_at desc, f.id desc";
        Map<Long, String> names = new HashMap<>();
        return jdbc.sql("select f.*, r.scale from quality_follow_up f join quality_rating r on r.id = f.rating_id where " + where
                        + " order by " + order)
                .query((rs, n) -> {
                    long ticketId = rs.getLong("ticket_id");
                    Long agentId = Sql.longOrNull(rs, "agent_id");
                    Long doneBy = Sql.longOrNull(rs, "done_by");
                    return new FollowUpView(rs.getLong("id"), rs.getLong("rating_id"), ticketId, TicketNumber.format(ticketId),
                            agentId, name(names, agentId), rs.getInt("score"), RatingScale.valueOf(rs.getString("scale")),
                            rs.getString("comment"), Sql.instant(rs, "created_at"),
                            FollowUpView.State.valueOf(rs.getString("state")), rs.getString("notes"),
                            Sql.instant(rs, "done_at"), name(names, doneBy));
                }).list();
    }

    /** A team lead marks a follow-up done with what they did. */
    public FollowUpView done(Actor actor, long id, String notes) {
        requireLead(actor);
        if (notes == null || notes.isBlank()) {
            throw DomainException.invalid("notes", "linia.validation.required");
        }
        if (notes.length() > 4000) {
            throw DomainException.invalid("notes", "quality.error.tooLong", 4000);
        }
        String state = jdbc.sql("select state from quality_follow_up where id = ?").param(id).query(String.class).optional()
                .orElseThrow(() -> DomainException.notFound("quality.error.noFollowUp", id));
        if (!"OPEN".equals(state)) {
            throw DomainException.conflict("quality.error.followUpDone");
        }
        jdbc.sql("update quality_follow_up set state = 'DONE', notes = ?, done_at = ?, done_by = ? where id = ?")
                .params(notes.strip(), Sql.ts(clock.instant()), actor.id(), id).update();
        return followUps(actor, null).stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }

    private String name(Map<Long, String> cache, Long id) {
        return id == null ? null : cache.computeIfAbsent(id, k -> users.user(k).map(UserRef::displayName).orElse("#" + k));
    }
}
