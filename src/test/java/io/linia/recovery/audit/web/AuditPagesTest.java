package io.linia.recovery.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserDirectory;
import io.linia.recovery.audit.AuditAction;
import io.linia.recovery.audit.AuditEntry;
import io.linia.recovery.audit.AuditQuery;
import io.linia.recovery.audit.RecoveryAuditLog;
import io.linia.support.StoreTest;
import io.linia.support.WebSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** Administrators read the audit log on its page and export it as CSV (which is audited); nobody else can. */
@StoreTest
class AuditPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    RecoveryAuditLog audit;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    UserDirectory users;

    static String mailbox() {
        return "page-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru";
    }

    AuditEntry record(Actor actor, AuditAction action, Long requestId, String mailbox, String detail) {
        return transactions.execute(s -> audit.record(actor, action, requestId, 500L, mailbox, detail));
    }

    static Actor agent(String name) {
        return new Actor(4_000_000_000L + (System.nanoTime() % 1_000_000_000L), name, Set.of(Role.AGENT_L2), Set.of());
    }

    @Test
    void anAdminSeesTheEntriesOfAMailboxWithActionsInTheirLanguage() {
        String box = mailbox();
        Actor olga = agent("Ольга Решающая");
        record(olga, AuditAction.EVIDENCE_VIEWED, 71L, box, null);
        record(olga, AuditAction.DECISION_RESTORE, 71L, box, "3 из 3 папок совпали");
        WebSession admin = WebSession.signedIn(port, "admin");

        HttpResponse<String> page = admin.get("/admin/recovery/audit?mailbox=" + box);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Журнал восстановления доступа").contains("Решение: восстановить")
                .contains("Просмотр доказательств").contains("3 из 3 папок совпали").contains("Ольга Решающая")
                .contains("Пояснение").contains("href=\"/admin/recovery/audit\" id=\"nav-recovery-audit\"");
        assertThat(entryIds(page.body())).hasSize(2);
        assertThat(page.body().indexOf("Решение: восстановить")).as("newest first")
                .isLessThan(page.body().indexOf("<td>Просмотр доказательств</td>"));

        HttpResponse<String> english = admin.get("/admin/recovery/audit?lang=en&mailbox=" + box);
        assertThat(english.body()).contains("Access recovery audit log").contains("Decision: restore").contains("Evidence viewed")
                .contains("Staff member").contains("Detail");
        HttpResponse<String> onlyDecisions = admin.get("/admin/recovery/audit?lang=ru&action=DECISION_RESTORE&mailbox=" + box
                + "&actorId=" + olga.id() + "&requestId=71&from=2020-01-01T00:00&to=2099-01-01T00:00");
        assertThat(entryIds(onlyDecisions.body())).hasSize(1);
        assertThat(onlyDecisions.body()).contains("<option value=\"DECISION_RESTORE\" selected=\"selected\">Решение: восстановить</option>");
    }

    @Test
    void theLogIsPagedNewestFirstWithALinkToOlderEntries() {
        String box = mailbox();
        Actor actor = agent("Много записей");
        for (int i = 0; i < AuditAdminController.PAGE_SIZE + 5; i++) {
            record(actor, AuditAction.ANSWERS_ADDED, 72L, box, "ответ " + i);
        }
        WebSession admin = WebSession.signedIn(port, "admin");

        HttpResponse<String> first = admin.get("/admin/recovery/audit?mailbox=" + box);
        assertThat(entryIds(first.body())).hasSize(AuditAdminController.PAGE_SIZE);
        assertThat(first.body()).contains(">ответ 54<").doesNotContain(">ответ 4<");
        Matcher older = Pattern.compile("href=\"([^\"]+)\" id=\"audit-older\"").matcher(first.body());
        assertThat(older.find()).isTrue();
        String olderUrl = older.group(1).replace("&amp;", "&");
        assertThat(olderUrl).contains("mailbox=" + box.replace("@", "%40")).contains("cursor=");

        HttpResponse<String> second = admin.get(olderUrl);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(entryIds(second.body())).hasSize(5);
        assertThat(second.body()).contains(">ответ 4<").contains(">ответ 0<").contains("id=\"audit-first\"")
                .doesNotContain("id=\"audit-older\"");
    }

    @Test
    void badFiltersAreShownAtTheirFieldsAndNothingIsListed() {
        record(agent("Кто-то"), AuditAction.EVIDENCE_VIEWED, 73L, mailbox(), null);
        WebSession admin = WebSession.signedIn(port, "admin");

        HttpResponse<String> refused = admin.get("/admin/recovery/audit?actorId=abc&requestId=7x&from=вчера&mailbox=not-an-address");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Фильтр не применён").contains("Нужно целое число.")
                .contains("Нужны дата и время")
                .containsPattern(invalid("actorId")).containsPattern(invalid("requestId"))
                .containsPattern(invalid("from"))
                .doesNotContain("id=\"audit-entries\"");

        HttpResponse<String> badBox = admin.get("/admin/recovery/audit?mailbox=not-an-address");
        assertThat(badBox.statusCode()).isEqualTo(400);
        assertThat(badBox.body()).contains("«not-an-address» — не адрес почты.").containsPattern(invalid("mailbox"));

        HttpResponse<String> backwards = admin.get("/admin/recovery/audit?from=2026-11-26T10:00&to=2026-11-26T09:00");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("Конец периода должен быть позже начала.").containsPattern(invalid("to"));

        HttpResponse<String> cursor = admin.get("/admin/recovery/audit?cursor=broken");
        assertThat(cursor.statusCode()).isEqualTo(400);
        assertThat(cursor.body()).contains("Ссылка на страницу повреждена");
    }

    @Test
    void anAdminExportsTheFilteredLogAsCsvAndTheExportIsRecorded() {
        String box = mailbox();
        Actor actor = agent("Выгружаемый");
        AuditEntry viewed = record(actor, AuditAction.EVIDENCE_VIEWED, 74L, box, "смотрел; «кавычки» и \"двойные\"");
        AuditEntry formula = record(actor, AuditAction.DECISION_REFUSE, 74L, box, "=HYPERLINK(\"http://evil\")");
        record(actor, AuditAction.EVIDENCE_VIEWED, 75L, mailbox(), "другой ящик");
        WebSession admin = WebSession.signedIn(port, "admin");
        long adminId = users.userByLogin("admin").orElseThrow().id();

        HttpResponse<String> csv = admin.get("/admin/recovery/audit.csv?mailbox=" + box.toUpperCase());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment").contains("recovery-audit-");
        String body = csv.body();
        assertThat(body).startsWith("\uFEFF");
        List<String> lines = body.substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo("Время (UTC);Id сотрудника;Сотрудник;Действие;Заявка;Обращение;Ящик;Пояснение");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).isEqualTo(formula.at() + ";" + actor.id() + ";Выгружаемый;Решение: отказать;74;500;" + box
                + ";\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(lines.get(2)).isEqualTo(viewed.at() + ";" + actor.id() + ";Выгружаемый;Просмотр доказательств;74;500;" + box
                + ";\"смотрел; «кавычки» и \"\"двойные\"\"\"");

        List<AuditEntry> exports = audit.find(AuditQuery.newest(10).actorId(adminId).action(AuditAction.AUDIT_EXPORTED).mailbox(box))
                .entries();
        assertThat(exports).singleElement().satisfies(e -> {
            assertThat(e.actorName()).isNotBlank();
            assertThat(e.mailbox()).isEqualTo(box);
            assertThat(e.detail()).isEqualTo("CSV: mailbox=" + box);
        });
        // the export lists the log as it was before it: its own entry is in the log, not in the file
        assertThat(audit.find(AuditQuery.newest(10).mailbox(box)).entries()).hasSize(3);

        HttpResponse<String> english = admin.get("/admin/recovery/audit.csv?lang=en&action=DECISION_REFUSE&mailbox=" + box);
        assertThat(english.body().lines().toList()).hasSize(2);
        assertThat(english.body()).contains("Time (UTC);Staff id;Staff member;Action;Request;Ticket;Mailbox;Detail").contains("Decision: refuse");
        assertThat(audit.find(AuditQuery.newest(10).actorId(adminId).action(AuditAction.AUDIT_EXPORTED).mailbox(box)).entries())
                .first().satisfies(e -> assertThat(e.detail()).isEqualTo("CSV: mailbox=" + box + ", action=DECISION_REFUSE"));
    }

    @Test
    void anExportWithBadFiltersGoesBackToThePageAndIsNotRecorded() {
        WebSession admin = WebSession.signedIn(port, "admin");
        long adminId = users.userByLogin("admin").orElseThrow().id();
        int before = audit.find(AuditQuery.newest(500).actorId(adminId).action(AuditAction.AUDIT_EXPORTED)).entries().size();

        HttpResponse<String> refused = admin.get("/admin/recovery/audit.csv?actorId=abc");

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/admin/recovery/audit?actorId=abc");
        assertThat(audit.find(AuditQuery.newest(500).actorId(adminId).action(AuditAction.AUDIT_EXPORTED)).entries()).hasSize(before);
    }

    @Test
    void anAgentOrATeamLeadIsRefusedThePageAndTheExport() {
        String box = mailbox();
        record(agent("Секрет"), AuditAction.DECISION_RESTORE, 76L, box, "не для агентов");
        for (String login : List.of("l2", "lead")) {
            WebSession session = WebSession.signedIn(port, login);
            HttpResponse<String> page = session.get("/admin/recovery/audit?mailbox=" + box);
            assertThat(page.statusCode()).as(login).isEqualTo(403);
            assertThat(page.body()).doesNotContain("не для агентов");
            HttpResponse<String> csv = session.get("/admin/recovery/audit.csv?mailbox=" + box);
            assertThat(csv.statusCode()).as(login).isEqualTo(403);
            assertThat(csv.body()).doesNotContain("не для агентов");
            assertThat(session.get("/agent").body()).doesNotContain("nav-recovery-audit");
        }
        assertThat(audit.find(AuditQuery.newest(10).mailbox(box).action(AuditAction.AUDIT_EXPORTED)).entries()).isEmpty();
        assertThat(WebSession.anonymous(port).get("/admin/recovery/audit").statusCode()).isIn(302, 401);
    }

    /** The field's input is marked invalid (class and id in either order). */
    private static String invalid(String id) {
        return "<input[^>]*is-invalid[^>]*id=\"" + id + "\"|<select[^>]*is-invalid[^>]*id=\"" + id + "\"|id=\"" + id + "\"[^>]*is-invalid";
    }

    private static List<String> entryIds(String html) {
        return Pattern.compile("data-entry=\"(\\d+)\"").matcher(html).results().map(r -> r.group(1)).toList();
    }
}
