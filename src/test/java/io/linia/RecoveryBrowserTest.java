package io.linia;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import io.linia.intake.internal.OutboxSender;
import io.linia.support.BrowserSession;
import io.linia.support.MailServers;
import io.linia.support.MailTestSupport;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Access recovery in a real browser: a locked-out person (not signed in) finds the questionnaire from the login page,
 * is told at the field that the answer cannot go to the mailbox they cannot open (their password not sent back), lets
 * the page's proof of work run, attaches a screenshot and sends it; the certified second-line agent finds the request,
 * reads the ownership check (score, matched password, masked phone, never a password) and restores access; the person's
 * mail arrives at their contact address (GreenMail). A weak questionnaire needs a second agent: the team lead confirms.
 * Screenshots go to {@code target/browser-screenshots/<test>/}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"linia.demo.tickets=false",
        "linia.test.context=recovery-browser", "linia.recovery.proof-of-work.bits=10"})
@ActiveProfiles("test")
class RecoveryBrowserTest extends MailTestSupport {

    private static final Pattern INVALID = Pattern.compile("\\bis-invalid\\b");
    private static final Pattern TICKET_NUMBER = Pattern.compile("L-\\d{6}");
    /** A real 1×1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Autowired
    OutboxSender outbox;

    @Test
    void aLockedOutOwnerFillsTheQuestionnaireAndTheAgentRestoresAccess() throws Exception {
        String mailbox = "anna.sergeeva@pochta.example.ru";
        String contact = "anna.home@example.org";
        String oldPassword = "lenochka2019";

        // ---- the person, not signed in, finds the questionnaire from the login page
        Page person = browser.open("person");
        browser.step(person, "finds-the-questionnaire", () -> {
            person.navigate(browser.url("/login"));
            person.locator("#nav-recovery").click();
            assertThat(person).hasURL(browser.url("/access-recovery"));
            assertThat(person.locator("h1")).hasText("Восстановление доступа к ящику");
        });

        // ---- the answer cannot go to the mailbox itself: told at the field, the password is not sent back
        browser.step(person, "contact-is-the-mailbox", () -> {
            person.locator("#mailbox").fill(mailbox);
            person.locator("#contactEmail").fill(mailbox);
            person.locator("#password0").fill(oldPassword);
            person.locator("#registrationCity").fill("Казань");
            waitForProofOfWork(person);
            Response refused = person.waitForResponse(
                    r -> "POST".equals(r.request().method()) && r.url().endsWith("/access-recovery"),
                    () -> person.locator("#send-recovery").click());
            assertThat(refused.status()).isEqualTo(422);

            assertThat(person.locator("#contactEmail")).hasClass(INVALID);
            assertThat(person.locator("#contactEmail-error")).isVisible();
            assertThat(person.locator("#contactEmail-error")).not().isEmpty();
            assertThat(person.locator("#mailbox")).not().hasClass(INVALID);
            // what was typed comes back, but never the password
            assertThat(person.locator("#mailbox")).hasValue(mailbox);
            assertThat(person.locator("#registrationCity")).hasValue("Казань");
            assertThat(person.locator("#password0")).hasValue("");
            assertThat(person.content()).doesNotContain(oldPassword);
        });

        // ---- the valid questionnaire, a screenshot, the proof of work solved by the page's script
        String number = browser.step(person, "sends-the-questionnaire", () -> {
            person.locator("#contactEmail").fill(contact);
            person.locator("#contactName").fill("Анна Сергеева");
            person.locator("#registrationDate").fill("2009-03-01");
            person.locator("#password0").fill(oldPassword);
            person.locator("#folders").fill("Работа\nДача\nПутешествия");
            person.locator("#contacts").fill("mama.lida@pochta.example.ru\nОлег Сергеев");
            person.locator("#freeText").fill("Телефон, к которому был привязан ящик, украли. Пароль не помню, "
                    + "секретный вопрос тоже. Ящиком пользуюсь с 2009 года.");
            person.locator("#screenshots").setInputFiles(new FilePayload("oshibka-vhoda.png", "image/png", PNG));
            waitForProofOfWork(person);
            person.locator("#send-recovery").click();

            assertThat(person).hasURL(browser.url("/access-recovery/sent"));
            Locator sent = person.locator("#recovery-sent");
            assertThat(sent.locator("h1")).hasText("Заявка принята");
            assertThat(sent).containsText(contact);
            Matcher m = TICKET_NUMBER.matcher(sent.innerText());
            assertThat(m.find()).as("the ticket number on the page").isTrue();
            return m.group();
        });

        // ---- the certified second-line agent finds the request and reads the ownership check
        Page l2 = browser.signIn("l2", "l2");
        browser.step(l2, "recovery-list", () -> {
            l2.locator("#nav-recovery-requests").click();
            assertThat(l2).hasURL(browser.url("/agent/recovery"));
            Locator row = l2.locator("#recovery-requests tbody tr").filter(new Locator.FilterOptions().setHasText(number));
            assertThat(row).hasCount(1);
            assertThat(row).containsText(mailbox);
            assertThat(row).hasAttribute("data-state", "OPEN");
            row.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName(number)).click();
            assertThat(l2).hasURL(browser.url("/agent/tickets/" + number));
        });
        browser.step(l2, "ownership-check", () -> {
            Locator panel = l2.locator("#recovery-panel[data-request]");
            assertThat(panel).isVisible();
            int score = Integer.parseInt(panel.locator("#recovery-score").innerText().strip());
            assertThat(score).isGreaterThanOrEqualTo(70);
            assertThat(panel.locator("#recovery-recommendation")).hasText("Рекомендация: восстановить доступ");
            assertThat(panel).containsText("указано 1, подошло 1");
            // the old password's period, in the panel's date format like the other dates there
            assertThat(panel).containsText("№ 1 — использовался с 01.09.2014 по 02.06.2021");
            assertThat(panel).containsText("+7 *** ***-**-67");
            assertThat(panel).not().containsText(oldPassword);
            assertThat(panel).not().containsText("$2a$");
            assertThat(panel).not().containsText("+79172345167");
            assertThat(l2.locator("article.message").first().locator(".attachments a")).hasText("oshibka-vhoda.png");
            assertThat(panel.locator("#restore-reset")).isChecked();
        });
        browser.step(l2, "restores", () -> {
            l2.waitForResponse(r -> r.url().endsWith("/agent/tickets/" + number) && "GET".equals(r.request().method()),
                    () -> l2.locator("#restore-button").click());
            assertThat(l2.locator("#ticket-state .badge")).hasText("Решена");
            assertThat(l2.locator("#recovery-panel #recovery-state")).hasText("Доступ восстановлен");
            assertThat(l2.locator("#recovery-decisions li[data-kind=RESTORE]")).hasCount(1);
            assertThat(l2.locator("#restore-button")).hasCount(0);
        });

        // ---- the person is told at their contact address (never at the mailbox they cannot open)
        String mail = awaitMailTo(contact, "восстановили доступ");
        assertThat(mail).contains("восстановили доступ к ящику " + mailbox,
                "Ссылка для смены пароля отправлена на адрес " + contact, "Она действует до ");
        assertThat(mail).doesNotContain(oldPassword);
        assertThat(mailsTo(mailbox)).isEmpty();
    }

    @Test
    void aWeakQuestionnaireIsRestoredOnlyWhenASecondAgentConfirms() throws Exception {
        String mailbox = "babushka.valya@pochta.example.ru";
        String contact = "valya.vnuki@example.org";

        Page person = browser.open("person");
        String number = browser.step(person, "sends-a-weak-questionnaire", () -> {
            person.navigate(browser.url("/access-recovery"));
            person.locator("#mailbox").fill(mailbox);
            person.locator("#contactEmail").fill(contact);
            person.locator("#registrationCity").fill("Тверь");
            person.locator("#folders").fill("Рецепты");
            waitForProofOfWork(person);
            person.locator("#send-recovery").click();
            assertThat(person).hasURL(browser.url("/access-recovery/sent"));
            assertThat(person.locator("#recovery-sent")).containsText(contact);
            Matcher m = TICKET_NUMBER.matcher(person.locator("#recovery-sent").innerText());
            assertThat(m.find()).isTrue();
            return m.group();
        });

        Page l2 = browser.signIn("l2", "l2");
        browser.step(l2, "proposes-a-restore", () -> {
            l2.navigate(browser.url("/agent/tickets/" + number));
            Locator panel = l2.locator("#recovery-panel[data-request]");
            assertThat(panel).isVisible();
            int score = Integer.parseInt(panel.locator("#recovery-score").innerText().strip());
            assertThat(score).isLessThan(70);
            assertThat(panel.locator("#recovery-recommendation")).not().hasText("Рекомендация: восстановить доступ");
            assertThat(panel.locator("#restore-form")).containsText("подтвержд");
            l2.waitForResponse(r -> r.url().endsWith("/agent/tickets/" + number) && "GET".equals(r.request().method()),
                    () -> l2.locator("#restore-button").click());
            Locator after = l2.locator("#recovery-panel[data-request]");
            assertThat(after).hasAttribute("data-state", "AWAITING_CONFIRMATION");
            assertThat(after.locator("#recovery-pending")).isVisible();
            assertThat(after.locator("#recovery-pending")).containsText("Сергей Волков");
            assertThat(after.locator("#recovery-state")).hasText("Ждёт подтверждения");
            // the one who proposed it cannot confirm it
            assertThat(after.locator("#confirm-button")).hasCount(0);
            assertThat(l2.locator("#ticket-state .badge")).not().hasText("Решена");
        });

        Page lead = browser.signIn("lead", "lead");
        browser.step(lead, "confirms", () -> {
            lead.navigate(browser.url("/agent/tickets/" + number));
            Locator panel = lead.locator("#recovery-panel[data-request]");
            assertThat(panel.locator("#recovery-pending")).isVisible();
            lead.waitForResponse(r -> r.url().endsWith("/agent/tickets/" + number) && "GET".equals(r.request().method()),
                    () -> panel.locator("#confirm-button").click());
            assertThat(lead.locator("#ticket-state .badge")).hasText("Решена");
            assertThat(lead.locator("#recovery-panel #recovery-state")).hasText("Доступ восстановлен");
            assertThat(lead.locator("#recovery-decisions li[data-kind=CONFIRM]")).hasCount(1);
        });

        String mail = awaitMailTo(contact, "восстановили доступ");
        assertThat(mail).contains("восстановили доступ к ящику " + mailbox, "Ссылка для смены пароля отправлена на адрес " + contact);
    }

    /** The page's own script solves the challenge: its status says done and the button comes alive. */
    private static void waitForProofOfWork(Page page) {
        Locator form = page.locator("#recovery-form");
        String done = form.getAttribute("data-pow-done");
        assertThat(done).isNotBlank();
        assertThat(form.locator("[data-pow-status]")).hasText(done);
        assertThat(page.locator("#send-recovery")).isEnabled();
        assertThat(form).hasAttribute("data-pow-solved", "");
        assertThat(form.locator("input[name=powSolution]")).not().hasValue("");
        System.out.println("[browser] proof of work (" + form.getAttribute("data-pow-bits") + " bits) solved in "
                + form.getAttribute("data-pow-millis") + " ms");
    }

    /** Sends what the outbox holds and returns the text of the first mail to {@code to} that contains {@code marker}. */
    private String awaitMailTo(String to, String marker) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (true) {
            outbox.sendDue();
            for (String text : mailsTo(to)) {
                if (text.contains(marker)) {
                    return text;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No mail to " + to + " containing «" + marker + "»; mails to it: " + mailsTo(to));
            }
            MailServers.INSTANCE.smtp().waitForIncomingEmail(500, MailServers.INSTANCE.smtp().getReceivedMessages().length + 1);
        }
    }

    private static List<String> mailsTo(String to) throws Exception {
        List<String> texts = new ArrayList<>();
        for (MimeMessage m : MailServers.INSTANCE.smtp().getReceivedMessages()) {
            boolean forThem = m.getRecipients(Message.RecipientType.TO) != null && Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a instanceof InternetAddress ia && to.equalsIgnoreCase(ia.getAddress()));
            if (forThem) {
                texts.add(plainText(m));
            }
        }
        return texts;
    }

    private static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                text.append(plainText(body));
            }
            return text.toString();
        }
        return "";
    }
}
