package io.linia.recovery.directory;

import io.linia.accounts.Actor;
import io.linia.recovery.AccountDirectory;
import io.linia.recovery.BlockReason;
import io.linia.recovery.DirectoryActionResult;
import io.linia.recovery.EmbeddedMailboxes;
import io.linia.recovery.MailboxAddress;
import io.linia.recovery.MailboxFacts;
import io.linia.recovery.PasswordMatch;
import io.linia.shared.DomainException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account directory kept in Linia's own tables (V22): what runs the whole recovery flow without a
 * mail platform, on the demo mailboxes. Hashes stay inside this class; an action is recorded in
 * {@code directory_action} and applied to the mailbox (a pending reset link, or the block lifted).
 */
class EmbeddedAccountDirectory implements AccountDirectory, EmbeddedMailboxes {

    static final int MAX_REASON = 1000;
    private static final int FREQUENT_CONTACTS = 20;
    private static final int LAST_LOGINS = 10;
    /** Spring Security's {id}hash form: the id names the algorithm, the hash carries its own salt. */
    private static final Pattern SALTED_HASH = Pattern.compile("\\{(bcrypt|argon2@SpringSecurity_v5_8|pbkdf2@SpringSecurity_v5_8|scrypt@SpringSecurity_v5_8)}.+");

    private final JdbcClient jdbc;
    private final PasswordEncoder hashes;
    private final Clock clock;
    private final Duration resetLinkValidity;

    EmbeddedAccountDirectory(JdbcClient jdbc, PasswordEncoder hashes, Clock clock, Duration resetLinkValidity) {
        this.jdbc = jdbc;
        this.hashes = hashes;
        this.clock = clock;
        this.resetLinkValidity = resetLinkValidity;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MailboxFacts> facts(String address) {
        String key = MailboxAddress.parse("address", address).value();
        Instant now = clock.instant();
        return jdbc.sql("""
                        select address, blocked, block_reason, blocked_at, registered_on, registration_city, phone, spare_email,
                               reset_contact, reset_expires_at
                        from directory_mailbox where address = ?""")
                .param(key)
                .query((rs, n) -> facts(rs, now))
                .optional();
    }

    private MailboxFacts facts(ResultSet rs, Instant now) throws SQLException {
        String key = rs.getString("address");
        String reason = rs.getString("block_reason");
        Instant resetExpires = instant(rs, "reset_expires_at");
        MailboxFacts.PendingReset pending = resetExpires != null && resetExpires.isAfter(now)
                ? new MailboxFacts.PendingReset(Masks.email(rs.getString("reset_contact")), resetExpires) : null;
        List<String> folders = jdbc.sql("select name from directory_folder where address = ? order by name")
                .param(key).query(String.class).list();
        List<MailboxFacts.Contact> contacts = jdbc.sql("""
                        select contact_address, display_name, messages from directory_contact where address = ?
                        order by messages desc, contact_address limit ?""")
                .params(key, FREQUENT_CONTACTS).query((c, i) -> new MailboxFacts.Contact(c.getString(1), c.getString(2), c.getInt(3)))
                .list();
        List<MailboxFacts.Filter> filters = jdbc.sql("select name, description from directory_filter where address = ? order by id")
                .param(key).query((f, i) -> new MailboxFacts.Filter(f.getString(1), f.getString(2))).list();
        List<MailboxFacts.Login> logins = jdbc.sql("""
                        select at, country, client from directory_login where address = ? order by at desc limit ?""")
                .params(key, LAST_LOGINS).query((l, i) -> new MailboxFacts.Login(l.getTimestamp(1).toInstant(), l.getString(2), l.getString(3)))
                .list();
        Date registered = rs.getDate("registered_on");
        return new MailboxFacts(key, rs.getBoolean("blocked"), reason == null ? null : BlockReason.valueOf(reason),
                instant(rs, "blocked_at"), registered.toLocalDate(), rs.getString("registration_city"),
                Masks.phone(rs.getString("phone")), Masks.email(rs.getString("spare_email")),
                folders, contacts, filters, logins, pending);
    }

    @Override
    @Transactional(readOnly = true)
    public PasswordMatch matchPassword(String address, String candidate) {
        String key = MailboxAddress.parse("address", address).value();
        if (candidate == null || candidate.isEmpty()) {
            throw DomainException.invalid("password", "recovery.password.required");
        }
        if (candidate.length() > 128) {
            throw DomainException.invalid("password", "recovery.password.tooLong", 128);
        }
        List<StoredPassword> history = jdbc.sql("select hash, used_from, used_until from directory_password where address = ? order by used_from")
                .param(key)
                .query((rs, n) -> new StoredPassword(rs.getString(1), rs.getDate(2).toLocalDate(),
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate()))
                .list();
        // every hash is checked, whatever matched first: the time taken tells nothing about which one did
        StoredPassword found = null;
        for (StoredPassword stored : history) {
            boolean matches = hashes.matches(candidate, stored.hash());
            if (matches && found == null) {
                found = stored;
            }
        }
        return found == null ? PasswordMatch.none()
                : new PasswordMatch(true, found.usedUntil() == null, found.usedFrom(), found.usedUntil());
    }

    private record StoredPassword(String hash, LocalDate usedFrom, LocalDate usedUntil) {
    }

    @Override
    @Transactional
    public DirectoryActionResult sendResetLink(String address, String newContactAddress, Actor actor, String reason) {
        String key = MailboxAddress.parse("address", address).value();
        String contact = MailboxAddress.parse("contactAddress", newContactAddress).value();
        if (contact.equals(key)) {
            throw DomainException.invalid("contactAddress", "recovery.contact.sameAsMailbox");
        }
        String why = reason(reason);
        requireMailbox(key);
        Instant now = clock.instant();
        Instant expires = now.plus(resetLinkValidity);
        jdbc.sql("update directory_mailbox set reset_contact = ?, reset_expires_at = ?, updated_at = ? where address = ?")
                .params(contact, Timestamp.from(expires), Timestamp.from(now), key).update();
        long id = record(key, DirectoryActionResult.Kind.RESET_LINK, contact, actor, why, now, expires);
        return new DirectoryActionResult(id, DirectoryActionResult.Kind.RESET_LINK, key, now, expires);
    }

    @Override
    @Transactional
    public DirectoryActionResult unblock(String address, Actor actor, String reason) {
        String key = MailboxAddress.parse("address", address).value();
        String why = reason(reason);
        requireMailbox(key);
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                        update directory_mailbox set blocked = false, block_reason = null, blocked_at = null, updated_at = ?
                        where address = ? and blocked = true""")
                .params(Timestamp.from(now), key).update();
        if (changed == 0) {
            throw DomainException.conflict("recovery.unblock.notBlocked", key);
        }
        long id = record(key, DirectoryActionResult.Kind.UNBLOCK, null, actor, why, now, null);
        return new DirectoryActionResult(id, DirectoryActionResult.Kind.UNBLOCK, key, now, null);
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason", "recovery.reason.required");
        }
        String why = reason.strip();
        if (why.length() > MAX_REASON) {
            throw DomainException.invalid("reason", "recovery.reason.tooLong", MAX_REASON);
        }
        return why;
    }

    private void requireMailbox(String key) {
        boolean exists = jdbc.sql("select count(*) from directory_mailbox where address = ?").param(key)
                .query(Long.class).single() > 0;
        if (!exists) {
            throw DomainException.notFound("recovery.mailbox.notFound", key);
        }
    }

    private long record(String key, DirectoryActionResult.Kind kind, String contact, Actor actor, String reason,
                        Instant at, Instant expires) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into directory_action (address, kind, new_contact, actor_id, actor_name, reason, at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(key, kind.name(), contact, actor.id(), actor.name(), reason, Timestamp.from(at),
                        expires == null ? null : Timestamp.from(expires))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    @Override
    @Transactional
    public boolean register(Mailbox mailbox) {
        String key = MailboxAddress.parse("address", mailbox.address()).value();
        boolean exists = jdbc.sql("select count(*) from directory_mailbox where address = ?").param(key)
                .query(Long.class).single() > 0;
        if (exists) {
            return false;
        }
        for (Password p : mailbox.passwords()) {
            if (!SALTED_HASH.matcher(p.hash()).matches()) {
                throw new IllegalArgumentException("a password must be a salted hash in {id}hash form");
            }
        }
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into directory_mailbox (address, registered_on, registration_city, phone, spare_email, blocked,
                            block_reason, blocked_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(key, Date.valueOf(mailbox.registeredOn()), mailbox.registrationCity(), mailbox.phone(),
                        mailbox.spareEmail() == null ? null : MailboxAddress.parse("spareEmail", mailbox.spareEmail()).value(),
                        mailbox.blockReason() != null, mailbox.blockReason() == null ? null : mailbox.blockReason().name(),
                        mailbox.blockedAt() == null ? null : Timestamp.from(mailbox.blockedAt()), Timestamp.from(now))
                .update();
        for (Password p : mailbox.passwords()) {
            jdbc.sql("insert into directory_password (address, hash, used_from, used_until) values (?, ?, ?, ?)")
                    .params(key, p.hash(), Date.valueOf(p.usedFrom()), p.usedUntil() == null ? null : Date.valueOf(p.usedUntil()))
                    .update();
        }
        for (String folder : mailbox.folders()) {
            jdbc.sql("insert into directory_folder (address, name) values (?, ?)").params(key, folder).update();
        }
        for (Contact c : mailbox.contacts()) {
            jdbc.sql("insert into directory_contact (address, contact_address, display_name, messages) values (?, ?, ?, ?)")
                    .params(key, MailboxAddress.parse("contact", c.address()).value(), c.displayName(), c.messages()).update();
        }
        for (Filter f : mailbox.filters()) {
            jdbc.sql("insert into directory_filter (address, name, description) values (?, ?, ?)")
                    .params(key, f.name(), f.description()).update();
        }
        for (Login l : mailbox.logins()) {
            jdbc.sql("insert into directory_login (address, at, country, client) values (?, ?, ?, ?)")
                    .params(key, Timestamp.from(l.at()), l.country(), l.client()).update();
        }
        return true;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
