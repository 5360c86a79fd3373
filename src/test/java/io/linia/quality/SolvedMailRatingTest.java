package io.linia.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.intake.MailChannel;
import io.linia.support.MailServers;
import io.linia.support.MailTestSupport;
import io.linia.support.StoreTest;
import io.linia.support.WebSession;
import io.linia.tickets.Channel;
import io.linia.tickets.Priority;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The solved notice, sent over real SMTP (GreenMail), carries one signed rating link per score, and such a link
 * rates the ticket in a browser session that never signed in.
 */
@StoreTest
class SolvedMailRatingTest extends MailTestSupport {

    private static final Pattern LINK = Pattern.compile("https?://\\S+?(/rate/[A-Za-z0-9._-]+)\\?score=(\\d)");

    @LocalServerPort
    int port;
    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    MailChannel channel;

    @Test
    void theSolvedMailCarriesSignedRatingLinksThatWorkWithoutSigningIn() throws Exception {
        String email = "rate-" + UUID.randomUUID().toString().substring(0, 10) + "@example.ru";
        Actor l1 = users.userByLogin("l1").map(UserRef::toActor).orElseThrow();
        TicketView t = tickets.create(l1, new TicketCommands.NewTicket("Не приходят письма", "Письма от банка не приходят",
                email, "Мария", null, Priority.NORMAL), Channel.WEB);
        tickets.answer(l1, t.number(), new TicketCommands.Answer("Проверьте фильтры: письма банка попадали в папку «Рассылки».",
                null, null, null));
        // the background sender may be busy with the demo's mail: send and wait until the notice has arrived
        long end = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        do {
            channel.sendNow(users.userByLogin("admin").map(UserRef::toActor).orElseThrow());
            Thread.sleep(200);
        } while (System.nanoTime() < end && Arrays.stream(MailServers.INSTANCE.smtp().getReceivedMessages())
                .noneMatch(m -> recipients(m).contains(email) && text(m).contains("Проверьте фильтры")));

        MimeMessage solved = Arrays.stream(MailServers.INSTANCE.smtp().getReceivedMessages())
                .filter(m -> recipients(m).contains(email)).filter(m -> text(m).contains("Проверьте фильтры")).findFirst()
                .orElseThrow(() -> new AssertionError("no solved mail to " + email + ": " + channel.outbox(
                        users.userByLogin("admin").map(UserRef::toActor).orElseThrow(), null, 20) + " received "
                        + Arrays.stream(MailServers.INSTANCE.smtp().getReceivedMessages()).map(SolvedMailRatingTest::recipients).toList()));
        String body = text(solved);
        Matcher m = LINK.matcher(body);
        List<String> scores = new java.util.ArrayList<>();
        String linkFor4 = null;
        while (m.find()) {
            scores.add(m.group(2));
            if (m.group(2).equals("4")) {
                linkFor4 = m.group(1) + "?score=4";
            }
        }
        assertThat(scores).containsExactly("1", "2", "3", "4", "5");
        assertThat(body).contains("Оцените, пожалуйста, наш ответ");

        WebSession nobody = WebSession.anonymous(port);
        HttpResponse<String> page = nobody.get(linkFor4);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(t.number()).contains("data-auto-submit=\"true\"")
                .containsPattern("id=\"score-4\"\\s+value=\"4\"\\s+checked");
        String path = linkFor4.replace("?score=4", "");
        // what the page's script sends (a scanner fetching the link records nothing; the browser test runs the script)
        assertThat(nobody.post(path, java.util.Map.of("score", "4", "via", "link")).body()).contains("data-score=\"4\"");
        // a link changed by one character is refused
        // a character inside the signature: every bit of it counts (the last one of unpadded base64url carries spare bits)
        int at = path.length() - 8;
        String forgedPath = path.substring(0, at) + (path.charAt(at) == 'A' ? 'B' : 'A') + path.substring(at + 1);
        HttpResponse<String> forged = nobody.get(forgedPath + "?score=5");
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    private static String recipients(MimeMessage m) {
        try {
            return Arrays.toString(m.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage m) {
        try {
            return m.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
