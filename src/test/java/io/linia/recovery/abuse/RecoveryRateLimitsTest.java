package io.linia.recovery.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rate limits of the questionnaire per mailbox, contact address and IP address: each counted on its own within its
 * sliding window, refused with the time until it passes, and not slipped under by concurrent requests.
 */
@AbuseTestContext
class RecoveryRateLimitsTest {

    @Autowired
    RecoveryRateLimits limits;
    @Autowired
    AbuseTestContext.Moving clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Refusals refusals;
    @Autowired
    RateLimitProperties settings;
    @Autowired
    UploadLimits uploadLimits;

    TransactionTemplate tx;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-11-23T07:00:00Z"));
        tx = new TransactionTemplate(transactions);
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    // each test its own keys: the context (and its store) is shared
    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru";
    }

    private static String uniqueIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private static String uniqueIpv6Prefix() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format("2001:db8:%x:%x:", r.nextInt(1, 0xffff), r.nextInt(1, 0xffff));
    }

    /** One accepted questionnaire: checked, then recorded, in one transaction. */
    private void submit(String mailbox, String contact, String ip) {
        tx.executeWithoutResult(s -> {
            limits.check(mailbox, contact, ip);
            limits.record(mailbox, contact, ip);
        });
    }

    private DomainException refusal(String mailbox, String contact, String ip) {
        try {
            submit(mailbox, contact, ip);
        } catch (DomainException e) {
            return e;
        }
        throw new AssertionError("expected a refusal for " + mailbox + " / " + contact + " / " + ip);
    }

    @Test
    void theShippedSettingsAreTheDocumentedDefaults() {
        assertThat(settings).isEqualTo(new RateLimitProperties(RateLimitProperties.DEFAULT_PER_MAILBOX,
                RateLimitProperties.DEFAULT_PER_CONTACT, RateLimitProperties.DEFAULT_PER_IP));
        assertThat(settings.perIp()).isEqualTo(new RateLimitProperties.Limit(10, Duration.ofHours(1)));
        assertThat(uploadLimits).isEqualTo(UploadLimits.defaults());
    }

    @Test
    void theFourthRequestForOneMailboxInADayIsRefusedWhateverTheContactAndIp() {
        String mailbox = unique("anna");
        submit(mailbox, unique("c1"), uniqueIp());
        clock.advance(Duration.ofHours(1));
        submit(mailbox, unique("c2"), uniqueIp());
        clock.advance(Duration.ofHours(1));
        submit(mailbox, unique("c3"), uniqueIp());
        clock.advance(Duration.ofHours(1));

        DomainException e = refusal(mailbox, unique("c4"), uniqueIp());
        assertThat(e.kind()).isEqualTo(DomainException.Kind.TOO_MANY_REQUESTS);
        assertThat(e.field()).isEqualTo("mailbox");
        assertThat(e.messageKey()).isEqualTo("recoveryAbuse.limit.mailbox");
        // the first of the three leaves the day's window 21 hours from now
        assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(21));
        assertThat(e.retryAfterSeconds()).isEqualTo(21 * 3600L);
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ru"));
        assertThat(refusals.explain(e)).isEqualTo("По этому почтовому ящику уже подано заявок: 3 за 24 ч — больше нельзя. Повторить можно через 21 ч.");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(refusals.explain(e)).isEqualTo("This mailbox has reached its limit of 3 requests per 24 h. You can try again in 21 h.");

        // another mailbox from the same contact and IP is not affected by this one's limit
        submit(unique("boris"), unique("c5"), uniqueIp());
    }

    @Test
    void theContactAddressIsLimitedOnItsOwnAndComparedTrimmedAndInLowerCase() {
        String contact = unique("helper");
        submit(unique("m1"), contact, uniqueIp());
        submit(unique("m2"), "  " + contact.toUpperCase(Locale.ROOT) + " ", uniqueIp());
        submit(unique("m3"), contact, uniqueIp());
        clock.advance(Duration.ofMinutes(10).plusSeconds(30));

        DomainException e = refusal(unique("m4"), " " + contact.toUpperCase(Locale.ROOT), uniqueIp());
        assertThat(e.field()).isEqualTo("contactEmail");
        assertThat(e.messageKey()).isEqualTo("recoveryAbuse.limit.contact");
        assertThat(e.retryAfter()).isEqualTo(Duration.ofDays(1).minusMinutes(10).minusSeconds(30));
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ru"));
        assertThat(refusals.explain(e)).endsWith("Повторить можно через 23 ч 50 мин.");
    }

    @Test
    void theEleventhRequestFromOneIpInAnHourIsRefused() {
        String ip = uniqueIp();
        for (int i = 0; i < 10; i++) {
            submit(unique("m" + i), unique("c" + i), ip);
            clock.advance(Duration.ofMinutes(5));
        }
        DomainException e = refusal(unique("m10"), unique("c10"), ip);
        assertThat(e.field()).isNull();
        assertThat(e.messageKey()).isEqualTo("recoveryAbuse.limit.ip");
        // the first left at 0 min, now is 50 min: 10 min until it leaves the hour
        assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(10));
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(refusals.explain(e)).isEqualTo("Your IP address has reached its limit of 10 requests per 1 h. You can try again in 10 min.");

        clock.advance(Duration.ofMinutes(10));
        submit(unique("m11"), unique("c11"), ip);
        DomainException again = refusal(unique("m12"), unique("c12"), ip);
        assertThat(again.retryAfter()).as("the second left at 5 min").isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void onceTheWindowHasPassedTheMailboxMayAskAgain() {
        String mailbox = unique("olga");
        Instant first = clock.instant();
        for (int i = 0; i < 3; i++) {
            submit(mailbox, unique("c" + i), uniqueIp());
        }
        clock.set(first.plus(Duration.ofDays(1)).minusSeconds(1));
        DomainException e = refusal(mailbox, unique("c"), uniqueIp());
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(e.retryAfterSeconds()).isEqualTo(1L);

        // all three were at the same instant: they leave the window together, and three may ask again
        clock.set(first.plus(Duration.ofDays(1)));
        submit(mailbox, unique("c"), uniqueIp());
        submit(mailbox, unique("c"), uniqueIp());
        submit(mailbox, unique("c"), uniqueIp());
        assertThat(refusal(mailbox, unique("c"), uniqueIp()).messageKey()).isEqualTo("recoveryAbuse.limit.mailbox");
    }

    @Test
    void ipv6AddressesCountByTheirSlash64Network() {
        String network = uniqueIpv6Prefix();
        for (int i = 1; i <= 10; i++) {
            // the same subscriber's network: any host part, written any way
            String ip = i % 2 == 0 ? network + ":" + Integer.toHexString(i) : "[" + network.toUpperCase(Locale.ROOT) + "0:0:0:" + i + "]";
            submit(unique("m" + i), unique("c" + i), ip);
        }
        assertThat(refusal(unique("m"), unique("c"), network + "beef:1:2:3").messageKey()).isEqualTo("recoveryAbuse.limit.ip");
        // the neighbouring /64 is someone else
        String neighbour = network.substring(0, network.length() - 1) + "1:";
        if (neighbour.equals(network)) {
            neighbour = network.substring(0, network.length() - 1) + "2:";
        }
        submit(unique("m"), unique("c"), neighbour + ":1");
    }

    @Test
    void networksAreIpv4AddressesAndIpv6PrefixesNeverNames() {
        assertThat(RecoveryRateLimits.network(" 192.168.1.20 ")).isEqualTo("v4:192.168.1.20");
        assertThat(RecoveryRateLimits.network("::ffff:192.168.1.20")).isEqualTo("v4:192.168.1.20");
        assertThat(RecoveryRateLimits.network("2001:DB8:0:1::5")).isEqualTo("v6/64:20010db800000001");
        assertThat(RecoveryRateLimits.network("[2001:db8:0:1:ffff:1:2:3]")).isEqualTo("v6/64:20010db800000001");
        assertThat(RecoveryRateLimits.network("fe80::1%eth0")).isEqualTo("v6/64:fe80000000000000");
        assertThat(RecoveryRateLimits.network("999.1.1.1")).isEqualTo("text:999.1.1.1");
        assertThat(RecoveryRateLimits.network("example.org")).isEqualTo("text:example.org");
        assertThat(RecoveryRateLimits.network("1:2:3:4:5:6:7:8:9")).isEqualTo("text:1:2:3:4:5:6:7:8:9");
        assertThat(RecoveryRateLimits.network("  ")).isNull();
        assertThat(RecoveryRateLimits.normalisedAddress(" Anna@Mail.RU ")).isEqualTo("anna@mail.ru");
    }

    @Test
    void keysAreStoredAsHashesOfTheirNormalisedForm() {
        String mailbox = unique("secret");
        String ip = uniqueIp();
        submit(" " + mailbox.toUpperCase(Locale.ROOT), unique("c"), ip);
        String hash = HexFormat.of().formatHex(ProofOfWork.sha256(mailbox));
        assertThat(jdbc.queryForObject("select count(*) from recovery_attempt where key_kind = 'MAILBOX' and key_hash = ?",
                Integer.class, hash)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from recovery_attempt where key_kind = 'IP' and key_hash = ?",
                Integer.class, HexFormat.of().formatHex(ProofOfWork.sha256("v4:" + ip)))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from recovery_attempt where key_hash like '%@%'", Integer.class)).isZero();
    }

    @Test
    void aRefusalRecordsNothingAndBlankKeysAreNotLimited() {
        String mailbox = unique("ivan");
        for (int i = 0; i < 3; i++) {
            submit(mailbox, null, uniqueIp());
        }
        int before = jdbc.queryForObject("select count(*) from recovery_attempt", Integer.class);
        refusal(mailbox, " ", uniqueIp());
        assertThat(jdbc.queryForObject("select count(*) from recovery_attempt", Integer.class)).isEqualTo(before);
    }

    @Test
    void aCallerThatCatchesTheRefusalStillCommitsItsTransaction() {
        String mailbox = unique("caught");
        for (int i = 0; i < 3; i++) {
            submit(mailbox, unique("c" + i), uniqueIp());
        }
        String refused = tx.execute(s -> {
            try {
                limits.check(mailbox, unique("c"), uniqueIp());
                return "passed";
            } catch (DomainException e) {
                // e.g. the questionnaire page shows the form again with the message
                return e.messageKey();
            }
        });
        assertThat(refused).isEqualTo("recoveryAbuse.limit.mailbox");
    }

    @Test
    void checkAndRecordNeedTheCallersTransaction() {
        assertThatThrownBy(() -> limits.check(unique("x"), unique("y"), uniqueIp())).isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> limits.record(unique("x"), unique("y"), uniqueIp())).isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void ofEightConcurrentRequestsForOneMailboxExactlyThreePass() throws Exception {
        for (int round = 0; round < 2; round++) {
            String mailbox = unique("race");
            int threads = 8;
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<String>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    String contact = unique("c" + t);
                    String ip = uniqueIp();
                    Callable<String> request = () -> {
                        start.await(10, TimeUnit.SECONDS);
                        try {
                            tx.executeWithoutResult(s -> {
                                limits.check(mailbox, contact, ip);
                                // the caller's work between the two (creating the ticket): others overlap it
                                sleep(40);
                                limits.record(mailbox, contact, ip);
                            });
                            return "passed";
                        } catch (DomainException e) {
                            return e.messageKey();
                        }
                    };
                    results.add(pool.submit(request));
                }
                List<String> outcomes = new ArrayList<>();
                for (Future<String> result : results) {
                    outcomes.add(result.get(60, TimeUnit.SECONDS));
                }
                assertThat(outcomes).filteredOn("passed"::equals).hasSize(3);
                assertThat(outcomes).filteredOn("recoveryAbuse.limit.mailbox"::equals).hasSize(5);
                assertThat(jdbc.queryForObject("select count(*) from recovery_attempt where key_kind = 'MAILBOX' and key_hash = ?",
                        Integer.class, HexFormat.of().formatHex(ProofOfWork.sha256(mailbox)))).isEqualTo(3);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void attemptsPastTheirWindowAreForgotten() {
        String mailbox = unique("old");
        String ip = uniqueIp();
        submit(mailbox, unique("c"), ip);
        String mailboxHash = HexFormat.of().formatHex(ProofOfWork.sha256(mailbox));
        String ipHash = HexFormat.of().formatHex(ProofOfWork.sha256("v4:" + ip));

        clock.advance(Duration.ofHours(1));
        limits.forgetOld();
        assertThat(jdbc.queryForObject("select count(*) from recovery_attempt where key_hash = ?", Integer.class, ipHash))
                .as("the hour has passed for the IP").isZero();
        assertThat(jdbc.queryForObject("select count(*) from recovery_attempt where key_hash = ?", Integer.class, mailboxHash))
                .as("the mailbox's day has not").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from recovery_limit_key where key_hash = ?", Integer.class, ipHash))
                .as("keys stay for the longest window").isEqualTo(1);

        clock.advance(Duration.ofHours(23));
        assertThat(limits.forgetOld()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from recovery_attempt where key_hash in (?, ?)", Integer.class, mailboxHash, ipHash)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from recovery_limit_key where key_hash in (?, ?)", Integer.class, mailboxHash, ipHash)).isZero();
        // and a key whose row is gone works as new
        submit(mailbox, unique("c"), ip);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
