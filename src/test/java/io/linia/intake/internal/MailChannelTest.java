package io.linia.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.intake.MailChannel;
import io.linia.intake.MailSecurity;
import io.linia.intake.MailboxCommand;
import io.linia.intake.MailboxView;
import io.linia.intake.OutboxView;
import io.linia.intake.OutboxView.OutboxKind;
import io.linia.intake.OutboxView.OutboxState;
import io.linia.intake.PollResult;
import io.linia.intake.ProcessedAction;
import io.linia.intake.QuarantineView;
import io.linia.intake.QuarantineView.QuarantineState;
import io.linia.support.MailServers;
import io.linia.support.MailTestSupport;
import io.linia.support.StoreTest;
import io.linia.support.WebSession;
import io.linia.tickets.AttachmentContent;
import io.linia.tickets.Channel;
import io.linia.tickets.Delivery;
import io.linia.tickets.MessageKind;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketNumber;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketSummary;
import io.linia.tickets.TicketView;
import io.linia.tickets.TicketView.MessageView;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The e-mail channel end to end over real protocols: mails put into a GreenMail IMAP mailbox are read
 * by Linia, become tickets and messages; what Linia sends arrives at a GreenMail SMTP server.
 */
@StoreTest
class MailChannelTest extends MailTestSupport {

    private static final Charset KOI8R = Charset.forName("KOI8-R");
    private static final Charset CP1251 = Charset.forName("windows-1251");
    private static final Charset ISO_8859_5 = Charset.forName("ISO-8859-5");

    @Autowired
    io.linia.automation.AutomationRules rules;
    @Autowired
    MailChannel channel;
    @Autowired
    MailboxReader reader;
    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    OutboxSender sender;
    @Autowired
    OutboxRepository outbox;
    @LocalServerPort
    int port;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    void transactions(org.springframework.transaction.PlatformTransactionManager manager) {
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(manager);
    }

    private final MailServers servers = MailServers.INSTANCE;

    /**
     * Mail the demo data queued at start (its tickets' acknowledgements) goes out first, so that each test's own
     * mail is in the sender's next batch whatever the order the tests run in.
     */
    @BeforeEach
    void nothingLeftOverInTheOutbox() {
        for (int batch = 0; batch < 50 && sender.sendDue() > 0; batch++) {
            // one batch of linia.mail.outbox.batch-size after another
        }
    }

    @AfterEach
    void noCrashes() {
        reader.afterCommit(null);
    }

    // ------------------------------------------------------------------ new tickets and threading

    @Test
    void mailBecomesTicketAndCustomerGetsAnAcknowledgementWithItsNumber() throws Exception {
        Box box = newMailbox();
        String customer = customer();
        String id = messageId();
        box.deliver(plain(customer, "Не приходят письма", "Здравствуйте! Уже второй день не приходят письма от банка.", id, ""));

        PollResult result = reader.poll(box.id());

        assertThat(result.newTickets()).isEqualTo(1);
        TicketView t = onlyTicketOf(customer);
        assertThat(t.channel()).isEqualTo(Channel.EMAIL);
        assertThat(t.subject()).isEqualTo("Не приходят письма");
        assertThat(t.messages().get(0).body()).contains("второй день не приходят письма от банка");
        assertThat(t.messages().get(0).senderEmail()).isEqualTo(customer);

        sender.sendDue();
        MimeMessage ack = onlyMailTo(customer);
        assertThat(ack.getSubject()).contains(t.number()).contains("Не приходят письма");
        assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(ack.getHeader("In-Reply-To", null)).isEqualTo("<" + id + ">");
        assertThat(ack.getHeader("References", null)).contains("<" + id + ">");
        assertThat(ack.getMessageID()).endsWith("@linia.local>");
        assertThat(text(ack)).contains(t.number());
        assertThat(flagsOf(box)).allMatch(f -> f.contains(MailboxReader.PROCESSED_KEYWORD));
    }

    @Test
    void theAcknowledgementOffersPublicArticlesThatMayAlreadyAnswer() throws Exception {
        Box box = newMailbox();
        String customer = customer();
        box.deliver(plain(customer, "Ящик заблокирован", "Мой почтовый ящик заблокирован, что написать в поддержку?",
                messageId(), ""));
        reader.poll(box.id());

        sender.sendDue();

        String ack = text(onlyMailTo(customer));
        assertThat(ack).contains("Ящик заблокирован: что написать в поддержку").contains("/help/articles/");
        assertThat(ack).doesNotContain("Регламент"); // internal articles never go to customers
    }

    @Test
    void customersReplyToTheAcknowledgementJoinsTheTicketByInReplyTo() throws Exception {
        Box box = newMailbox();
        String customer = customer();
        box.deliver(plain(customer, "Вопрос", "Первое письмо", messageId(), ""));
        reader.poll(box.id());
        sender.sendDue();
        String ackId = onlyMailTo(customer).getMessageID();

        box.deliver(plain(customer, "Re: совсем другая тема", "Дополняю: ящик ivan@mail.example", messageId(),
                "In-Reply-To: " + ackId + "\r\n"));
        PollResult second = reader.poll(box.id());

        assertThat(second.replies()).isEqualTo(1);
        assertThat(second.newTickets()).isZero();
        TicketView t = onlyTicketOf(customer);
        assertThat(t.messages()).extracting(MessageView::body)
                .containsExactly("Первое письмо", "Дополняю: ящик ivan@mail.example");
    }

    @Test
    void replyJoinsByReferencesThenBySubjectNumberElseStartsANewTicket() throws Exception {
        Box box = newMailbox();
        String customer = customer();
        String first = messageId();
        box.deliver(plain(customer, "Тема", "Начало", first, ""));
        reader.poll(box.id());
        String number = onlyTicketOf(customer).number();

        box.deliver(plain(customer, "Без номера", "По References", messageId(),
                "References: <unknown@elsewhere> <" + first + ">\r\n"));
        box.deliver(plain(customer, "Re: [" + number + "] Тема", "По номеру в теме", messageId(), ""));
        box.deliver(plain(customer, "Re: [L-999999] Тема", "Номер чужой и несуществующий", messageId(), ""));
        reader.poll(box.id());

        List<TicketSummary> all = tickets.ownTickets(actorOf(customer), 10);
        assertThat(all).hasSize(2);
        TicketView t = tickets.forMail(TicketNumber.parse(number).orElseThrow()).orElseThrow();
        assertThat(t.messages()).extracting(MessageView::body).containsExactly("Начало", "По References", "По номеру в теме");
    }

    @Test
    void mailFromAnotherAddressIsKeptOnTheTicketButFlagged() throws Exception {
        Box box = newMailbox();
        String customer = customer();
        String first = messageId();
        box.deliver(plain(customer, "Взломали ящик", "Помогите", first, ""));
        reader.poll(box.id());
        String stranger = customer();

        box.deliver(plain(stranger, "Re: Взломали ящик", "Это мой муж, дайте мне доступ", messageId(),
                "In-Reply-To: <" + first + ">\r\n"));
        reader.poll(box.id());

        TicketView t = onlyTicketOf(customer);
        MessageView foreign = t.messages().get(1);
        assertThat(foreign.foreignSender()).isTrue();
        assertThat(foreign.senderEmail()).isEqualTo(stranger);
        assertThat(t.messages().get(0).foreignSender()).isFalse();
        assertThat(tickets.ownTickets(actorOf(stranger), 10)).isEmpty();
    }

    @Test
    void theSameMessageTwiceInTheMailboxMakesOneTicket() throws Exception {
        Box box = newMailbox();
        String customer = customer();
        String id = messageId();
        byte[] mail = plain(customer, "Дважды", "Одно и то же письмо", id, "");
        box.deliver(mail);
        box.deliver(mail);

        PollResult result = reader.poll(box.id());

        assertThat(result.newTickets()).isEqualTo(1);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(tickets.ownTickets(actorOf(customer), 10)).hasSize(1);
    }

    // ------------------------------------------------------------------ content

    @Test
    void russianCharsetsInHeadersAndBodiesAreDecoded() throws Exception {
        Box box = newMailbox();
        String customer = customer();
        String subject = "Не могу войти в почту";
        String body = "Ёжик в тумане: пароль не подходит, помогите восстановить доступ.";

        box.deliver(raw(header(customer, "=?KOI8-R?B?" + b64(subject, KOI8R) + "?=", messageId())
                + "Content-Type: text/plain; charset=KOI8-R\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + qp(body, KOI8R) + "\r\n"));
        box.deliver(raw(header(customer, "=?windows-1251?Q?" + qEncoded("Вопрос о " + "ящике", CP1251) + "?=", messageId())
                + "Content-Type: text/plain; charset=windows-1251\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64("Пишу из Windows: кодировка 1251.", CP1251) + "\r\n"));
        box.deliver(raw(header(customer, "=?ISO-8859-5?B?" + b64("Старая кодировка", ISO_8859_5) + "?=", messageId())
                + "Content-Type: text/plain; charset=ISO-8859-5\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + latin1("Текст в ISO-8859-5.", ISO_8859_5) + "\r\n"));
        // no encoded word and no charset at all: raw windows-1251 bytes, as some old clients send
        box.deliver(raw(header(customer, latin1("Без кодировки в заголовке", CP1251), messageId())
                + "Content-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + latin1("Тело тоже без указания кодировки, но это windows-1251.", CP1251) + "\r\n"));
        box.deliver(raw(header(customer, "=?UTF-8?B?" + b64("Юникод 🙂", StandardCharsets.UTF_8) + "?=", messageId())
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + latin1("Всё в UTF-8, с ё и эмодзи 🙂", StandardCharsets.UTF_8) + "\r\n"));

        PollResult result = reader.poll(box.id());

        assertThat(result.newTickets()).isEqualTo(5);
        List<TicketView> all = ticketsOf(customer);
        assertThat(all).extracting(TicketView::subject).containsExactlyInAnyOrder(subject, "Вопрос о ящике",
                "Старая кодировка", "Без кодировки в заголовке", "Юникод 🙂");
        assertThat(all).extracting(t -> t.messages().get(0).body().strip()).containsExactlyInAnyOrder(body,
                "Пишу из Windows: кодировка 1251.", "Текст в ISO-8859-5.",
                "Тело тоже без указания кодировки, но это windows-1251.", "Всё в UTF-8, с ё и эмодзи 🙂");
    }

    @Test
    void htmlIsSanitisedAndTextIsPreferredInAlternatives() throws Exception {
        Box box = newMailbox();
        String customer = customer();
        String boundary = "b1";
        box.deliver(raw(header(customer, "HTML", messageId())
                + "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + latin1("Текстовая часть письма", StandardCharsets.UTF_8) + "\r\n"
                + "--" + boundary + "\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
                + latin1("<p onclick=\"steal()\">HTML <b>часть</b></p><script>alert(1)</script>"
                + "<img src=x onerror=alert(2)><img src=\"http://tracker.example/pixel.gif\">"
                + "<a href=\"javascript:alert(3)\">ссылка</a>", StandardCharsets.UTF_8) + "\r\n"
                + "--" + boundary + "--\r\n"));

        reader.poll(box.id());

        MessageView m = onlyTicketOf(customer).messages().get(0);
        assertThat(m.body()).isEqualTo("Текстовая часть письма");
        assertThat(m.html()).contains("<b>часть</b>")
                .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("onclick").doesNotContainIgnoringCase("javascript:")
                .doesNotContainPattern("(?<!-)src=\"http");
        assertThat(m.html()).contains("data-remote-src");
    }

    @Test
    void attachmentsAreStoredAndDownloadableByThoseWhoSeeTheTicketOnly() throws Exception {
        Box box = newMailbox();
        String customer = customer();
        byte[] pdf = new byte[70_000];
        new java.util.Random(7).nextBytes(pdf);
        String boundary = "mix";
        box.deliver(raw(header(customer, "Скриншот ошибки", messageId())
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + latin1("Во вложении выписка", StandardCharsets.UTF_8) + "\r\n"
                + "--" + boundary + "\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename*=UTF-8''%D0%B2%D1%8B%D0%BF%D0%B8%D1%81%D0%BA%D0%B0.pdf\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(pdf) + "\r\n"
                + "--" + boundary + "--\r\n"));

        reader.poll(box.id());

        TicketView t = onlyTicketOf(customer);
        TicketView.AttachmentView file = t.messages().get(0).attachments().get(0);
        assertThat(file.fileName()).isEqualTo("выписка.pdf");
        assertThat(file.size()).isEqualTo(pdf.length);
        AttachmentContent content = tickets.attachment(agent("l1"), t.number(), file.id());
        assertThat(content.content()).isEqualTo(pdf);

        HttpResponse<String> asAgent = WebSession.signedIn(port, "l1").get("/attachments/" + t.number() + "/" + file.id());
        assertThat(asAgent.statusCode()).isEqualTo(200);
        assertThat(asAgent.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        HttpResponse<String> asOtherCustomer = WebSession.signedIn(port, "olga").get("/attachments/" + t.number() + "/" + file.id());
        assertThat(asOtherCustomer.statusCode()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ loops and noise

    @Test
    void autoRepliesAndBouncesNeverMakeTicketsAndABounceMarksTheReplyUndelivered() throws Exception {
        Box box = newMailbox();
        String customer = customer();
        box.deliver(plain(customer, "Помогите", "Не работает вход", messageId(), ""));
        reader.poll(box.id());
        TicketView t = onlyTicketOf(customer);
        tickets.askForInformation(agent("l1"), t.number(), new TicketCommands.AskForInformation("Какой у вас логин?", null));
        sender.sendDue();
        MimeMessage question = mailsTo(customer).stream().filter(m -> subjectOf(m).contains("Re:")).findFirst().orElseThrow();

        box.deliver(plain(customer, "Автоответ: Помогите", "Я в отпуске до понедельника", messageId(),
                "Auto-Submitted: auto-replied\r\nIn-Reply-To: " + question.getMessageID() + "\r\n"));
        box.deliver(plain(customer, "Out of Office", "Away", messageId(), "X-Autoreply: yes\r\n"));
        box.deliver(bounce(question.getMessageID(), customer));
        PollResult result = reader.poll(box.id());

        assertThat(result.autoReplies()).isEqualTo(2);
        assertThat(result.bounces()).isEqualTo(1);
        assertThat(result.newTickets()).isZero();
        assertThat(result.replies()).isZero();
        assertThat(tickets.ownTickets(actorOf(customer), 10)).hasSize(1);
        TicketView after = onlyTicketOf(customer);
        MessageView reply = after.messages().stream().filter(m -> m.kind() == MessageKind.PUBLIC_REPLY).findFirst().orElseThrow();
        assertThat(reply.delivery()).isEqualTo(Delivery.BOUNCED);
        assertThat(reply.deliveryDetail()).contains("5.1.1");
        sender.sendDue();
        assertThat(mailsTo(customer)).hasSize(2); // the acknowledgement and the question; nothing for the noise
        assertThat(channel.journal(admin(), io.linia.intake.InboundView.Outcome.AUTO_REPLY, 500))
                .filteredOn(v -> v.mailboxId() == box.id()).extracting(io.linia.intake.InboundView::detail)
                .containsExactlyInAnyOrder("Auto-Submitted: auto-replied", "X-Autoreply: yes");
        assertThat(channel.journal(admin(), io.linia.intake.InboundView.Outcome.BOUNCE, 500))
                .filteredOn(v -> v.mailboxId() == box.id()).singleElement()
                .satisfies(v -> assertThat(v.ticketNumber()).isEqualTo(t.number()));
    }

    @Test
    void aSenderWithTooManyNewTicketsIsKeptButNoLongerAcknowledged() throws Exception {
        Box box = newMailbox();
        String customer = customer();
        for (int i = 0; i < 7; i++) {
            box.deliver(plain(customer, "Спам " + i, "Письмо номер " + i, messageId(), ""));
        }

        reader.poll(box.id());
        sender.sendDue();

        assertThat(tickets.ownTickets(actorOf(customer), 20)).hasSize(7);
        assertThat(mailsTo(customer)).hasSize(5); // linia.mail.sender-tickets-per-hour = 5 in tests
    }

    // ------------------------------------------------------------------ outbound

    @Test
    void agentsAnswerGoesOutByMailInTheThreadAndTheAgentSeesItSent() throws Exception {
        Box box = newMailbox();
        String customer = customer();
        String first = messageId();
        box.deliver(plain(customer, "Как сменить пароль", "Подскажите, как сменить пароль", first, ""));
        reader.poll(box.id());
        TicketView t = onlyTicketOf(customer);

        tickets.answer(agent("l1"), t.number(), new TicketCommands.Answer("Откройте Настройки → Пароль.",
                "https://help.example.ru/password", "Смена пароля", null, null));
        assertThat(publicReply(customer).delivery()).isEqualTo(Delivery.QUEUED);
        sender.sendDue();

        MimeMessage solved = mailsTo(customer).stream().filter(m -> subjectOf(m).contains("Re:")).findFirst().orElseThrow();
        assertThat(text(solved)).contains("Откройте Настройки → Пароль.").contains("https://help.example.ru/password")
                .contains(t.number());
        assertThat(solved.getHeader("In-Reply-To", null)).isEqualTo("<" + first + ">");
        assertThat(solved.getHeader("Auto-Submitted", null)).isNull();
        assertThat(publicReply(customer).delivery()).isEqualTo(Delivery.SENT);
    }

    @Test
    void whileSmtpIsDownMailWaitsAndIsSentWhenItIsBack() throws Exception {
        Box box = newMailbox();
        String customer = customer();
        box.deliver(plain(customer, "Сервер недоступен", "Проверка очереди", messageId(), ""));
        reader.poll(box.id());
        TicketView t = onlyTicketOf(customer);
        servers.stopSmtp();
        try {
            tickets.askForInformation(agent("l1"), t.number(), new TicketCommands.AskForInformation("Уточните адрес", null));
            sender.sendDue();
            MessageView waiting = publicReply(customer);
            assertThat(waiting.delivery()).isEqualTo(Delivery.RETRYING);
            assertThat(waiting.deliveryDetail()).isNotBlank();
            assertThat(outbox.findByTicketIdOrderById(t.id())).extracting(OutboxEntry::state)
                    .containsOnly(OutboxState.RETRYING);
        } finally {
            servers.restartSmtp();
        }
        Thread.sleep(1200); // the retry pause of the tests (first 200 ms, at most 1 s)
        sender.sendDue();

        assertThat(mailsTo(customer)).hasSize(2);
        assertThat(publicReply(customer).delivery()).isEqualTo(Delivery.SENT);
        assertThat(outbox.findByTicketIdOrderById(t.id())).extracting(OutboxEntry::state).containsOnly(OutboxState.SENT);
    }

    @Test
    void teamLeadsGetOneDigestMailOfTheBreachesTheSlaPassFound() throws Exception {
        Box box = newMailbox();
        String customer = customer();
        box.deliver(plain(customer, "Долго нет ответа", "Жду ответа", messageId(), ""));
        reader.poll(box.id());
        TicketView t = onlyTicketOf(customer);
        UserRef lead = users.userByLogin("lead").orElseThrow();

        transactions.executeWithoutResult(s -> events.publishEvent(new io.linia.sla.SlaBreachesFound(java.util.Map.of(lead.id(),
                List.of(new io.linia.sla.SlaBreachesFound.Breach(t.id(), t.number(), io.linia.sla.SlaTarget.FIRST_RESPONSE))),
                java.time.Instant.now())));
        sender.sendDue();

        MimeMessage digest = onlyMailTo(lead.email(), t.number());
        assertThat(digest.getSubject()).contains("Нарушены сроки").contains("1");
        assertThat(text(digest)).contains(t.number()).contains("Первый ответ").contains("/agent/tickets/" + t.number());
        assertThat(digest.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
    }

    @Test
    void teamLeadsGetAMailOfASpikeAlertWithItsNewWordsAndSampleTickets() throws Exception {
        Box box = newMailbox();
        String customer = customer();
        box.deliver(plain(customer, "Не приходят письма от банка", "Письма не приходят уже час", messageId(), ""));
        reader.poll(box.id());
        TicketView t = onlyTicketOf(customer);
        UserRef lead = users.userByLogin("lead").orElseThrow();

        transactions.executeWithoutResult(s -> events.publishEvent(new io.linia.analytics.SpikeAlertRaised(77, "CATEGORY",
                "Письма не приходят", "Mail does not arrive", java.time.Instant.now(), 12, 2.0,
                List.of(new io.linia.analytics.SpikeAlertRaised.Sample(t.id(), t.number(), t.subject())),
                List.of("банка", "приходят"), List.of(lead.id()))));
        sender.sendDue();

        MimeMessage alert = onlyMailTo(lead.email(), t.number());
        assertThat(alert.getSubject()).contains("Письма не приходят").contains("12");
        assertThat(text(alert)).contains("банка, приходят").contains(t.number()).contains("/agent/tickets/" + t.number())
                .contains("/agent/analytics/alerts");
        assertThat(alert.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
    }

    @Test
    void aRulesNoticeReachesTheStaffMemberByMailToo() throws Exception {
        io.linia.accounts.Actor admin = users.userByLogin("admin").orElseThrow().toActor();
        UserRef lead = users.userByLogin("lead").orElseThrow();
        String word = "кодовое" + UUID.randomUUID().toString().substring(0, 6);
        io.linia.automation.RuleView rule = rules.create(admin, new io.linia.automation.RuleCommand("Почта руководителю", null,
                io.linia.automation.RuleTrigger.CREATED, null,
                List.of(new io.linia.automation.RuleCondition(io.linia.automation.RuleCondition.Field.TEXT,
                        io.linia.automation.RuleCondition.Operator.CONTAINS, word)),
                List.of(new io.linia.automation.RuleAction(io.linia.automation.RuleAction.Type.NOTIFY, String.valueOf(lead.id()),
                        "Клиент написал кодовое слово")), true, false, null, null));
        try {
            Box box = newMailbox();
            String customer = customer();
            box.deliver(plain(customer, "Вопрос", "Моё " + word, messageId(), ""));
            reader.poll(box.id());
            TicketView t = onlyTicketOf(customer);
            sender.sendDue();

            MimeMessage notice = onlyMailTo(lead.email(), t.number());
            assertThat(notice.getSubject()).contains(t.number()).contains("Клиент написал кодовое слово");
            assertThat(text(notice)).contains("Клиент написал кодовое слово").contains("/agent/tickets/" + t.number())
                    .contains("«Почта руководителю»");
            assertThat(notice.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        } finally {
            rules.delete(admin, rule.id(), null);
        }
    }

    // ------------------------------------------------------------------ nothing lost, nothing twice

    @Test
    void aCrashAfterCommitAndBeforeFlaggingCreatesNoDuplicate() throws Exception {
        Box box = newMailbox();
        String customer = customer();
        box.deliver(plain(customer, "Падение", "Проверка повторного чтения", messageId(), ""));
        AtomicBoolean crashed = new AtomicBoolean();
        reader.afterCommit((mailbox, batch) -> {
            if (crashed.compareAndSet(false, true)) {
                throw new MessagingException("simulated crash between commit and flag");
            }
        });

        assertThatThrownBy(() -> reader.poll(box.id())).isInstanceOf(MailboxReader.MailboxUnavailable.class);
        assertThat(tickets.ownTickets(actorOf(customer), 10)).hasSize(1);
        assertThat(flagsOf(box)).noneMatch(f -> f.contains(MailboxReader.PROCESSED_KEYWORD));

        PollResult again = reader.poll(box.id());

        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(again.newTickets()).isZero();
        assertThat(tickets.ownTickets(actorOf(customer), 10)).hasSize(1);
        assertThat(flagsOf(box)).allMatch(f -> f.contains(MailboxReader.PROCESSED_KEYWORD));
    }

    @Test
    void anUnreadableMailIsQuarantinedWithItsSourceAndMovedAside() throws Exception {
        Box box = newMailbox();
        byte[] garbage = "This is not a mail at all, no header line\r\n\r\n\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
        box.deliver(garbage);
        String customer = customer();
        box.deliver(plain(customer, "Нормальное письмо", "Рядом с испорченным", messageId(), ""));

        PollResult result = reader.poll(box.id());

        assertThat(result.newTickets()).isEqualTo(1);
        assertThat(result.quarantined()).isEqualTo(1);
        QuarantineView q = channel.quarantine(admin(), QuarantineState.OPEN, 500).stream()
                .filter(v -> v.mailboxId() == box.id()).findFirst().orElseThrow();
        assertThat(q.reason()).isNotBlank();
        assertThat(new String(channel.rawSource(admin(), q.id()), StandardCharsets.ISO_8859_1)).contains("This is not a mail");
        ImapHostManager manager = servers.imap().getManagers().getImapHostManager();
        MailFolder quarantine = manager.getFolder(box.user(), Mailbox.DEFAULT_QUARANTINE);
        assertThat(quarantine).isNotNull();
        assertThat(quarantine.getMessageCount()).isEqualTo(1);
        assertThat(manager.getInbox(box.user()).getMessageCount()).isEqualTo(1);
    }

    @Test
    void aMailboxOverTlsIsReadLikeAPlainOne() throws Exception {
        Box box = newMailbox(ProcessedAction.FLAG, false, false, MailSecurity.TLS);
        String customer = customer();
        box.deliver(plain(customer, "По TLS", "Ящик читается по imaps", messageId(), ""));

        MailChannel.ConnectionCheck check = channel.check(admin(), box.id());
        PollResult result = reader.poll(box.id());

        assertThat(check.ok()).as(check.error()).isTrue();
        assertThat(check.unprocessed()).isEqualTo(1);
        assertThat(result.newTickets()).isEqualTo(1);
        assertThat(onlyTicketOf(customer).subject()).isEqualTo("По TLS");
    }

    @Test
    void aWrongPasswordIsReportedOnTheMailboxAndChangesNothing() {
        Box box = newMailbox();
        MailboxView view = channel.mailbox(admin(), box.id());
        channel.update(admin(), box.id(), new MailboxCommand(view.name(), view.address(), view.host(), view.port(),
                view.security(), view.username(), "wrong-password", view.folder(), view.processedAction(),
                view.processedFolder(), view.quarantineFolder(), 30, false, false, view.version()));

        assertThatThrownBy(() -> reader.poll(box.id())).isInstanceOf(MailboxReader.MailboxUnavailable.class);
        assertThat(channel.check(admin(), box.id()).ok()).isFalse();
        assertThat(channel.mailbox(admin(), box.id()).lastError()).isNotBlank();
    }

    @Test
    void movedMailLeavesTheInboxForTheProcessedFolder() throws Exception {
        Box box = newMailbox(ProcessedAction.MOVE, false, false);
        String customer = customer();
        box.deliver(plain(customer, "Переместить", "После обработки письмо уходит в папку", messageId(), ""));

        reader.poll(box.id());

        ImapHostManager manager = servers.imap().getManagers().getImapHostManager();
        assertThat(manager.getInbox(box.user()).getMessageCount()).isZero();
        assertThat(manager.getFolder(box.user(), Mailbox.DEFAULT_PROCESSED).getMessageCount()).isEqualTo(1);
        assertThat(tickets.ownTickets(actorOf(customer), 10)).hasSize(1);
    }

    @Test
    void idleBringsNewMailWithoutWaitingForTheSchedule() throws Exception {
        Box box = newMailbox(ProcessedAction.FLAG, true, true);
        waitFor(() -> channel.mailbox(admin(), box.id()).lastPollAt() != null, Duration.ofSeconds(20));
        Thread.sleep(500); // the IDLE watcher connects after the first pass
        String customer = customer();

        box.deliver(plain(customer, "Сразу", "IDLE должен разбудить чтение", messageId(), ""));

        waitFor(() -> users.userByLogin(customer).isPresent() && !tickets.ownTickets(actorOf(customer), 10).isEmpty(),
                Duration.ofSeconds(15));
        assertThat(onlyTicketOf(customer).subject()).isEqualTo("Сразу");
    }

    // ------------------------------------------------------------------ helpers

    record Box(long id, GreenMailUser user) {
        void deliver(byte[] raw) throws MessagingException {
            user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
        }
    }

    private Box newMailbox() {
        return newMailbox(ProcessedAction.FLAG, false, false);
    }

    private Box newMailbox(ProcessedAction action, boolean enabled, boolean idle) {
        return newMailbox(action, enabled, idle, MailSecurity.PLAIN);
    }

    private Box newMailbox(ProcessedAction action, boolean enabled, boolean idle, MailSecurity security) {
        String login = "support-" + UUID.randomUUID().toString().substring(0, 8);
        String address = login + "@linia.test";
        GreenMailUser user = servers.imap().setUser(address, login, "secret");
        MailboxView view = channel.create(admin(), new MailboxCommand(login, address, "127.0.0.1",
                security == MailSecurity.TLS ? servers.imapsPort() : servers.imapPort(), security, login, "secret", "INBOX", action, action == ProcessedAction.MOVE ? Mailbox.DEFAULT_PROCESSED : null,
                Mailbox.DEFAULT_QUARANTINE, idle ? 3600 : 30, idle, enabled, null));
        return new Box(view.id(), user);
    }

    private List<String> flagsOf(Box box) throws Exception {
        MailFolder inbox = servers.imap().getManagers().getImapHostManager().getInbox(box.user());
        return inbox.getMessages().stream().map(StoredMessage::getFlags).map(MailChannelTest::flagNames).toList();
    }

    private static String flagNames(Flags flags) {
        return Arrays.toString(flags.getUserFlags()) + (flags.contains(Flags.Flag.SEEN) ? " \\Seen" : "");
    }

    private static String customer() {
        return "c-" + UUID.randomUUID().toString().substring(0, 12) + "@example.ru";
    }

    private static String messageId() {
        return UUID.randomUUID() + "@mail.example.ru";
    }

    private Actor admin() {
        return agent("admin");
    }

    private Actor agent(String login) {
        return users.userByLogin(login).map(UserRef::toActor).orElseThrow();
    }

    private Actor actorOf(String email) {
        return users.userByLogin(email).map(UserRef::toActor).orElseThrow(() -> new AssertionError("no customer " + email));
    }

    private List<TicketView> ticketsOf(String email) {
        return tickets.ownTickets(actorOf(email), 50).stream()
                .map(s -> tickets.forMail(s.id()).orElseThrow()).toList();
    }

    private TicketView onlyTicketOf(String email) {
        List<TicketView> all = ticketsOf(email);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private MessageView publicReply(String email) {
        return onlyTicketOf(email).messages().stream().filter(m -> m.kind() == MessageKind.PUBLIC_REPLY)
                .reduce((a, b) -> b).orElseThrow();
    }

    private List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(servers.smtp().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(email));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private MimeMessage onlyMailTo(String email) {
        List<MimeMessage> mails = mailsTo(email);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    /** The one mail to a member of staff about this ticket (staff get mail about other tests' tickets too). */
    private MimeMessage onlyMailTo(String email, String ticketNumber) {
        List<MimeMessage> mails = mailsTo(email).stream().filter(m -> {
            try {
                return text(m).contains(ticketNumber);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage m) throws Exception {
        return m.getContent().toString();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    // ------------------------------------------------------------------ raw mail builders

    static String header(String from, String subject, String id) {
        return "From: =?UTF-8?B?" + b64("Клиент", StandardCharsets.UTF_8) + "?= <" + from + ">\r\n"
                + "To: support@linia.test\r\nSubject: " + subject + "\r\nMessage-ID: <" + id + ">\r\n"
                + "Date: Wed, 25 Nov 2026 10:00:00 +0300\r\n";
    }

    static byte[] plain(String from, String subject, String body, String id, String extraHeaders) {
        return raw(header(from, "=?UTF-8?B?" + b64(subject, StandardCharsets.UTF_8) + "?=", id) + extraHeaders
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64(body, StandardCharsets.UTF_8) + "\r\n");
    }

    static byte[] bounce(String originalId, String recipient) {
        return raw("From: Mail Delivery System <MAILER-DAEMON@mx.example.ru>\r\nTo: support@linia.test\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <" + messageId() + ">\r\n"
                + "Date: Wed, 25 Nov 2026 10:05:00 +0300\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"dsn\"\r\n\r\n"
                + "--dsn\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
                + "--dsn\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.ru\r\n\r\n"
                + "Final-Recipient: rfc822; " + recipient + "\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 User unknown\r\n"
                + "--dsn\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: support@linia.local\r\nTo: " + recipient + "\r\n"
                + "Message-ID: " + originalId + "\r\nSubject: question\r\n"
                + "--dsn--\r\n");
    }

    static byte[] raw(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Text in a charset, as a string whose chars are its bytes (to build raw mail). */
    static String latin1(String text, Charset charset) {
        return new String(text.getBytes(charset), StandardCharsets.ISO_8859_1);
    }

    static String b64(String text, Charset charset) {
        return Base64.getEncoder().encodeToString(text.getBytes(charset));
    }

    static String qp(String text, Charset charset) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(charset)) {
            int c = b & 0xff;
            if (c >= 33 && c <= 126 && c != '=') {
                out.append((char) c);
            } else if (c == ' ') {
                out.append(' ');
            } else {
                out.append('=').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    static String qEncoded(String text, Charset charset) {
        return qp(text, charset).replace(' ', '_');
    }
}
