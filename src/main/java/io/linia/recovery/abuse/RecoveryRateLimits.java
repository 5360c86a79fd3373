package io.linia.recovery.abuse;

import io.linia.recovery.abuse.RateLimitProperties.Limit;
import io.linia.shared.DomainException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits on how often the public access-recovery questionnaire is accepted: per mailbox asked for, per contact
 * address and per IP address (IPv6 per /64 network), each within its own sliding window
 * ({@link RateLimitProperties}).
 *
 * <p>Use both methods in one transaction: {@link #check} before the questionnaire is accepted, {@link #record} once it
 * is. {@code check} locks a row per key ({@code select ... for update}, in a fixed order, so two requests never wait
 * for each other crosswise) until the transaction ends, so a second request on the same mailbox, contact or IP waits,
 * then counts the first one's attempt: N concurrent requests cannot all slip under a limit of N. The lock is the
 * database's, so it holds across nodes, on PostgreSQL and on H2 alike.
 *
 * <p>Keys are stored as the SHA-256 hex of their normalised form (addresses trimmed and lower-cased), so the tables
 * are no list of who asked for what; the limits only need to recognise the same key again.
 */
@Component
public class RecoveryRateLimits {

    /** What a limit counts by; the order is the order keys are locked in. */
    enum KeyKind {
        MAILBOX("mailbox", "recoveryAbuse.limit.mailbox"),
        CONTACT("contactEmail", "recoveryAbuse.limit.contact"),
        IP(null, "recoveryAbuse.limit.ip");

        private final String field;
        private final String messageKey;

        KeyKind(String field, String messageKey) {
            this.field = field;
            this.messageKey = messageKey;
        }
    }

    private record Key(KeyKind kind, String hash, Limit limit) {
    }

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final int LOCK_ATTEMPTS = 5;

    private final RateLimitProperties settings;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    RecoveryRateLimits(RateLimitProperties settings, JdbcTemplate jdbc, Clock clock) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Refuses ({@link DomainException.Kind#TOO_MANY_REQUESTS}, with the time until the request would pass) when the
     * mailbox, the contact address or the IP address already reached its limit within its window. The refusal names
     * the field ({@code mailbox}, {@code contactEmail}; none for the IP address) and the limit; when several limits
     * are reached, the one that lasts longest. Blank values are not limited. Needs the caller's transaction, which
     * holds the keys' locks until it ends; a refusal does not mark it for rollback.
     */
    @Transactional(propagation = Propagation.MANDATORY, noRollbackFor = DomainException.class)
    public void check(String mailbox, String contactEmail, String ip) {
        Instant now = clock.instant();
        Key worst = null;
        Duration longestWait = Duration.ZERO;
        for (Key key : lock(mailbox, contactEmail, ip, now)) {
            Limit limit = key.limit();
            List<Instant> times = jdbc.query(
                    "select attempted_at from recovery_attempt where key_kind = ? and key_hash = ? and attempted_at > ? order by attempted_at",
                    (rs, i) -> rs.getTimestamp(1).toInstant(), key.kind().name(), key.hash(), Timestamp.from(now.minus(limit.window())));
            if (times.size() >= limit.max()) {
                // once this many of the oldest attempts have left the window, one fewer than the limit remain
                Instant passesAt = times.get(times.size() - limit.max()).plus(limit.window());
                Duration wait = Duration.between(now, passesAt);
                if (worst == null || wait.compareTo(longestWait) > 0) {
                    worst = key;
                    longestWait = wait;
                }
            }
        }
        if (worst != null) {
            throw DomainException.tooManyRequests(worst.kind().field, longestWait, worst.kind().messageKey,
                    worst.limit().max(), durationText(worst.limit().window()), durationText(longestWait));
        }
    }

    /** Counts an accepted questionnaire against its mailbox, contact address and IP address, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String mailbox, String contactEmail, String ip) {
        Instant now = clock.instant();
        List<Key> keys = lock(mailbox, contactEmail, ip, now);
        jdbc.batchUpdate("insert into recovery_attempt (key_kind, key_hash, attempted_at) values (?, ?, ?)", keys, keys.size(),
                (ps, key) -> {
                    ps.setString(1, key.kind().name());
                    ps.setString(2, key.hash());
                    ps.setTimestamp(3, Timestamp.from(now));
                });
        jdbc.batchUpdate("update recovery_limit_key set last_at = ? where key_kind = ? and key_hash = ?", keys, keys.size(),
                (ps, key) -> {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setString(2, key.kind().name());
                    ps.setString(3, key.hash());
                });
    }

    /**
     * Attempts that left their limit's window, and keys without attempts since the longest window, are deleted.
     * Single statements, so every node may run it; a request whose key row goes meanwhile creates it again.
     */
    @Scheduled(fixedDelayString = "${linia.recovery.abuse.clean-every:PT1H}", initialDelayString = "${linia.recovery.abuse.clean-every:PT1H}")
    public int forgetOld() {
        Instant now = clock.instant();
        int deleted = 0;
        for (KeyKind kind : KeyKind.values()) {
            deleted += jdbc.update("delete from recovery_attempt where key_kind = ? and attempted_at <= ?", kind.name(),
                    Timestamp.from(now.minus(limitOf(kind).window())));
        }
        jdbc.update("delete from recovery_limit_key where last_at <= ? and not exists (select 1 from recovery_attempt a"
                + " where a.key_kind = recovery_limit_key.key_kind and a.key_hash = recovery_limit_key.key_hash)",
                Timestamp.from(now.minus(settings.longestWindow())));
        return deleted;
    }

    private List<Key> lock(String mailbox, String contactEmail, String ip, Instant now) {
        List<Key> keys = new ArrayList<>(3);
        add(keys, KeyKind.MAILBOX, normalisedAddress(mailbox));
        add(keys, KeyKind.CONTACT, normalisedAddress(contactEmail));
        add(keys, KeyKind.IP, network(ip));
        keys.sort(Comparator.comparing(Key::kind).thenComparing(Key::hash));
        for (Key key : keys) {
            lock(key, now);
        }
        return keys;
    }

    private void add(List<Key> keys, KeyKind kind, String normalised) {
        if (normalised != null) {
            keys.add(new Key(kind, HexFormat.of().formatHex(ProofOfWork.sha256(normalised)), limitOf(kind)));
        }
    }

    private void lock(Key key, Instant now) {
        for (int attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
            try {
                jdbc.update("insert into recovery_limit_key (key_kind, key_hash, last_at) values (?, ?, ?) on conflict do nothing",
                        key.kind().name(), key.hash(), Timestamp.from(now));
            } catch (DataIntegrityViolationException e) {
                // H2: another transaction inserted the same key meanwhile; the row exists, lock it below
            }
            // empty only when the clean-up deleted the row between the two statements: then insert it again
            if (!jdbc.queryForList("select key_kind from recovery_limit_key where key_kind = ? and key_hash = ? for update",
                    String.class, key.kind().name(), key.hash()).isEmpty()) {
                return;
            }
        }
        throw new IllegalStateException("could not lock the rate-limit key " + key.kind() + " " + key.hash());
    }

    private Limit limitOf(KeyKind kind) {
        return switch (kind) {
            case MAILBOX -> settings.perMailbox();
            case CONTACT -> settings.perContact();
            case IP -> settings.perIp();
        };
    }

    /** An address as the limits compare it: trimmed, lower case; null when blank. */
    static String normalisedAddress(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        return address.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The network an IP address is limited by: an IPv4 address itself, an IPv6 address's /64 prefix (one subscriber's
     * network: an ISP hands out a /64 or more, and its owner can change the rest at will), an IPv4-mapped IPv6 address
     * as its IPv4 address. Anything else (a proxy's odd value) counts as its trimmed lower-case text; null when blank.
     * Never resolves a name.
     */
    static String network(String ip) {
        if (ip == null || ip.isBlank()) {
            return null;
        }
        String text = ip.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        var v4 = IPV4.matcher(text);
        if (v4.matches()) {
            StringBuilder address = new StringBuilder("v4:");
            for (int i = 1; i <= 4; i++) {
                int octet = Integer.parseInt(v4.group(i));
                if (octet > 255) {
                    return "text:" + text.toLowerCase(Locale.ROOT);
                }
                address.append(i > 1 ? "." : "").append(octet);
            }
            return address.toString();
        }
        if (IPV6.matcher(text).matches()) {
            try {
                // a literal with ':' is parsed, never looked up
                InetAddress address = InetAddress.getByName(text);
                byte[] bytes = address.getAddress();
                if (bytes.length == 4) {
                    return "v4:" + address.getHostAddress();
                }
                return "v6/64:" + HexFormat.of().formatHex(bytes, 0, 8);
            } catch (UnknownHostException e) {
                return "text:" + text.toLowerCase(Locale.ROOT);
            }
        }
        return "text:" + text.toLowerCase(Locale.ROOT);
    }

    /** A duration in words of the reader's language, rounded up to whole minutes: "2 ч 5 мин", "7 days". */
    static MessageSourceResolvable durationText(Duration duration) {
        long whole = duration.toMinutes();
        long minutes = Math.max(1, whole + (duration.minusMinutes(whole).isZero() ? 0 : 1));
        String code;
        Object[] args;
        if (minutes % (24 * 60) == 0 && minutes >= 2 * 24 * 60) {
            code = "recoveryAbuse.duration.days";
            args = new Object[] {String.valueOf(minutes / (24 * 60))};
        } else if (minutes < 60) {
            code = "recoveryAbuse.duration.minutes";
            args = new Object[] {String.valueOf(minutes)};
        } else if (minutes % 60 == 0) {
            code = "recoveryAbuse.duration.hours";
            args = new Object[] {String.valueOf(minutes / 60)};
        } else {
            code = "recoveryAbuse.duration.hoursMinutes";
            args = new Object[] {String.valueOf(minutes / 60), String.valueOf(minutes % 60)};
        }
        return new DefaultMessageSourceResolvable(new String[] {code}, args);
    }
}
