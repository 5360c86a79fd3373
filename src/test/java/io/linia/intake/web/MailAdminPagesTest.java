package io.linia.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.intake.MailChannel;
import io.linia.intake.MailSecurity;
import io.linia.intake.MailboxCommand;
import io.linia.intake.MailboxView;
import io.linia.intake.OutboxView.OutboxState;
import io.linia.intake.ProcessedAction;
import io.linia.intake.QuarantineView;
import io.linia.intake.QuarantineView.QuarantineState;
import io.linia.intake.internal.MailboxRepository;
import io.linia.support.StoreTest;
import io.linia.support.WebSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Administrators manage the e-mail channel through its pages: mailboxes, quarantine, outbox. */
@StoreTest
class MailAdminPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    MailChannel mail;
    @Autowired
    MailboxRepository mailboxes;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDirectory users;

    Actor admin;

    @BeforeEach
    void setUp() {
        admin = users.userByLogin("admin").map(UserRef::toActor).orElseThrow();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid form; the mailbox is disabled so that no scheduled pass tries to reach the (made-up) server. */
    private static Map<String, String> form(String name, String password) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("address", name.toLowerCase() + "@example.ru");
        f.put("host", "imap.example.invalid");
        f.put("port", "993");
        f.put("security", "TLS");
        f.put("username", "support");
        f.put("password", password);
        f.put("folder", "INBOX");
        f.put("processedAction", "FLAG");
        f.put("processedFolder", "");
        f.put("quarantineFolder", "Linia-Quarantine");
        f.put("pollSeconds", "60");
        f.put("_idle", "on");
        f.put("_enabled", "on");
        return f;
    }

    /** The input with this id is marked invalid (the error shows next to it). */
    private static String invalid(String id) {
        return "is-invalid\"[^>]*id=\"" + id + "\"|id=\"" + id + "\"[^>]*is-invalid";
    }

    /** The page a post redirected to (its flash message is only there). */
    private static HttpResponse<String> followed(WebSession session, HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).isEqualTo(302);
        return session.get(redirect.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
    }

    private MailboxView createdDirectly(String name) {
        return mail.create(admin, new MailboxCommand(name, name.toLowerCase() + "@example.ru", "imap.example.invalid", 993,
                MailSecurity.TLS, "support", "secret-1", "INBOX", ProcessedAction.FLAG, null, "Linia-Quarantine", 60,
                false, false, null));
    }

    @Test
    void pagesRenderInRussianAndInEnglish() {
        WebSession session = WebSession.signedIn(port, "admin");
        createdDirectly(unique("Render"));
        boolean sending = mail.overview(admin).sending();

        HttpResponse<String> ru = session.get("/admin/mail?lang=ru");
        assertThat(ru.statusCode()).isEqualTo(200);
        assertThat(ru.body()).contains("Почтовые ящики").contains("Проверить соединение").contains("Прочитать сейчас")
                .contains("Новый ящик").contains("imap.example.invalid:993").contains("href=\"/admin/mail\"");
        assertThat(ru.body()).contains(sending ? "Отправка почты включена" : "SMTP не настроен");
        assertThat(session.get("/admin/mail/mailboxes/new").body()).contains("Сервер IMAP").contains("TLS — 993");
        assertThat(session.get("/admin/mail/quarantine").body()).contains("Карантин", "Не разобрано");
        assertThat(session.get("/admin/mail/outbox").body()).contains("Отправить очередь сейчас");
        // the demo mails went through the channel: the journal says what became of each
        assertThat(session.get("/admin/mail/journal").body()).contains("Журнал").contains("Новая заявка")
                .contains("Автоответ, пропущен").contains("Auto-Submitted: auto-replied").contains("foreign sender");

        HttpResponse<String> en = session.get("/admin/mail?lang=en");
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.body()).contains("Mailboxes").contains("Test connection").contains("Read now").contains("New mailbox")
                .doesNotContain("Почтовые ящики");
        assertThat(en.body()).contains(sending ? "Sending mail is on" : "SMTP is not configured");
        assertThat(session.get("/admin/mail/mailboxes/new").body()).contains("IMAP server").contains("TLS 993");
        assertThat(session.get("/admin/mail/quarantine?state=ALL").body()).contains("Quarantine").contains("Dismissed");
        assertThat(session.get("/admin/mail/outbox?state=FAILED").body()).contains("Send the queue now");
        assertThat(session.get("/admin/mail/journal?outcome=QUARANTINED").body()).contains("Journal").contains("Quarantined")
                .doesNotContain("Auto-reply, ignored</span>");
    }

    @Test
    void invalidMailboxShowsErrorsAtTheFieldsAndSavesNothing() {
        WebSession session = WebSession.signedIn(port, "admin");
        session.get("/admin/mail/mailboxes/new");
        long before = mailboxes.count();
        Map<String, String> bad = form("", "");
        bad.put("address", "not-an-address");
        bad.put("port", "nine");
        bad.put("pollSeconds", "1");

        HttpResponse<String> refused = session.post("/admin/mail/mailboxes", bad);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).containsPattern(invalid("name"))
                .containsPattern(invalid("address"))
                .containsPattern(invalid("port")).contains("Введите число от 1 до 65535")
                .containsPattern(invalid("pollSeconds"))
                .contains("value=\"not-an-address\"").contains("value=\"nine\"");
        assertThat(mailboxes.count()).isEqualTo(before);

        // a rule of the channel itself (not bean validation) lands at its field too
        Map<String, String> move = form(unique("Move"), "secret-1");
        move.put("processedAction", "MOVE");
        move.put("processedFolder", "");
        HttpResponse<String> noFolder = session.post("/admin/mail/mailboxes", move);
        assertThat(noFolder.statusCode()).isEqualTo(400);
        assertThat(noFolder.body()).containsPattern(invalid("processedFolder"))
                .contains("Укажите папку для обработанных писем");
        // a new mailbox needs its password
        HttpResponse<String> noPassword = session.post("/admin/mail/mailboxes", form(unique("NoPass"), ""));
        assertThat(noPassword.statusCode()).isEqualTo(400);
        assertThat(noPassword.body()).containsPattern(invalid("password"));
        assertThat(mailboxes.count()).isEqualTo(before);
    }

    @Test
    void validMailboxAppearsInTheListAndEditingWithoutPasswordKeepsIt() {
        WebSession session = WebSession.signedIn(port, "admin");
        session.get("/admin/mail/mailboxes/new");
        String name = unique("Support");

        HttpResponse<String> saved = session.post("/admin/mail/mailboxes", form(name, "first-secret"));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/admin/mail");
        HttpResponse<String> list = session.get("/admin/mail");
        assertThat(list.body()).contains(name).contains("Ящик «" + name + "» сохранён");
        var stored = mailboxes.findByName(name).orElseThrow();
        assertThat(stored.password()).isEqualTo("first-secret");

        HttpResponse<String> edit = session.get("/admin/mail/mailboxes/" + stored.id());
        assertThat(edit.body()).doesNotContain("first-secret").contains("Оставьте пустым, чтобы не менять");
        Map<String, String> changed = form(name, "");
        changed.put("host", "imap2.example.invalid");
        changed.put("version", String.valueOf(stored.version()));
        assertThat(session.post("/admin/mail/mailboxes/" + stored.id(), changed).statusCode()).isEqualTo(302);

        var after = mailboxes.findByName(name).orElseThrow();
        assertThat(after.host()).isEqualTo("imap2.example.invalid");
        assertThat(after.password()).isEqualTo("first-secret");
    }

    @Test
    void connectionCheckAndReadNowSayWhatHappened() {
        WebSession session = WebSession.signedIn(port, "admin");
        // nothing listens on port 1: the check fails at once and says why
        MailboxView box = mail.create(admin, new MailboxCommand(unique("Unreachable"), "unreachable@example.ru", "127.0.0.1", 1,
                MailSecurity.PLAIN, "support", "secret-1", "INBOX", ProcessedAction.FLAG, null, "Linia-Quarantine", 60,
                false, false, null));
        session.get("/admin/mail");

        HttpResponse<String> checked = followed(session, session.post("/admin/mail/mailboxes/" + box.id() + "/check", Map.of()));
        assertThat(checked.body()).contains("id=\"check-result\"").contains("Не удалось подключиться");

        HttpResponse<String> read = followed(session, session.post("/admin/mail/mailboxes/" + box.id() + "/read", Map.of()));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).containsAnyOf("id=\"flash-problem\"", "id=\"poll-result\"");
    }

    @Test
    void staleEditSaysSoAndShowsTheCurrentValues() {
        WebSession session = WebSession.signedIn(port, "admin");
        MailboxView box = createdDirectly(unique("Stale"));
        session.get("/admin/mail/mailboxes/" + box.id());
        MailboxView newer = mail.update(admin, box.id(), new MailboxCommand(box.name(), box.address(), "imap-now.example.invalid",
                box.port(), box.security(), box.username(), "", box.folder(), box.processedAction(), null,
                box.quarantineFolder(), 60, false, false, box.version()));
        Map<String, String> old = form(box.name(), "");
        old.put("host", "imap-mine.example.invalid");
        old.put("version", String.valueOf(box.version()));

        HttpResponse<String> refused = session.post("/admin/mail/mailboxes/" + box.id(), old);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("только что изменил кто-то другой")
                .contains("value=\"imap-now.example.invalid\"")
                .contains("name=\"version\" value=\"" + newer.version() + "\"");
        assertThat(mail.mailbox(admin, box.id()).host()).isEqualTo("imap-now.example.invalid");
    }

    @Test
    void nonAdministratorsAreRefused() {
        MailboxView box = createdDirectly(unique("Closed"));
        WebSession agent = WebSession.signedIn(port, "l1");

        assertThat(agent.get("/admin/mail").statusCode()).isEqualTo(403);
        assertThat(agent.get("/admin/mail/quarantine").statusCode()).isEqualTo(403);
        assertThat(agent.get("/admin/mail/mailboxes/" + box.id()).statusCode()).isEqualTo(403);
        assertThat(agent.post("/admin/mail/mailboxes", form(unique("Sneaky"), "x")).statusCode()).isEqualTo(403);
        assertThat(mail.mailbox(admin, box.id()).name()).isEqualTo(box.name());
    }

    /**
     * Puts a mail into the quarantine as the ingest does for an unreadable one. Written straight to the
     * table: the entity's constructor belongs to the channel, and ingesting a headerless mail trips over
     * its dedup key today (see the closing note). The id is far above what the sequence hands out.
     */
    static QuarantineView quarantined(JdbcTemplate jdbc, MailChannel mail, Actor admin, MailboxView box, byte[] raw) {
        long id = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        jdbc.update("insert into mail_quarantine (id, mailbox_id, message_id, from_header, subject, reason, raw, size_bytes,"
                        + " received_at, state) values (?, ?, null, null, null, ?, ?, ?, ?, 'OPEN')",
                id, box.id(), "No headers: not a mail", raw, raw.length, Timestamp.from(Instant.now()));
        return mail.quarantine(admin, QuarantineState.OPEN, 500).stream()
                .filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    @Test
    void outboxListsMailAndRetriesOnlyWhatFailed() {
        WebSession session = WebSession.signedIn(port, "admin");
        long failed = outboxEntry("FAILED", "550 mailbox unavailable");
        long pending = outboxEntry("PENDING", null);

        HttpResponse<String> list = session.get("/admin/mail/outbox?state=ALL");
        assertThat(list.body()).contains("data-outbox=\"" + failed + "\"", "data-outbox=\"" + pending + "\"")
                .contains("550 mailbox unavailable").contains("/admin/mail/outbox/" + failed + "/retry")
                .doesNotContain("/admin/mail/outbox/" + pending + "/retry").contains("Не отправлено").contains("Ждёт отправки");

        HttpResponse<String> retried = followed(session, session.post("/admin/mail/outbox/" + failed + "/retry?state=FAILED", Map.of()));
        assertThat(retried.body()).contains("id=\"flash-success\"");
        assertThat(mail.outbox(admin, OutboxState.RETRYING, 500)).anySatisfy(o -> assertThat(o.id()).isEqualTo(failed));
        HttpResponse<String> refused = followed(session, session.post("/admin/mail/outbox/" + pending + "/retry", Map.of()));
        assertThat(refused.body()).contains("не ждёт повторной отправки");
        assertThat(session.get("/admin/mail/outbox?state=PENDING&lang=en").body()).contains("data-outbox=\"" + pending + "\"")
                .doesNotContain("data-outbox=\"" + failed + "\"").contains("Reply");
    }

    /** An outgoing mail as the outbox keeps it, written straight to its table (id far above the sequence's). */
    private long outboxEntry(String state, String lastError) {
        long id = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into mail_outbox (id, kind, ticket_id, recipient, message_id, state, attempts, next_attempt_at,"
                        + " last_error, created_at, version) values (?, 'REPLY', 123, 'ivan@example.ru', ?, ?, ?, ?, ?, ?, 0)",
                id, "<" + id + "@linia.test>", state, lastError == null ? 0 : 5, now, lastError, now);
        return id;
    }

    @Test
    void quarantinedMailIsListedAndItsRawSourceDownloadsAsAnAttachment() {
        WebSession session = WebSession.signedIn(port, "admin");
        MailboxView box = createdDirectly(unique("Raw"));
        // not a mail at all, with bytes that are not UTF-8 (KOI8-R "Привет"): it must come back byte for byte
        byte[] raw = "garbage without headers \u00f0\u00d2\u00c9\u00d7\u00c5\u00d4\r\n".getBytes(StandardCharsets.ISO_8859_1);

        QuarantineView q = quarantined(jdbc, mail, admin, box, raw);
        HttpResponse<String> list = session.get("/admin/mail/quarantine");
        assertThat(list.body()).contains("data-quarantine=\"" + q.id() + "\"").contains(box.name())
                .contains("/admin/mail/quarantine/" + q.id() + "/raw");

        HttpResponse<String> download = session.get("/admin/mail/quarantine/" + q.id() + "/raw");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).isEqualToIgnoringCase("text/plain;charset=ISO-8859-1");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"mail-" + q.id() + ".eml\"");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Length")).hasValue(String.valueOf(raw.length));
        assertThat(download.body()).startsWith("garbage without headers");

        // still unreadable: the page says why and the mail stays open; then it is dismissed
        HttpResponse<String> retried = followed(session, session.post("/admin/mail/quarantine/" + q.id() + "/retry?state=OPEN", Map.of()));
        assertThat(retried.body()).contains("по-прежнему не читается").contains("data-quarantine=\"" + q.id() + "\"");
        HttpResponse<String> dismissed = followed(session, session.post("/admin/mail/quarantine/" + q.id() + "/dismiss?state=ALL", Map.of()));
        assertThat(dismissed.body()).contains("Письмо " + q.id() + " отклонено").contains("data-quarantine=\"" + q.id() + "\"");
        assertThat(mail.quarantine(admin, QuarantineState.DISMISSED, 500)).anySatisfy(e -> {
            assertThat(e.id()).isEqualTo(q.id());
            assertThat(e.resolvedBy()).isNotBlank();
        });
        assertThat(WebSession.signedIn(port, "l1").get("/admin/mail/quarantine/" + q.id() + "/raw").statusCode()).isEqualTo(403);
    }
}
