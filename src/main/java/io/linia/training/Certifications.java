package io.linia.training;

import io.linia.accounts.Actor;
import io.linia.shared.DomainException;
import io.linia.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The certification register. Passing a programme grants the certification of its target (the first line or
 * a group; rotation courses grant none) from that moment for the programme's validity (null: no end). A team
 * lead or administrator revokes one with a reason; a periodic pass records expiry. Every change publishes
 * {@link CertificationChanged}. A certification holds at an instant when granted before it, not revoked before
 * it and valid past it.
 */
@Service
@Transactional
public class Certifications {

    private static final String SELECT = "select c.*, p.name programme_name from training_certification c"
            + " left join training_programme p on p.id = c.programme_id ";

    private final TrainingStore store;
    private final ApplicationEventPublisher events;
    private final TrainingProperties settings;
    private final Clock clock;

    Certifications(TrainingStore store, ApplicationEventPublisher events, TrainingProperties settings, Clock clock) {
        this.store = store;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether the user holds the target's certification at {@code at}. */
    @Transactional(readOnly = true)
    public boolean holds(long userId, CertificationTarget target, Instant at) {
        return !holders(target, at, Set.of(userId)).isEmpty();
    }

    /** Which users hold the target's certification at {@code at}: one query for a whole queue. */
    @Transactional(readOnly = true)
    public Set<Long> holders(CertificationTarget target, Instant at) {
        return holders(target, at, null);
    }

    private Set<Long> holders(CertificationTarget target, Instant at, Set<Long> among) {
        String sql = "select distinct user_id from training_certification where target = :t"
                + (target.groupId() == null ? " and group_id is null" : " and group_id = :g")
                + " and granted_at <= :at and (valid_until is null or valid_until > :at) and (revoked_at is null or revoked_at > :at)"
                + (among == null ? "" : " and user_id in (:users)");
        var spec = store.jdbc().sql(sql).param("t", target.kind().name()).param("at", SqlTime.at(at));
        if (target.groupId() != null) {
            spec = spec.param("g", target.groupId());
        }
        if (among != null) {
            spec = spec.param("users", among);
        }
        return new LinkedHashSet<>(spec.query(Long.class).list());
    }

    /** The register (team leads, administrators and trainers), newest first. */
    @Transactional(readOnly = true)
    public List<CertificationView> register(Actor actor) {
        if (!Access.oversees(actor) && !TrainingProgrammes.mayEdit(actor)) {
            throw DomainException.forbidden("training.error.leadsOnly");
        }
        Instant now = clock.instant();
        return store.jdbc().sql(SELECT + "order by c.granted_at desc, c.id desc").query((rs, n) -> view(rs, now)).list();
    }

    /** One user's certifications (the user themselves, their trainer, team leads, administrators), oldest first. */
    @Transactional(readOnly = true)
    public List<CertificationView> of(long userId) {
        Instant now = clock.instant();
        return store.jdbc().sql(SELECT + "where c.user_id = :u order by c.granted_at, c.id").param("u", userId)
                .query((rs, n) -> view(rs, now)).list();
    }

    public CertificationView revoke(Actor actor, long id, String reason) {
        Access.requireOverseer(actor);
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason", "training.error.reasonRequired");
        }
        if (reason.strip().length() > 500) {
            throw DomainException.invalid("reason", "training.error.tooLong", 500);
        }
        CertificationView c = get(id);
        if (!c.active()) {
            throw DomainException.conflict("training.error.certificationNotActive", id);
        }
        Instant now = clock.instant();
        store.jdbc().sql("update training_certification set revoked_at = :at, revoked_by_name = :by, revoke_reason = :r where id = :id")
                .param("at", SqlTime.at(now)).param("by", actor.name()).param("r", reason.strip()).param("id", id).update();
        events.publishEvent(new CertificationChanged(id, c.userId(), c.target(), CertificationChanged.Change.REVOKED, now, c.validUntil(),
                reason.strip()));
        return get(id);
    }

    /** Records every certification whose validity has ended and publishes EXPIRED for each; returns how many. */
    @Scheduled(fixedDelayString = "${linia.training.expire-every:PT15M}", initialDelayString = "${linia.training.expire-every:PT15M}")
    public int expire() {
        Instant now = clock.instant();
        record Due(long id, long userId, CertificationTarget target, Instant validUntil) {
        }
        List<Due> due = store.jdbc().sql("select id, user_id, target, group_id, valid_until from training_certification"
                        + " where valid_until <= :at and expired_at is null and revoked_at is null order by id")
                .param("at", SqlTime.at(now))
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), new CertificationTarget(TargetKind.valueOf(rs.getString(3)),
                        TrainingStore.bigint(rs, "group_id")), SqlTime.instant(rs, "valid_until"))).list();
        for (Due d : due) {
            store.jdbc().sql("update training_certification set expired_at = :at where id = :id").param("at", SqlTime.at(d.validUntil()))
                    .param("id", d.id()).update();
            events.publishEvent(new CertificationChanged(d.id(), d.userId(), d.target(), CertificationChanged.Change.EXPIRED, d.validUntil(),
                    d.validUntil(), null));
        }
        return due.size();
    }

    /** A passed programme's certification, valid from {@code at} for {@code validityMonths} (null: no end). */
    CertificationView grant(long userId, String userName, CertificationTarget target, Long programmeId, Long enrolmentId,
                            Integer validityMonths, Instant at) {
        Instant until = validityMonths == null ? null : ZonedDateTime.ofInstant(at, settings.zone()).plusMonths(validityMonths).toInstant();
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("u", userId);
        p.put("n", userName);
        p.put("t", target.kind().name());
        p.put("g", target.groupId());
        p.put("p", programmeId);
        p.put("e", enrolmentId);
        p.put("at", SqlTime.at(at));
        p.put("until", SqlTime.at(until));
        long id = store.insert("insert into training_certification (user_id, user_name, target, group_id, programme_id, enrolment_id,"
                + " granted_at, valid_until) values (:u, :n, :t, :g, :p, :e, :at, :until)", p);
        events.publishEvent(new CertificationChanged(id, userId, target, CertificationChanged.Change.GRANTED, at, until, null));
        return get(id);
    }

    private CertificationView get(long id) {
        Instant now = clock.instant();
        return store.jdbc().sql(SELECT + "where c.id = :id").param("id", id).query((rs, n) -> view(rs, now)).optional()
                .orElseThrow(() -> DomainException.notFound("training.error.certificationNotFound", id));
    }

    private static CertificationView view(ResultSet rs, Instant now) throws SQLException {
        Instant granted = SqlTime.instant(rs, "granted_at");
        Instant until = SqlTime.instant(rs, "valid_until");
        Instant revoked = SqlTime.instant(rs, "revoked_at");
        boolean active = !granted.isAfter(now) && (until == null || until.isAfter(now)) && (revoked == null || revoked.isAfter(now));
        return new CertificationView(rs.getLong("id"), rs.getLong("user_id"), rs.getString("user_name"),
                new CertificationTarget(TargetKind.valueOf(rs.getString("target")), TrainingStore.bigint(rs, "group_id")),
                TrainingStore.bigint(rs, "programme_id"), rs.getString("programme_name"), TrainingStore.bigint(rs, "enrolment_id"),
                granted, until, revoked, rs.getString("revoked_by_name"), rs.getString("revoke_reason"),
                SqlTime.instant(rs, "expired_at"), active);
    }
}
