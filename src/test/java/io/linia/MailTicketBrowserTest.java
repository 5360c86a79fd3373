package io.linia;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.intake.MailChannel;
import io.linia.intake.MailSecurity;
import io.linia.intake.MailboxCommand;
import io.linia.intake.ProcessedAction;
import io.linia.intake.internal.MailboxReader;
import io.linia.intake.internal.OutboxSender;
import io.linia.support.BrowserSession;
import io.linia.support.MailServers;
import io.linia.support.MailTestSupport;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketSummary;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A ticket that came by mail, in a real browser: the agent sees the subject decoded from KOI8-R, the
 * new text with the quoted history folded away, the attachment, the customer's reply in the thread and
 * whether Linia's question reached the customer. Screenshots go to {@code target/browser-screenshots/<test>/}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"linia.demo.tickets=false",
        "linia.test.context=mail-ticket"})
@ActiveProfiles("test")
class MailTicketBrowserTest extends MailTestSupport {

    private static final Charset KOI8R = Charset.forName("KOI8-R");

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Autowired
    MailChannel channel;
    @Autowired
    MailboxReader reader;
    @Autowired
    OutboxSender sender;
    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;

    @Test
    void agentReadsTheDecodedMailThreadWithItsAttachmentAndDelivery() throws Exception {
        String login = "support-" + UUID.randomUUID().toString().substring(0, 8);
        GreenMailUser mailbox = MailServers.INSTANCE.imap().setUser(login + "@linia.test", login, "secret");
        Actor admin = actor("admin");
        long box = channel.create(admin, new MailboxCommand(login, login + "@linia.test", "127.0.0.1",
                MailServers.INSTANCE.imapPort(), MailSecurity.PLAIN, login, "secret", "INBOX", ProcessedAction.FLAG, null,
                "Linia-Quarantine", 60, false, false, null)).id();
        String customer = "c-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru";
        String subject = "Не могу войти в почтовый ящик";
        String firstId = UUID.randomUUID() + "@mail.example.ru";
        String text = "Здравствуйте! После смены телефона не могу войти, код не приходит.\r\n\r\n"
                + "24.11.2026, 10:00, \"Поддержка\" <support@linia.test>:\r\n> Опишите, пожалуйста, что именно происходит.\r\n";
        byte[] picture = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        deliver(mailbox, "From: =?KOI8-R?B?" + b64("Иван Петров", KOI8R) + "?= <" + customer + ">\r\n"
                + "To: " + login + "@linia.test\r\nSubject: =?KOI8-R?B?" + b64(subject, KOI8R) + "?=\r\n"
                + "Message-ID: <" + firstId + ">\r\nDate: Wed, 25 Nov 2026 10:00:00 +0300\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain; charset=KOI8-R\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(text.getBytes(KOI8R)) + "\r\n"
                + "--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"=?UTF-8?B?" + b64("ошибка.png", StandardCharsets.UTF_8) + "?=\"\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(picture) + "\r\n--b--\r\n");
        reader.poll(box);
        List<TicketSummary> own = tickets.ownTickets(users.userByLogin(customer).orElseThrow().toActor(), 5);
        assertThat(own).hasSize(1);
        String number = own.get(0).number();
        tickets.askForInformation(actor("l1"), number, new TicketCommands.AskForInformation(
                "Уточните, пожалуйста, к какому телефону был привязан ящик.", null));
        sender.sendDue();
        deliver(mailbox, "From: " + customer + "\r\nTo: " + login + "@linia.test\r\nSubject: Re: [" + number + "] "
                + "=?UTF-8?B?" + b64(subject, StandardCharsets.UTF_8) + "?=\r\nMessage-ID: <" + UUID.randomUUID() + "@mail.example.ru>\r\n"
                + "Date: Wed, 25 Nov 2026 11:00:00 +0300\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=windows-1251\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + new String("Телефон был +7 900 000-00-00, теперь другой.".getBytes(Charset.forName("windows-1251")),
                StandardCharsets.ISO_8859_1) + "\r\n");
        reader.poll(box);

        Page page = browser.signIn("l1", "l1");
        browser.step(page, "mail-thread", () -> {
            page.navigate(browser.url("/agent/tickets/" + number));
            assertThat(page.locator("h1")).containsText(subject);
            Locator messages = page.locator("article.message");
            assertThat(messages).hasCount(3);
            Locator first = messages.nth(0);
            assertThat(first.locator(".sender-email")).containsText(customer);
            assertThat(first.locator(".message-text")).containsText("код не приходит");
            assertThat(first.locator(".message-text")).not().containsText("Опишите, пожалуйста");
            assertThat(first.locator("details.quoted")).not().hasAttribute("open", "");
            assertThat(first.locator(".attachments a")).hasText("ошибка.png");
            Locator question = messages.nth(1);
            assertThat(question.locator(".delivery")).hasAttribute("data-delivery", "SENT");
            assertThat(question.locator(".delivery")).containsText("Отправлено");
            assertThat(messages.nth(2).locator(".message-text")).containsText("Телефон был +7 900 000-00-00");
        });
        browser.step(page, "quote-unfolded", () -> {
            page.locator("article.message").nth(0).locator("details.quoted summary").click();
            assertThat(page.locator("article.message").nth(0).locator("details.quoted div")).containsText("Опишите, пожалуйста");
        });
        String href = page.locator("article.message").nth(0).locator(".attachments a").getAttribute("href");
        var download = page.request().get(browser.url(href));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(picture);
    }

    private Actor actor(String login) {
        return users.userByLogin(login).map(UserRef::toActor).orElseThrow();
    }

    private static void deliver(GreenMailUser user, String raw) throws Exception {
        user.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1))));
    }

    private static String b64(String text, Charset charset) {
        return Base64.getEncoder().encodeToString(text.getBytes(charset));
    }
}
