package io.linia.recovery.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.shared.DomainException;
import io.linia.support.MovingClock;
import io.linia.support.StoreTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log records in the caller's transaction at the clock's time and reads back by every filter, newest
 * first, in keyset pages; a detail longer than 2,000 characters and bad filters are refused. Each test acts as
 * actors of its own (ids no other test uses), so the shared log's other entries never disturb it.
 */
@StoreTest
@Import(RecoveryAuditLogTest.AuditClock.class)
@TestPropertySource(properties = {"linia.test.context=recovery-audit", "linia.test.pg.schema=ctx_audit"})
class RecoveryAuditLogTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class AuditClock {
        @Bean
        @Primary
        Moving auditClock() {
            return new Moving();
        }
    }

    static final class Moving extends MovingClock {
    }

    private static final AtomicLong ACTOR_IDS = new AtomicLong(7_000_000_000L + System.nanoTime() % 1_000_000_000L);

    @Autowired
    Moving clock;
    @Autowired
    RecoveryAuditLog audit;
    @Autowired
    TransactionTemplate transactions;

    static Actor actor(String name) {
        return new Actor(ACTOR_IDS.incrementAndGet(), name, Set.of(Role.AGENT_L2), Set.of());
    }

    static String mailbox() {
        return "box-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru";
    }

    AuditEntry record(Actor actor, AuditAction action, Long requestId, Long ticketId, String mailbox, String detail) {
        return transactions.execute(s -> audit.record(actor, action, requestId, ticketId, mailbox, detail));
    }

    <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(s -> work.get());
    }

    @Test
    void anEntryIsStoredWithTheClocksTimeAndReadBackAsRecorded() {
        Instant at = Instant.parse("2026-11-24T09:15:30.123456789Z");
        clock.set(at);
        Actor irina = actor("Ирина Л2");
        String box = mailbox();

        AuditEntry recorded = record(irina, AuditAction.DECISION_RESTORE, 41L, 1041L, box, "  оценка 0,82: 3 из 3 папок  ");

        assertThat(recorded.at()).isEqualTo(Instant.parse("2026-11-24T09:15:30.123456Z"));
        assertThat(recorded.detail()).isEqualTo("оценка 0,82: 3 из 3 папок");
        AuditPage page = audit.find(AuditQuery.newest(10).actorId(irina.id()));
        assertThat(page.entries()).containsExactly(new AuditEntry(recorded.id(), Instant.parse("2026-11-24T09:15:30.123456Z"),
                irina.id(), "Ирина Л2", AuditAction.DECISION_RESTORE, 41L, 1041L, box, "оценка 0,82: 3 из 3 папок"));
        assertThat(page.nextCursor()).isNull();

        AuditEntry bare = record(Actor.system(), AuditAction.DIRECTORY_UNBLOCK, null, null, null, " ");
        assertThat(audit.find(AuditQuery.newest(500).actorId(Actor.SYSTEM_ID)).entries()).contains(bare);
        assertThat(bare.requestId()).isNull();
        assertThat(bare.detail()).isNull();
        assertThat(bare.actorName()).isEqualTo("Linia");
    }

    @Test
    void recordingNeedsTheCallersReadWriteTransaction() {
        Actor actor = actor("Без транзакции");
        assertThatThrownBy(() -> audit.record(actor, AuditAction.EVIDENCE_VIEWED, 1L, null, mailbox(), null))
                .isInstanceOf(IllegalTransactionStateException.class);
        TransactionTemplate readOnly = new TransactionTemplate(transactions.getTransactionManager());
        readOnly.setReadOnly(true);
        assertThatThrownBy(() -> readOnly.execute(s -> audit.record(actor, AuditAction.EVIDENCE_VIEWED, 1L, null, mailbox(), null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
        assertThat(audit.find(AuditQuery.newest(10).actorId(actor.id())).entries()).isEmpty();
    }

    @Test
    void anEntryRolledBackWithTheCallersTransactionLeavesNothing() {
        Actor actor = actor("Откат");
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
            audit.record(actor, AuditAction.DECISION_REFUSE, 5L, null, mailbox(), "отказ");
            throw new IllegalStateException("the decision failed after its entry");
        })).hasMessage("the decision failed after its entry");
        assertThat(audit.find(AuditQuery.newest(10).actorId(actor.id())).entries()).isEmpty();
    }

    @Test
    void everyFilterNarrowsTheLogAndTheyCombine() {
        Actor anna = actor("Анна");
        Actor boris = actor("Борис");
        String first = mailbox();
        String second = mailbox();
        long request = ACTOR_IDS.incrementAndGet();
        Instant t0 = Instant.parse("2026-11-25T08:00:00Z");
        clock.set(t0);
        AuditEntry submitted = record(Actor.system(), AuditAction.REQUEST_SUBMITTED, request, 900L, first, "подана");
        clock.set(t0.plus(Duration.ofMinutes(10)));
        AuditEntry viewedByAnna = record(anna, AuditAction.EVIDENCE_VIEWED, request, 900L, first, null);
        clock.set(t0.plus(Duration.ofMinutes(20)));
        AuditEntry restoreByAnna = record(anna, AuditAction.DECISION_RESTORE, request, 900L, first, "восстановить");
        clock.set(t0.plus(Duration.ofMinutes(30)));
        AuditEntry confirmByBoris = record(boris, AuditAction.RESTORE_CONFIRMED, request, 900L, first, null);
        clock.set(t0.plus(Duration.ofMinutes(40)));
        AuditEntry otherBox = record(anna, AuditAction.EVIDENCE_VIEWED, request + 1, 901L, second, null);

        assertThat(audit.find(AuditQuery.newest(50).mailbox(first)).entries())
                .containsExactly(confirmByBoris, restoreByAnna, viewedByAnna, submitted);
        assertThat(audit.find(AuditQuery.newest(50).mailbox("  " + second.toUpperCase() + " ")).entries())
                .as("the mailbox filter is normalised like the addresses stored").containsExactly(otherBox);
        assertThat(audit.find(AuditQuery.newest(50).actorId(anna.id())).entries())
                .containsExactly(otherBox, restoreByAnna, viewedByAnna);
        assertThat(audit.find(AuditQuery.newest(50).actorId(anna.id()).action(AuditAction.EVIDENCE_VIEWED)).entries())
                .containsExactly(otherBox, viewedByAnna);
        assertThat(audit.find(AuditQuery.newest(50).requestId(request)).entries())
                .containsExactly(confirmByBoris, restoreByAnna, viewedByAnna, submitted);
        assertThat(audit.find(AuditQuery.newest(50).requestId(request).action(AuditAction.RESTORE_CONFIRMED)).entries())
                .containsExactly(confirmByBoris);
        // from inclusive, to exclusive
        assertThat(audit.find(AuditQuery.newest(50).mailbox(first)
                .between(t0.plus(Duration.ofMinutes(10)), t0.plus(Duration.ofMinutes(30)))).entries())
                .containsExactly(restoreByAnna, viewedByAnna);
        assertThat(audit.find(AuditQuery.newest(50).mailbox(first).between(t0.plus(Duration.ofMinutes(21)), null)).entries())
                .containsExactly(confirmByBoris);
        assertThat(audit.find(AuditQuery.newest(50).mailbox(first).between(null, t0.plus(Duration.ofMinutes(1)))).entries())
                .containsExactly(submitted);
        assertThat(audit.find(new AuditQuery(first, anna.id(), AuditAction.DECISION_RESTORE, t0, t0.plus(Duration.ofHours(1)), request,
                null, 10)).entries()).containsExactly(restoreByAnna);
        assertThat(audit.find(AuditQuery.newest(50).mailbox(second).action(AuditAction.DECISION_RESTORE)).entries()).isEmpty();
    }

    @Test
    void newestComesFirstByTimeThenByIdWhateverTheOrderOfRecording() {
        Actor actor = actor("Порядок");
        Instant t = Instant.parse("2026-11-25T12:00:00Z");
        clock.set(t);
        AuditEntry a = record(actor, AuditAction.EVIDENCE_VIEWED, 1L, null, null, "a");
        AuditEntry b = record(actor, AuditAction.EVIDENCE_VIEWED, 1L, null, null, "b (same instant, later id)");
        clock.set(t.minus(Duration.ofMinutes(5)));
        AuditEntry c = record(actor, AuditAction.EVIDENCE_VIEWED, 1L, null, null, "c (recorded last, earlier time)");
        clock.set(t.plus(Duration.ofMinutes(5)));
        AuditEntry d = record(actor, AuditAction.EVIDENCE_VIEWED, 1L, null, null, "d");

        assertThat(b.id()).isGreaterThan(a.id());
        assertThat(c.id()).isGreaterThan(b.id());
        assertThat(audit.find(AuditQuery.newest(10).actorId(actor.id())).entries()).containsExactly(d, b, a, c);
        // and the same order page by page, the same-instant pair split across two pages
        AuditPage first = audit.find(AuditQuery.newest(2).actorId(actor.id()));
        assertThat(first.entries()).containsExactly(d, b);
        AuditPage second = audit.find(AuditQuery.newest(2).actorId(actor.id()).after(first.nextCursor()));
        assertThat(second.entries()).containsExactly(a, c);
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeatsEvenWhileEntriesAreAppended() {
        Actor actor = actor("Страницы");
        clock.set(Instant.parse("2026-11-25T15:00:00Z"));
        List<AuditEntry> recorded = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            clock.advance(Duration.ofSeconds(1));
            recorded.add(record(actor, AuditAction.ANSWERS_ADDED, 77L, null, null, "answers " + i));
        }
        List<AuditEntry> newestFirst = new ArrayList<>(recorded);
        Collections.reverse(newestFirst);

        AuditPage one = audit.find(AuditQuery.newest(3).actorId(actor.id()));
        assertThat(one.entries()).containsExactlyElementsOf(newestFirst.subList(0, 3));
        assertThat(one.hasMore()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        AuditEntry meanwhile = record(actor, AuditAction.ANSWERS_ADDED, 77L, null, null, "appended while paging");
        AuditPage two = audit.find(AuditQuery.newest(3).actorId(actor.id()).after(one.nextCursor()));
        assertThat(two.entries()).containsExactlyElementsOf(newestFirst.subList(3, 6));
        AuditPage three = audit.find(AuditQuery.newest(3).actorId(actor.id()).after(two.nextCursor()));
        assertThat(three.entries()).containsExactly(newestFirst.get(6));
        assertThat(three.hasMore()).isFalse();
        assertThat(audit.find(AuditQuery.newest(3).actorId(actor.id())).entries()).first().isEqualTo(meanwhile);

        // a page that is exactly full has no next page
        assertThat(audit.find(AuditQuery.newest(8).actorId(actor.id())).nextCursor()).isNull();
        assertThat(audit.find(AuditQuery.newest(7).actorId(actor.id())).nextCursor()).isNotNull();
    }

    @Test
    void aDetailLongerThan2000CharactersIsRefusedAndNothingIsStored() {
        Actor actor = actor("Длинно");
        String limit = "д".repeat(RecoveryAuditLog.MAX_DETAIL);

        assertThatThrownBy(() -> record(actor, AuditAction.DECISION_REFUSE, 3L, null, mailbox(), limit + "!"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID_INPUT);
                    assertThat(e.field()).isEqualTo("detail");
                    assertThat(e.messageKey()).isEqualTo("recovery.audit.detail.tooLong");
                    assertThat(e.args()).containsExactly(2000, 2001);
                });
        assertThat(audit.find(AuditQuery.newest(10).actorId(actor.id())).entries()).isEmpty();

        AuditEntry exactly = record(actor, AuditAction.DECISION_REFUSE, 3L, null, mailbox(), limit);
        assertThat(audit.find(AuditQuery.newest(10).actorId(actor.id())).entries()).singleElement()
                .satisfies(e -> assertThat(e.detail()).hasSize(2000).isEqualTo(exactly.detail()));
    }

    @Test
    void badFiltersAreRefusedNamingTheFilter() {
        assertRefused(AuditQuery.newest(0), "limit");
        assertRefused(AuditQuery.newest(501), "limit");
        Instant t = Instant.parse("2026-11-25T10:00:00Z");
        assertRefused(AuditQuery.newest(10).between(t, t), "to");
        assertRefused(AuditQuery.newest(10).between(t, t.minusSeconds(1)), "to");
        assertRefused(AuditQuery.newest(10).after("yesterday"), "cursor");
        assertRefused(AuditQuery.newest(10).after("1_2_3"), "cursor");
        assertRefused(AuditQuery.newest(10).after("99999999999999999999_1"), "cursor");
        assertRefused(AuditQuery.newest(10).mailbox("not an address"), "mailbox");
        assertThat(audit.find(AuditQuery.newest(500).mailbox(" ").after(" ")).entries()).hasSizeLessThanOrEqualTo(500);
    }

    private void assertRefused(AuditQuery query, String field) {
        assertThatThrownBy(() -> audit.find(query)).as("%s", query)
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID_INPUT);
                    assertThat(e.field()).isEqualTo(field);
                });
    }
}
