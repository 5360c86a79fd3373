package io.linia;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.intake.internal.OutboxSender;
import io.linia.support.BrowserSession;
import io.linia.support.MailServers;
import io.linia.support.MailTestSupport;
import io.linia.tickets.Channel;
import io.linia.tickets.MessageKind;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import io.linia.training.StageKind;
import io.linia.training.TrainingProgress;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Supervised work in a real browser, with real mail: the demo trainee in the supervised stage ({@code trainee4}) answers
 * a ticket; the answer is held (nothing is mailed); the trainer ({@code trainer}) opens the held drafts, edits the text
 * and approves it; the customer receives the edited text by mail (GreenMail), once, and never the trainee's original.
 * Screenshots go to {@code target/browser-screenshots/<test>/}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"linia.demo.tickets=false",
        "linia.test.context=supervised-reply"})
@ActiveProfiles("test")
class SupervisedReplyBrowserTest extends MailTestSupport {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    TrainingProgress progress;
    @Autowired
    OutboxSender sender;

    @Test
    void trainerEditsAndApprovesATraineesAnswerAndTheCustomerReceivesTheEditedText() throws Exception {
        Actor trainee = users.userByLogin("trainee4").map(UserRef::toActor).orElseThrow();
        UserRef trainer = users.userByLogin("trainer").orElseThrow();
        assertThat(progress.currentStage(trainee.id()).orElseThrow().kind()).isEqualTo(StageKind.SUPERVISED_WORK);
        int countedBefore = countedTickets(trainee.id());

        String customer = "c-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru";
        TicketView ticket = tickets.create(users.userByLogin("l1").map(UserRef::toActor).orElseThrow(),
                new TicketCommands.NewTicket("Не приходят письма от банка", "Здравствуйте! Второй день не приходят письма от банка.",
                        customer, "Иван Петров", null, null), Channel.WEB);
        sendAll();
        String original = "Проверте папку спам " + UUID.randomUUID().toString().substring(0, 6);
        String edited = "Здравствуйте! Проверьте, пожалуйста, папку «Спам» и добавьте адрес банка в контакты. "
                + UUID.randomUUID().toString().substring(0, 6);

        Page traineePage = browser.signIn("trainee", "trainee4");
        browser.step(traineePage, "writes-answer", () -> {
            traineePage.navigate(browser.url("/agent/tickets/" + ticket.number()));
            browser.expand(traineePage, "#form-answer");
            traineePage.locator("#answer-body").fill(original);
            traineePage.locator("#do-answer").click();
            assertThat(traineePage.locator("#flash-success")).containsText(trainer.displayName());
            assertThat(traineePage.locator("#ticket-state [data-state]")).hasAttribute("data-state", "NEW");
            assertThat(traineePage.locator("article.message[data-kind=PUBLIC_REPLY]")).hasCount(0);
            assertThat(traineePage.locator("#supervision-panel .draft-waiting")).containsText(trainer.displayName());
            assertThat(traineePage.locator("#supervision-panel .draft-original")).hasText(original);
        });
        sendAll();
        assertThat(mailsTo(customer, "Проверте")).as("held: nothing reaches the customer").isEmpty();

        Page trainerPage = browser.signIn("trainer", "trainer");
        browser.step(trainerPage, "opens-held-drafts", () -> {
            trainerPage.navigate(browser.url("/agent/training"));
            trainerPage.locator("#tab-supervision").click();
            Locator draft = trainerPage.locator("#held-drafts article.draft").filter(new Locator.FilterOptions().setHasText(ticket.number()));
            assertThat(draft).hasCount(1);
            assertThat(draft.locator(".draft-body")).hasValue(original);
            assertThat(draft.locator(".waiting")).isVisible();
            assertThat(draft).containsText(trainee.name());
        });
        browser.step(trainerPage, "edits-and-approves", () -> {
            Locator draft = trainerPage.locator("#held-drafts article.draft").filter(new Locator.FilterOptions().setHasText(ticket.number()));
            draft.locator(".draft-body").fill(edited);
            draft.locator(".draft-comment").fill("«Спам» с заглавной и в кавычках, и без ошибок");
            draft.locator(".do-approve").click();
            assertThat(trainerPage.locator("#flash-success")).containsText(ticket.number());
            assertThat(trainerPage.locator("#held-drafts article.draft").filter(new Locator.FilterOptions().setHasText(ticket.number())))
                    .hasCount(0);
        });
        browser.step(trainerPage, "ticket-shows-approval", () -> {
            trainerPage.navigate(browser.url("/agent/tickets/" + ticket.number()));
            assertThat(trainerPage.locator("article.message[data-kind=PUBLIC_REPLY] .message-text")).containsText(edited);
            assertThat(trainerPage.locator("article.message[data-kind=PUBLIC_REPLY]")).containsText(trainee.name());
            assertThat(trainerPage.locator("#history tr[data-action=ANSWER] .approved-by")).containsText(trainer.displayName());
        });

        sendAll();
        assertThat(mailsTo(customer, edited)).as("the edited text, once").hasSize(1);
        assertThat(mailsTo(customer, "Проверте")).as("never the original").isEmpty();
        TicketView done = tickets.forMail(ticket.id()).orElseThrow();
        assertThat(done.messages().stream().filter(m -> m.kind() == MessageKind.PUBLIC_REPLY).map(TicketView.MessageView::body))
                .containsExactly(edited);
        assertThat(countedTickets(trainee.id())).isEqualTo(countedBefore + 1);

        browser.step(traineePage, "sees-feedback", () -> {
            traineePage.navigate(browser.url("/agent/training/supervision"));
            Locator mine = traineePage.locator("#my-drafts article.draft").filter(new Locator.FilterOptions().setHasText(ticket.number()));
            assertThat(mine).hasAttribute("data-status", "EDITED");
            assertThat(mine.locator(".draft-original")).hasText(original);
            assertThat(mine.locator(".draft-sent")).hasText(edited);
            assertThat(mine.locator(".draft-comment-text")).containsText("с заглавной");
        });
    }

    @Autowired
    io.linia.training.Enrolments enrolments;

    /** The tickets counted in the trainee's current (supervised) stage. */
    private int countedTickets(long traineeId) {
        long enrolmentId = progress.currentStage(traineeId).orElseThrow().enrolmentId();
        Actor lead = users.userByLogin("lead").map(UserRef::toActor).orElseThrow();
        return enrolments.enrolment(lead, enrolmentId).current().orElseThrow().ticketsDone();
    }

    private void sendAll() {
        for (int batch = 0; batch < 50 && sender.sendDue() > 0; batch++) {
            // one batch after another
        }
    }

    private static List<String> mailsTo(String customer, String text) throws Exception {
        List<String> found = new ArrayList<>();
        for (MimeMessage m : MailServers.INSTANCE.smtp().getReceivedMessages()) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(customer)) && text(m).contains(text)) {
                found.add(m.getSubject());
            }
        }
        return found;
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/*")) {
            return part.getContent().toString();
        }
        StringBuilder all = new StringBuilder();
        if (part.getContent() instanceof Multipart multi) {
            for (int i = 0; i < multi.getCount(); i++) {
                all.append(text(multi.getBodyPart(i))).append('\n');
            }
        }
        return all.toString();
    }
}
