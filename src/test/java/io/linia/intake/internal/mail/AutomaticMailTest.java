package io.linia.intake.internal.mail;

import static io.linia.intake.internal.mail.MailParserTest.b;
import static io.linia.intake.internal.mail.MailParserTest.mail;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AutomaticMailTest {

    private final MailParser parser = new MailParser(MailParserTest.MIB);

    private ParsedMail parse(String headers, String subject) throws UnparseableMailException {
        return parser.parse(mail("From: Ivan <ivan@mail.example>\nMessage-ID: <m1@mail.example>\n", headers,
                "Subject: " + subject + "\nContent-Type: text/plain; charset=utf-8\n\nТекст\n"));
    }

    @Test
    void autoSubmittedOtherThanNoIsAnAutoReply() throws Exception {
        ParsedMail mail = parse("Auto-Submitted: auto-replied\n", "Re: [L-000123] Доступ");
        assertThat(mail.automation()).isEqualTo(Automation.AUTO_REPLY);
        assertThat(mail.automationReason()).isEqualTo("Auto-Submitted: auto-replied");
        assertThat(parse("Auto-Submitted: no\n", "Вопрос").automation()).isEqualTo(Automation.NONE);
    }

    @Test
    void precedenceBulkOrAutoReplyIsAnAutoReply() throws Exception {
        assertThat(parse("Precedence: bulk\n", "News").automationReason()).isEqualTo("Precedence: bulk");
        assertThat(parse("Precedence: auto_reply\n", "x").automation()).isEqualTo(Automation.AUTO_REPLY);
        assertThat(parse("Precedence: first-class\n", "x").automation()).isEqualTo(Automation.NONE);
    }

    @Test
    void xAutoreplyHeadersCountUnlessNo() throws Exception {
        assertThat(parse("X-Autoreply: yes\n", "x").automationReason()).isEqualTo("X-Autoreply: yes");
        assertThat(parse("X-Autorespond: 1\n", "x").automation()).isEqualTo(Automation.AUTO_REPLY);
        assertThat(parse("X-Auto-Reply: true\n", "x").automation()).isEqualTo(Automation.AUTO_REPLY);
        assertThat(parse("X-Autoreply: no\n", "x").automation()).isEqualTo(Automation.NONE);
    }

    @Test
    void outlookSuppressionRequestAloneIsNotAutomatic() throws Exception {
        assertThat(parse("X-Auto-Response-Suppress: All\n", "Вопрос по тарифу").automation()).isEqualTo(Automation.NONE);
        assertThat(parse("X-Auto-Response-Suppress: OOF, AutoReply\n", "x").automation()).isEqualTo(Automation.NONE);
    }

    @Test
    void outOfOfficeSubjectsInRussianAndEnglishAreAutoReplies() throws Exception {
        ParsedMail russian = parse("", b("utf-8", "Автоответ: Re: [L-000123] Доступ"));
        assertThat(russian.automation()).isEqualTo(Automation.AUTO_REPLY);
        assertThat(russian.automationReason()).isEqualTo("subject: Автоответ");
        assertThat(parse("", b("koi8-r", "RE: Автоматический ответ: заявка")).automationReason())
                .isEqualTo("subject: Автоматический ответ");
        assertThat(parse("", "Out of Office: ticket").automation()).isEqualTo(Automation.AUTO_REPLY);
        assertThat(parse("", "Automatic reply: ticket").automation()).isEqualTo(Automation.AUTO_REPLY);
        assertThat(parse("", "Fwd: Re: Auto-reply").automation()).isEqualTo(Automation.AUTO_REPLY);
        assertThat(parse("", b("windows-1251", "Я в отпуске до 1 декабря")).automation()).isEqualTo(Automation.AUTO_REPLY);
        assertThat(parse("", b("utf-8", "Нет на месте")).automation()).isEqualTo(Automation.AUTO_REPLY);
        assertThat(parse("", b("utf-8", "Вопрос про автоответ")).automation()).isEqualTo(Automation.NONE);
    }

    @Test
    void deliveryStatusReportIsABounceOfTheOriginalMessage() throws Exception {
        ParsedMail mail = parser.parse(mail("""
                From: Mail Delivery System <MAILER-DAEMON@mx.mail.example>
                To: support@linia.example
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                Message-ID: <dsn1@mx.mail.example>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="r"

                --r
                Content-Type: text/plain; charset=us-ascii

                I'm sorry to have to inform you that your message could not be delivered.
                --r
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.mail.example

                Final-Recipient: rfc822; nobody@mail.example
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 <nobody@mail.example>:
                 Recipient address rejected: User unknown
                --r
                Content-Type: text/rfc822-headers

                From: support@linia.example
                To: nobody@mail.example
                Subject: [L-000123] Reply
                Message-ID: <reply-42@linia.example>
                --r--
                """));
        assertThat(mail.automation()).isEqualTo(Automation.BOUNCE);
        assertThat(mail.automationReason()).startsWith("DSN");
        assertThat(mail.bouncedMessageIds()).containsExactly("reply-42@linia.example");
        assertThat(mail.bounceDiagnostic()).isEqualTo("""
                Final-Recipient: rfc822; nobody@mail.example
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 <nobody@mail.example>: Recipient address rejected: User unknown""");
    }

    @Test
    void deliveryReportWithEmbeddedOriginalMessageNamesIt() throws Exception {
        ParsedMail mail = parser.parse(mail("""
                From: postmaster@mail.example
                Subject: Delivery Status Notification (Failure)
                Content-Type: multipart/report; report-type="delivery-status"; boundary=r

                --r
                Content-Type: text/plain

                Delivery failed.
                --r
                Content-Type: message/delivery-status

                Final-Recipient: rfc822; x@mail.example
                Status: 5.2.2
                --r
                Content-Type: message/rfc822

                From: support@linia.example
                Message-ID: <ack-7@linia.example>
                Subject: ack

                body
                --r--
                """));
        assertThat(mail.automation()).isEqualTo(Automation.BOUNCE);
        assertThat(mail.bouncedMessageIds()).containsExactly("ack-7@linia.example");
        assertThat(mail.bounceDiagnostic()).contains("Status: 5.2.2");
    }

    @Test
    void nonStandardBounceFromMailerDaemonIsFoundByTheQuotedMessageId() throws Exception {
        ParsedMail mail = parser.parse(mail("""
                From: MAILER-DAEMON@old.mail.example
                Subject: failure notice
                Date: Tue, 24 Nov 2026 10:00:00 +0300

                Hi. This is the qmail-send program. I'm afraid I wasn't able to deliver your message.
                <nobody@old.mail.example>:
                Sorry, no mailbox here by that name. (#5.1.1) 550 5.1.1 mailbox unavailable

                --- Below this line is a copy of the message.

                Return-Path: <support@linia.example>
                Message-ID: <reply-43@linia.example>
                Subject: [L-000124] Reply
                """));
        assertThat(mail.automation()).isEqualTo(Automation.BOUNCE);
        assertThat(mail.automationReason()).isEqualTo("DSN from MAILER-DAEMON");
        assertThat(mail.bouncedMessageIds()).containsExactly("reply-43@linia.example");
        assertThat(mail.bounceDiagnostic()).contains("550 5.1.1 mailbox unavailable");
    }

    @Test
    void readReceiptIsAutomatic() throws Exception {
        ParsedMail mail = parser.parse(mail("""
                From: ivan@mail.example
                Subject: Read: [L-000123]
                Content-Type: multipart/report; report-type=disposition-notification; boundary=r

                --r
                Content-Type: text/plain

                Your message was read.
                --r--
                """));
        assertThat(mail.automation()).isEqualTo(Automation.AUTO_REPLY);
    }

    @Test
    void mailerDaemonWithoutDomainIsABounce() throws Exception {
        ParsedMail mail = parser.parse(mail("""
                From: MAILER-DAEMON (Mail Delivery System)
                Subject: Undelivered Mail

                Message-ID: <reply-44@linia.example>
                """));
        assertThat(mail.fromAddress()).isNull();
        assertThat(mail.automation()).isEqualTo(Automation.BOUNCE);
        assertThat(mail.bouncedMessageIds()).containsExactly("reply-44@linia.example");
        assertThat(mail.bounceDiagnostic()).isNull();
    }

    @Test
    void bounceQuotingTheOriginalBeyondTheTextLimitStillNamesIt() throws Exception {
        ParsedMail mail = parser.parse(mail("From: MAILER-DAEMON@mx.example\nSubject: failure\n\n",
                "transcript line\n".repeat(5000), "Message-ID: <reply-45@linia.example>\n"));
        assertThat(mail.text()).endsWith("[…]");
        assertThat(mail.bouncedMessageIds()).containsExactly("reply-45@linia.example");
    }
}
