package io.linia.recovery.requests;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.recovery.audit.AuditAction;
import io.linia.recovery.audit.RecoveryAuditLog;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.training.CertificationTarget;
import io.linia.training.Certifications;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may decide on recovery requests: an agent of the access-recovery group (or a team lead) holding the
 * recovery certification — passed the recovery group's training programme (the training register), or granted
 * here by a team lead or admin, with an optional end date (for a desk that certifies outside Linia); revoking
 * keeps the record.
 */
@Service
@Transactional
public class RecoveryDeciders {

    /** A certification: active when not revoked and not past its end date. */
    public record Certification(long id, long userId, String userName, String grantedBy, Instant grantedAt, LocalDate validUntil,
                                Instant revokedAt, String revokedBy, boolean active) {
    }

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final RoutingDirectory routing;
    private final RecoveryRequestProperties settings;
    private final RecoveryAuditLog audit;
    private final Certifications training;
    private final Clock clock;

    RecoveryDeciders(JdbcClient jdbc, UserDirectory users, RoutingDirectory routing, RecoveryRequestProperties settings,
                     RecoveryAuditLog audit, Certifications training, Clock clock) {
        this.training = training;
        this.jdbc = jdbc;
        this.users = users;
        this.routing = routing;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** The access-recovery group, when the desk has it. */
    @Transactional(readOnly = true)
    public Optional<GroupRef> group() {
        return routing.groupByCode(settings.groupCode()).filter(GroupRef::active);
    }

    /**
     * Whether {@code actor} may decide now: working the recovery group's tickets, and certified — by the training
     * register (the recovery group's programme passed, not revoked or expired) or by a certification granted here.
     */
    @Transactional(readOnly = true)
    public boolean mayDecide(Actor actor) {
        if (actor.isSystem()) {
            return false;
        }
        Optional<GroupRef> group = group();
        boolean works = actor.has(Role.TEAM_LEAD) || (actor.has(Role.AGENT_L2) && group.map(g -> actor.memberOf(g.id())).orElse(false));
        return works && (active(actor.id()).isPresent() || group.map(g -> trained(actor.id(), g.id())).orElse(false));
    }

    /** Whether the training register certifies the user for the recovery group now. */
    @Transactional(readOnly = true)
    public boolean trained(long userId, long groupId) {
        return training.holds(userId, CertificationTarget.group(groupId), clock.instant());
    }

    @Transactional(readOnly = true)
    public Optional<Certification> active(long userId) {
        return all().stream().filter(c -> c.userId() == userId && c.active()).findFirst();
    }

    @Transactional(readOnly = true)
    public List<Certification> all() {
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        return jdbc.sql("select * from recovery_decider order by user_name, id").query((rs, n) -> {
            Timestamp revoked = rs.getTimestamp("revoked_at");
            LocalDate until = rs.getObject("valid_until", LocalDate.class);
            return new Certification(rs.getLong("id"), rs.getLong("user_id"), rs.getString("user_name"),
                    rs.getString("granted_by_name"), rs.getTimestamp("granted_at").toInstant(), until,
                    revoked == null ? null : revoked.toInstant(), rs.getString("revoked_by_name"),
                    revoked == null && (until == null || !until.isBefore(today)));
        }).list();
    }

    public boolean mayManage(Actor actor) {
        return actor.has(Role.TEAM_LEAD) || actor.has(Role.ADMIN);
    }

    /** Grants the certification to {@code userId} (a second-line agent or a team lead), until {@code validUntil} (null: no end). */
    public Certification grant(Actor by, long userId, LocalDate validUntil) {
        if (!mayManage(by)) {
            throw DomainException.forbidden("recovery.decider.forbidden");
        }
        UserRef user = users.user(userId).filter(UserRef::enabled)
                .orElseThrow(() -> DomainException.invalid("userId", "linia.error.userNotFound", userId));
        if (!user.roles().contains(Role.AGENT_L2) && !user.roles().contains(Role.TEAM_LEAD)) {
            throw DomainException.invalid("userId", "recovery.decider.notSecondLine", user.displayName());
        }
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        if (validUntil != null && validUntil.isBefore(today)) {
            throw DomainException.invalid("validUntil", "recovery.decider.pastDate");
        }
        if (active(userId).isPresent()) {
            throw DomainException.conflict("recovery.decider.already", user.displayName());
        }
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into recovery_decider (user_id, user_name, granted_by_id, granted_by_name, granted_at, valid_until)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(userId, user.displayName(), by.id(), by.name(), Timestamp.from(now), validUntil).update();
        audit.record(by, AuditAction.DECIDER_GRANTED, null, null, null,
                user.displayName() + " (#" + userId + ")" + (validUntil == null ? "" : " → " + validUntil));
        return active(userId).orElseThrow();
    }

    /** Revokes a certification; the record stays. */
    public void revoke(Actor by, long certificationId) {
        if (!mayManage(by)) {
            throw DomainException.forbidden("recovery.decider.forbidden");
        }
        Certification c = all().stream().filter(x -> x.id() == certificationId).findFirst()
                .orElseThrow(() -> DomainException.notFound("recovery.decider.notFound", certificationId));
        if (c.revokedAt() != null) {
            throw DomainException.conflict("recovery.decider.revoked", c.userName());
        }
        jdbc.sql("update recovery_decider set revoked_at = ?, revoked_by_name = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), by.name(), certificationId).update();
        audit.record(by, AuditAction.DECIDER_REVOKED, null, null, null, c.userName() + " (#" + c.userId() + ")");
    }
}
