package io.linia.recovery.audit.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.recovery.audit.AuditAction;
import io.linia.recovery.audit.AuditQuery;
import io.linia.recovery.audit.RecoveryAuditLog;
import io.linia.support.BrowserSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An administrator finds the audit log in the admin menu, narrows it to one mailbox's decisions with the form,
 * and downloads the CSV; the download is then in the log.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"linia.demo.tickets=false",
        "linia.demo.arrivals.enabled=false", "linia.test.context=recovery-audit-browser"})
@ActiveProfiles("test")
class RecoveryAuditBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Autowired
    RecoveryAuditLog audit;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void anAdminFiltersTheLogAndDownloadsItAsCsv() throws Exception {
        Actor irina = new Actor(9_001L, "Ирина (L2)", Set.of(Role.AGENT_L2), Set.of());
        Actor pavel = new Actor(9_002L, "Павел (L2)", Set.of(Role.AGENT_L2), Set.of());
        // entries the demo data (certifications) or other tests in this context already wrote come before ours
        int before = audit.find(AuditQuery.newest(AuditQuery.MAX_LIMIT)).entries().size();
        transactions.executeWithoutResult(s -> {
            audit.record(Actor.system(), AuditAction.REQUEST_SUBMITTED, 31L, 131L, "anna@example.ru", "анкета: 3 пароля, 4 папки");
            audit.record(irina, AuditAction.EVIDENCE_VIEWED, 31L, 131L, "anna@example.ru", null);
            audit.record(irina, AuditAction.DECISION_RESTORE, 31L, 131L, "anna@example.ru", "оценка 0,71: 3 из 4 папок, дата регистрации ±4 дня");
            audit.record(pavel, AuditAction.RESTORE_CONFIRMED, 31L, 131L, "anna@example.ru", "второй взгляд: согласен");
            audit.record(Actor.system(), AuditAction.DIRECTORY_RESET_LINK, 31L, 131L, "anna@example.ru", "ссылка на a***@mail.example");
            audit.record(irina, AuditAction.POLICY_REFUSAL, 32L, 132L, "boris@example.ru", "«хочу прочитать почту жены»");
        });

        Page page = browser.signIn("admin", "admin");
        browser.step(page, "opens-the-log-from-the-menu", () -> {
            page.locator("a.dropdown-toggle", new Page.LocatorOptions().setHasText("Администрирование")).click();
            page.locator("#nav-recovery-audit").click();
            assertThat(page.locator("h1")).hasText("Журнал восстановления доступа");
            assertThat(page.locator("#audit-entries tbody tr")).hasCount(Math.min(before + 6, AuditQuery.DEFAULT_LIMIT));
            assertThat(page.locator("#audit-entries tbody tr").first()).containsText("Отказ по правилам");
        });
        browser.step(page, "narrows-it-to-annas-decisions", () -> {
            page.locator("#mailbox").fill("Anna@Example.RU");
            page.locator("#action").selectOption("DECISION_RESTORE");
            page.locator("#audit-filter button[type=submit]").click();
            assertThat(page.locator("#audit-entries tbody tr")).hasCount(1);
            assertThat(page.locator("#audit-entries")).containsText("оценка 0,71");
            assertThat(page.locator("#audit-entries")).containsText("Ирина (L2)");
        });
        browser.step(page, "follows-a-name-to-all-of-irinas-entries", () -> {
            page.locator("#audit-entries a", new Page.LocatorOptions().setHasText("Ирина (L2)")).click();
            assertThat(page.locator("#audit-entries tbody tr")).hasCount(3);
            assertThat(page.locator("#actorId")).hasValue("9001");
        });
        Download download = browser.step(page, "downloads-the-csv", () -> page.waitForDownload(() -> page.locator("#audit-csv").click()));
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(csv.lines().count()).isEqualTo(4);
        org.assertj.core.api.Assertions.assertThat(csv).contains("Решение: восстановить").contains("Отказ по правилам");
        org.assertj.core.api.Assertions.assertThat(audit.find(AuditQuery.newest(5).action(AuditAction.AUDIT_EXPORTED)).entries())
                .singleElement().satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.detail()).isEqualTo("CSV: actorId=9001"));
        browser.step(page, "sees-the-export-in-the-log", () -> {
            page.locator("#audit-filter a", new Page.LocatorOptions().setHasText("Сбросить")).click();
            assertThat(page.locator("#audit-entries tbody tr").first()).containsText("Журнал выгружен");
        });
    }
}
