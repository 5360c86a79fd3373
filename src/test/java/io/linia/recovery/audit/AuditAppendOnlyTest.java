package io.linia.recovery.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.support.StoreProfiles;
import io.linia.support.StoreTest;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit entries cannot be changed or removed: the database itself refuses UPDATE, DELETE and TRUNCATE of the
 * table on each store, whoever sends them over plain JDBC, and the Java side offers no method to try.
 */
@StoreTest
class AuditAppendOnlyTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    RecoveryAuditLog audit;
    @Autowired
    TransactionTemplate transactions;

    AuditEntry entry;

    @BeforeEach
    void oneEntry() {
        Actor actor = new Actor(6_000_000_000L + (System.nanoTime() % 1_000_000_000L), "Хранитель", Set.of(Role.AGENT_L2), Set.of());
        entry = transactions.execute(s -> audit.record(actor, AuditAction.DECISION_RESTORE, 12L, 34L,
                "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru", "restore after 3 of 3 folders"));
    }

    @Test
    void theDatabaseRefusesAnUpdateAndTheEntryStaysAsItWas() {
        assertRefused("update recovery_audit set detail = 'rewritten', actor_id = 1 where id = " + entry.id());
        assertRefused("update recovery_audit set mailbox = null");
        assertUnchanged();
    }

    @Test
    void theDatabaseRefusesADeleteEvenOfNothing() {
        assertRefused("delete from recovery_audit where id = " + entry.id());
        assertRefused("delete from recovery_audit");
        // statement-level: refused before it runs, whether or not a row matches
        assertRefused("delete from recovery_audit where id = -1");
        assertUnchanged();
    }

    @Test
    void theDatabaseRefusesATruncate() throws SQLException {
        SQLException refusal = execute("truncate table recovery_audit");
        assertThat((Throwable) refusal).as("truncate is refused").isNotNull();
        if (StoreProfiles.postgres()) {
            // the trigger's own refusal
            assertThat(refusal.getSQLState()).isEqualTo("42501");
            assertThat(refusal.getMessage()).contains("recovery_audit is append-only: TRUNCATE refused");
        } else {
            // H2 has no truncate triggers; it never truncates a table a foreign key references (recovery_audit_seal)
            assertThat(refusal.getErrorCode()).isEqualTo(org.h2.api.ErrorCode.CANNOT_TRUNCATE_1);
        }
        assertUnchanged();
    }

    @Test
    void aRefusalInsideATransactionRollsItBackWhole() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("update recovery_audit set detail = 'x' where id = " + entry.id()))
                        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        assertUnchanged();
    }

    @Test
    void appendingStillWorks() {
        Actor actor = new Actor(5_000_000_000L + (System.nanoTime() % 1_000_000_000L), "Ещё одна", Set.of(Role.ADMIN), Set.of());
        AuditEntry next = transactions.execute(s -> audit.record(actor, AuditAction.DECIDER_GRANTED, null, null, null, "l2"));
        assertThat(next.id()).isGreaterThan(entry.id());
        assertThat(audit.find(AuditQuery.newest(5).actorId(actor.id())).entries()).containsExactly(next);
    }

    @Test
    void theJavaSideOffersNoWayToChangeOrRemoveAnEntry() {
        assertThat(publicMethods(AuditRecords.class)).containsExactlyInAnyOrder("append", "page");
        assertThat(publicMethods(RecoveryAuditLog.class)).containsExactlyInAnyOrder("record", "find");
        for (Class<?> type : new Class<?>[] {AuditRecords.class, RecoveryAuditLog.class}) {
            assertThat(Arrays.stream(type.getMethods()).map(Method::getName))
                    .as("%s: no method that changes or removes entries", type.getSimpleName())
                    .noneMatch(name -> name.matches("(?i).*(update|delete|remove|truncate|clear|save|modify|edit|erase|purge|replace).*"));
        }
        // the entry is a record: no setters
        assertThat(Arrays.stream(AuditEntry.class.getMethods()).map(Method::getName)).noneMatch(n -> n.startsWith("set"));
    }

    private static Set<String> publicMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
                .map(Method::getName).collect(Collectors.toSet());
    }

    private void assertRefused(String sql) {
        SQLException refusal = execute(sql);
        assertThat((Throwable) refusal).as("refused: %s", sql).isNotNull();
        assertThat(refusal.getSQLState()).as(sql).isEqualTo("42501");
        assertThat(refusal.getMessage()).as(sql).contains("recovery_audit is append-only");
        assertThat(refusal.getMessage()).as(sql).containsAnyOf("UPDATE refused", "DELETE refused");
    }

    private SQLException execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    private void assertUnchanged() {
        assertThat(audit.find(AuditQuery.newest(5).actorId(entry.actorId())).entries()).containsExactly(entry);
    }
}
