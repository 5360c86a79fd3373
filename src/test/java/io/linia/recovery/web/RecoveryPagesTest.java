package io.linia.recovery.web;

import io.linia.recovery.abuse.ProofOfWorkAnswers;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.recovery.BlockReason;
import io.linia.recovery.EmbeddedMailboxes;
import io.linia.recovery.requests.Questionnaire;
import io.linia.recovery.requests.RecoveryRequests;
import io.linia.support.MovingClock;
import io.linia.web.UiFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import io.linia.support.StoreTest;
import io.linia.support.WebSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The access-recovery pages over HTTP: the public questionnaire (no sign-in) with its proof of work, field errors,
 * screenshot checks and rate limits, each refusal storing nothing; then the agent's ownership-check panel on the
 * ticket and a restore from it.
 */
@StoreTest
@Import(RecoveryPagesTest.Clocks.class)
@TestPropertySource(properties = {"linia.test.context=recovery-pages", "linia.test.pg.schema=ctx_recovery_pages",
        "linia.recovery.proof-of-work.bits=6", "linia.recovery.rate-limits.per-ip.max=1000", "linia.demo.tickets=false"})
class RecoveryPagesTest {

    /** The pages' clock; the deadline test moves it (shared with RecoveryApiTest's context). */
    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MovingClock movingClock() {
            return new MovingClock();
        }
    }

    private static final Pattern TOKEN = Pattern.compile("name=\"powToken\" value=\"([^\"]+)\"");
    private static final Pattern BITS = Pattern.compile("data-pow-bits=\"(\\d+)\"");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, (byte) 0xC4, (byte) 0x89};

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RecoveryRequests requests;
    @Autowired
    EmbeddedMailboxes mailboxes;
    @Autowired
    MovingClock clock;
    @Autowired
    UiFormat ui;
    @Autowired
    io.linia.accounts.UserDirectory users;

    @Test
    void theQuestionnaireIsPublicAndAValidOneOpensARecoveryTicketWithItsScreenshot() {
        WebSession person = WebSession.anonymous(port);
        HttpResponse<String> page = person.get("/access-recovery");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Восстановление доступа к ящику", "data-pow-token", "name=\"passwords[0]\"");

        long before = count("recovery_request");
        Map<String, String> form = answers("olga.morozova@pochta.example.ru", "olga.new@example.org");
        form.putAll(solved(page.body()));
        HttpResponse<String> sent = person.postMultipart("/access-recovery", form, "screenshots", "error.png", "image/png", PNG);

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElse("")).endsWith("/access-recovery/sent");
        HttpResponse<String> thanks = person.get("/access-recovery/sent");
        assertThat(thanks.body()).contains("olga.new@example.org", "5 рабочих дней");
        assertThat(count("recovery_request")).isEqualTo(before + 1);
        long ticket = jdbc.sql("select ticket_id from recovery_request order by id desc limit 1").query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from ticket_attachment where ticket_id = ?").param(ticket).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select g.code from ticket t join support_group g on g.id = t.group_id where t.id = ?").param(ticket)
                .query(String.class).single()).isEqualTo("recovery");

        // the same solved challenge does not work twice
        HttpResponse<String> again = person.post("/access-recovery", form);
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("id=\"proof-error\"");
        assertThat(count("recovery_request")).isEqualTo(before + 1);
    }

    @Test
    void badAnswersAreShownAtTheirFieldsPasswordsAreNotSentBackAndNothingIsStored() {
        WebSession person = WebSession.anonymous(port);
        HttpResponse<String> page = person.get("/access-recovery");
        long before = count("recovery_request");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mailbox", "anna.sergeeva@pochta.example.ru");
        form.put("contactEmail", "ANNA.SERGEEVA@pochta.example.ru");
        form.put("registrationDate", "вчера");
        form.put("passwords[0]", "Secret-never-echoed-42");
        form.putAll(solved(page.body()));

        HttpResponse<String> refused = person.post("/access-recovery", form);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("в этот ящик вы сейчас войти не можете", "ГГГГ-ММ-ДД", "is-invalid")
                .doesNotContain("Secret-never-echoed-42");
        assertThat(count("recovery_request")).isEqualTo(before);

        // without a solved challenge a good questionnaire is refused at the proof
        HttpResponse<String> fresh = person.get("/access-recovery");
        Map<String, String> unsolved = answers("anna.sergeeva@pochta.example.ru", "anna.x@example.org");
        unsolved.putAll(unsolved(fresh.body()));
        HttpResponse<String> noProof = person.post("/access-recovery", unsolved);
        assertThat(noProof.statusCode()).isEqualTo(422);
        assertThat(noProof.body()).contains("id=\"proof-error\"");
        assertThat(count("recovery_request")).isEqualTo(before);
    }

    @Test
    void aFileThatIsNoPictureIsRefusedAndNothingIsStored() {
        WebSession person = WebSession.anonymous(port);
        HttpResponse<String> page = person.get("/access-recovery");
        long before = count("recovery_request");
        Map<String, String> form = answers("anna.sergeeva@pochta.example.ru", "anna.files@example.org");
        form.putAll(solved(page.body()));

        HttpResponse<String> refused = person.postMultipart("/access-recovery", form, "screenshots", "photo.png", "image/png",
                "#!/bin/sh\necho not a picture\n".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"screenshots-error\"");
        assertThat(count("recovery_request")).isEqualTo(before);
    }

    @Test
    void theMailboxRateLimitAnswers429WithRetryAfterAndStoresNothing() {
        String mailbox = "dmitry@кузнецов.рф";
        for (int i = 0; i < 3; i++) {
            WebSession person = WebSession.anonymous(port);
            HttpResponse<String> page = person.get("/access-recovery");
            Map<String, String> form = answers(mailbox, "dima" + i + "@example.org");
            form.putAll(solved(page.body()));
            assertThat(person.post("/access-recovery", form).statusCode()).isEqualTo(302);
        }
        long before = count("recovery_request");
        long tickets = count("ticket");
        WebSession person = WebSession.anonymous(port);
        HttpResponse<String> page = person.get("/access-recovery");
        Map<String, String> form = answers(mailbox, "dima.last@example.org");
        form.putAll(solved(page.body()));

        HttpResponse<String> limited = person.post("/access-recovery", form);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.body()).contains("id=\"form-refusal\"");
        assertThat(count("recovery_request")).isEqualTo(before);
        assertThat(count("ticket")).isEqualTo(tickets);
    }

    @Test
    void theAgentSeesTheOwnershipCheckOnTheTicketAndRestoresFromIt() {
        WebSession person = WebSession.anonymous(port);
        HttpResponse<String> page = person.get("/access-recovery?lang=en");
        assertThat(page.body()).contains("Recover access to a mailbox");
        Map<String, String> form = answers("anna.sergeeva@pochta.example.ru", "anna.restored@example.org");
        form.put("passwords[0]", "Volga!Kazan77");
        form.putAll(solved(page.body()));
        assertThat(person.post("/access-recovery", form).statusCode()).isEqualTo(302);
        long id = jdbc.sql("select id from recovery_request order by id desc limit 1").query(Long.class).single();
        long ticket = jdbc.sql("select ticket_id from recovery_request where id = ?").param(id).query(Long.class).single();
        String number = io.linia.tickets.TicketNumber.format(ticket);

        WebSession agent = WebSession.signedIn(port, "l2");
        HttpResponse<String> panel = agent.get("/agent/tickets/" + number + "/recovery");
        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).contains("id=\"recovery-panel\"", "id=\"restore-form\"", "+7 *** ***-**-67")
                .doesNotContain("Volga!Kazan77", "$2a$");
        agent.get("/agent/tickets/" + number);

        HttpResponse<String> restored = agent.htmxPost("/agent/recovery/" + id + "/decisions",
                Map.of("kind", "RESTORE", "resetLink", "true"));

        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        assertThat(restored.headers().firstValue("HX-Redirect").orElse("")).endsWith("/agent/tickets/" + number);
        assertThat(jdbc.sql("select state from recovery_request where id = ?").param(id).query(String.class).single())
                .isEqualTo("RESTORED");
        assertThat(jdbc.sql("select state from ticket where id = ?").param(ticket).query(String.class).single()).isEqualTo("SOLVED");

        // a first-line agent does not get the panel of a ticket they cannot see; a customer is not let in at all
        assertThat(WebSession.signedIn(port, "l1").get("/agent/tickets/" + number + "/recovery").statusCode()).isEqualTo(404);
        assertThat(WebSession.signedIn(port, "customer").get("/agent/recovery").statusCode()).isEqualTo(403);
        HttpResponse<String> list = agent.get("/agent/recovery");
        assertThat(list.body()).contains(number, "anna.sergeeva@pochta.example.ru", "id=\"certifications\"");
    }

    @Test
    void thePanelExplainsEveryItemOfTheScoreInRussian() {
        String mailbox = mailbox(mailboxes, clock.instant(), null);
        RecoveryRequests.Submitted s = requests.submit(new Questionnaire(mailbox, unique("panel"), null,
                new Questionnaire.Answers(LocalDate.of(2015, 5, 14), "пермь", List.of("Not-my-password-1"),
                        List.of("Работа", "дача", "Кино"), List.of(), List.of("Счета"), List.of(), null, "Забыл пароль")),
                List.of(), Locale.forLanguageTag("ru"), "203.0.113.5");

        HttpResponse<String> panel = WebSession.signedIn(port, "l2").get("/agent/tickets/" + s.ticketNumber() + "/recovery");

        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(items(panel.body())).containsExactlyInAnyOrder(
                "Ни один из указанных паролей не подошёл (проверено: 1)",
                "Дата регистрации отличается на 4 дн. (в пределах допуска)",
                "Город регистрации совпадает",
                "Совпали названия папок: 2 из 3",
                "Частые адресаты не указаны",
                "Совпали фильтры: 1 из 1",
                "Устройства и почтовые программы не указаны",
                "Дата последнего входа не указана");
    }

    @Test
    void theListShowsEachRequestsDeadlineAndMarksAnOverdueOne() {
        RecoveryRequests.Submitted early = requests.submit(new Questionnaire(mailbox(mailboxes, clock.instant(), null),
                unique("early"), null, owner()), List.of(), Locale.forLanguageTag("ru"), "203.0.113.6");
        Instant earlyDue = due(early);
        clock.set(earlyDue.plus(Duration.ofHours(2)));
        RecoveryRequests.Submitted late = requests.submit(new Questionnaire(mailbox(mailboxes, clock.instant(), null),
                unique("late"), null, owner()), List.of(), Locale.forLanguageTag("ru"), "203.0.113.6");
        Instant lateDue = due(late);
        assertThat(lateDue).isAfter(clock.instant());

        HttpResponse<String> list = WebSession.signedIn(port, "l2").get("/agent/recovery");

        assertThat(list.statusCode()).isEqualTo(200);
        String earlyRow = row(list.body(), early.ticketNumber());
        String lateRow = row(list.body(), late.ticketNumber());
        assertThat(due(earlyRow)).isEqualTo(ui.time(earlyDue));
        assertThat(earlyRow).contains("data-overdue=\"true\"", "text-danger", "recovery-overdue\">просрочена</span>");
        assertThat(due(lateRow)).isEqualTo(ui.time(lateDue));
        assertThat(lateRow).contains("data-overdue=\"false\"").doesNotContain("recovery-overdue", "text-danger");
        assertThat(WebSession.signedIn(port, "l2").get("/agent/recovery?lang=en").body()).contains("recovery-overdue\">overdue</span>");
    }

    @Test
    void anOversizeScreenshotIsRefusedWithItsSizeAndNothingIsStored() {
        WebSession person = WebSession.anonymous(port);
        HttpResponse<String> page = person.get("/access-recovery");
        long requestsBefore = count("recovery_request");
        long ticketsBefore = count("ticket");
        long attachmentsBefore = count("ticket_attachment");
        Map<String, String> form = answers(mailbox(mailboxes, clock.instant(), null), unique("big"));
        form.putAll(solved(page.body()));
        byte[] big = new byte[3 * 1024 * 1024];
        System.arraycopy(PNG, 0, big, 0, PNG.length);

        HttpResponse<String> refused = person.postMultipart("/access-recovery", form, "screenshots", "screen.png", "image/png", big);

        assertThat(refused.statusCode()).isEqualTo(422);
        Matcher error = Pattern.compile("id=\"screenshots-error\"[^>]*>([^<]+)<").matcher(refused.body());
        assertThat(error.find()).as(refused.body()).isTrue();
        assertThat(error.group(1).strip()).isEqualTo("Файл «screen.png» занимает 3 МБ, а один файл может занимать не больше 2 МБ.");
        assertThat(count("recovery_request")).isEqualTo(requestsBefore);
        assertThat(count("ticket")).isEqualTo(ticketsBefore);
        assertThat(count("ticket_attachment")).isEqualTo(attachmentsBefore);
    }

    private Instant due(RecoveryRequests.Submitted s) {
        return requests.list(users.userByLogin("lead").orElseThrow().toActor(), null, 500).stream()
                .filter(r -> r.requestId() == s.requestId()).findFirst().orElseThrow().dueAt();
    }

    private static List<String> items(String panel) {
        int from = panel.indexOf("id=\"recovery-items\"");
        String list = panel.substring(from, panel.indexOf("</ul>", from));
        Matcher m = Pattern.compile("<span>([^<]+)</span>").matcher(list);
        List<String> lines = new ArrayList<>();
        while (m.find()) {
            lines.add(m.group(1).strip());
        }
        return lines;
    }

    private static String row(String page, String ticketNumber) {
        int at = page.indexOf(">" + ticketNumber + "</a>");
        assertThat(at).as("a row for " + ticketNumber).isPositive();
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }

    private static String due(String row) {
        Matcher m = Pattern.compile("recovery-due[^>]*>\\s*<span>([^<]+)</span>").matcher(row);
        assertThat(m.find()).as(row).isTrue();
        return m.group(1).strip();
    }

    static String unique(String what) {
        return what + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    static final String PASSWORD = "Kama-River!2015";
    private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);

    /** A mailbox of the test's own in the embedded directory: registered 2015-05-10 in Perm, one current password. */
    static String mailbox(EmbeddedMailboxes mailboxes, Instant now, BlockReason blocked) {
        String address = "rweb-" + UUID.randomUUID().toString().substring(0, 8) + "@pochta.example.ru";
        assertThat(mailboxes.register(new EmbeddedMailboxes.Mailbox(address, LocalDate.of(2015, 5, 10), "Пермь", "+79120001122",
                null, blocked, blocked == null ? null : now.minus(Duration.ofDays(1)),
                List.of(new EmbeddedMailboxes.Password(HASH, LocalDate.of(2015, 5, 10), null)),
                List.of("Работа", "Дача", "Фото"),
                List.of(new EmbeddedMailboxes.Contact("brat.misha@pochta.example.ru", "Миша", 300)),
                List.of(new EmbeddedMailboxes.Filter("Счета", "тема содержит «счёт» → папка «Счета»")),
                List.of(new EmbeddedMailboxes.Login(now.minus(Duration.ofDays(3)), "RU", "Веб, Firefox"))))).isTrue();
        return address;
    }

    /** The owner's answers to such a mailbox: everything right. */
    static Questionnaire.Answers owner() {
        return new Questionnaire.Answers(LocalDate.of(2015, 5, 10), "Пермь", List.of(PASSWORD), List.of("Работа", "Дача", "Фото"),
                List.of("brat.misha@pochta.example.ru"), List.of("Счета"), List.of("Firefox"), null, "Забыл пароль");
    }

    private static Map<String, String> answers(String mailbox, String contact) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mailbox", mailbox);
        form.put("contactEmail", contact);
        form.put("registrationDate", "2009-03-01");
        form.put("registrationCity", "Казань");
        form.put("folders", "Работа\nДача\nПутешествия");
        form.put("contacts", "mama.lida@pochta.example.ru\nОлег Сергеев");
        form.put("freeText", "Потеряла телефон, пароль не помню");
        return form;
    }

    /** Solves the page's proof of work as its script does. */
    /** A counter that provably does not solve the page's challenge (a fixed guess would solve 6 bits one time in 64). */
    static Map<String, String> unsolved(String page) {
        return challenge(page, false);
    }

    static Map<String, String> solved(String page) {
        return challenge(page, true);
    }

    private static Map<String, String> challenge(String page, boolean solve) {
        Matcher token = TOKEN.matcher(page);
        Matcher bits = BITS.matcher(page);
        assertThat(token.find()).as("a challenge on the page").isTrue();
        assertThat(bits.find()).isTrue();
        String t = token.group(1).replace("&#39;", "'").replace("&amp;", "&");
        int need = Integer.parseInt(bits.group(1));
        return Map.of("powToken", t, "powSolution", solve ? ProofOfWorkAnswers.solution(t, need) : ProofOfWorkAnswers.failure(t, need));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
