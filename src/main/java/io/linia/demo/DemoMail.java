package io.linia.demo;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.intake.MailChannel;
import io.linia.intake.MailSecurity;
import io.linia.intake.MailboxCommand;
import io.linia.intake.PollResult;
import io.linia.intake.ProcessedAction;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Mail as the desk receives it, for the demo: a support mailbox (switched off — there is no mail
 * server here; an admin fills in a real one) and a few mails taken through the real parser and
 * threading, as Russian clients send them: KOI8-R, windows-1251 with HTML and a screenshot, a reply,
 * a stranger writing about someone else's mailbox, an auto-reply (ignored) and a broken mail
 * (quarantined). Only on an empty store with {@code linia.demo.tickets}.
 */
@Component
@Order(20)
class DemoMail implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoMail.class);
    private static final Charset KOI8R = Charset.forName("KOI8-R");
    private static final Charset CP1251 = Charset.forName("windows-1251");
    private static final String PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    private final MailChannel channel;
    private final UserDirectory users;
    private final boolean enabled;

    DemoMail(MailChannel channel, UserDirectory users, @Value("${linia.demo.enabled:true}") boolean enabled,
             @Value("${linia.demo.tickets:true}") boolean tickets) {
        this.channel = channel;
        this.users = users;
        this.enabled = enabled && tickets;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        Actor admin = users.userByLogin("admin").map(UserRef::toActor).orElse(null);
        if (admin == null || !channel.mailboxes(admin).isEmpty()) {
            return;
        }
        long box = channel.create(admin, new MailboxCommand("support", "support@linia.local", "imap.example.ru", 993,
                MailSecurity.TLS, "support@linia.local", "change-me", "INBOX", ProcessedAction.FLAG, null,
                "Linia-Quarantine", 30, true, false, null)).id();
        PollResult result = channel.importMessages(admin, box, mails());
        log.info("Demo mail: {} tickets and {} replies from mail, {} auto-reply ignored, {} mail in quarantine",
                result.newTickets(), result.replies(), result.autoReplies(), result.quarantined());
    }

    private static List<byte[]> mails() {
        String first = "demo-1@mail.example.ru";
        return List.of(
                raw("From: =?KOI8-R?B?" + b64("Марина Ковалёва", KOI8R) + "?= <marina.kovaleva@example.ru>\r\n"
                        + "To: support@linia.local\r\nSubject: =?KOI8-R?B?" + b64("Не приходят письма с Госуслуг", KOI8R) + "?=\r\n"
                        + "Message-ID: <" + first + ">\r\nDate: Tue, 24 Nov 2026 09:12:00 +0300\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: text/plain; charset=KOI8-R\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                        + latin1("""
                        Здравствуйте!

                        Третий день не приходят письма с кодом подтверждения от Госуслуг. В папке «Спам» пусто,
                        фильтров не настраивала. Другие письма приходят.

                        Марина
                        """, KOI8R)),
                raw("From: =?windows-1251?Q?" + q("Олег", CP1251) + "?= <oleg.sidorov@example.ru>\r\n"
                        + "To: support@linia.local\r\nSubject: =?windows-1251?B?" + b64("Приложение не показывает новые письма", CP1251) + "?=\r\n"
                        + "Message-ID: <demo-2@mail.example.ru>\r\nDate: Tue, 24 Nov 2026 10:40:00 +0300\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: multipart/mixed; boundary=\"mix\"\r\n\r\n"
                        + "--mix\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n"
                        + "--alt\r\nContent-Type: text/plain; charset=windows-1251\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                        + Base64.getMimeEncoder().encodeToString("""
                        Добрый день. Приложение на Android (версия 14.2) перестало показывать новые письма,
                        в веб-версии они есть. Переустановка не помогла. Скриншот во вложении.

                        -----Original Message-----
                        From: support@linia.local
                        Sent: Monday, November 23, 2026 18:00
                        Subject: Re: Приложение
                        Попробуйте обновить приложение.
                        """.getBytes(CP1251)) + "\r\n"
                        + "--alt\r\nContent-Type: text/html; charset=windows-1251\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                        + Base64.getMimeEncoder().encodeToString(("<div><p>Добрый день. Приложение на <b>Android</b> (версия 14.2)"
                        + " перестало показывать новые письма, в веб-версии они есть.</p><p>Переустановка не помогла."
                        + " Скриншот во вложении.</p><img src=\"https://tracker.example.com/open.gif\" width=\"1\" height=\"1\">"
                        + "<script>alert('x')</script></div>").getBytes(CP1251)) + "\r\n--alt--\r\n"
                        + "--mix\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
                        + "Content-Disposition: attachment; filename*=UTF-8''%D1%81%D0%BA%D1%80%D0%B8%D0%BD%D1%88%D0%BE%D1%82.png\r\n\r\n"
                        + PIXEL + "\r\n--mix--\r\n"),
                raw("From: marina.kovaleva@example.ru\r\nTo: support@linia.local\r\n"
                        + "Subject: =?UTF-8?B?" + b64("Re: Не приходят письма с Госуслуг", StandardCharsets.UTF_8) + "?=\r\n"
                        + "Message-ID: <demo-3@mail.example.ru>\r\nIn-Reply-To: <" + first + ">\r\nReferences: <" + first + ">\r\n"
                        + "Date: Tue, 24 Nov 2026 12:05:00 +0300\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                        + latin1("""
                        Забыла написать: адрес в профиле Госуслуг указан правильный, проверила.

                        24.11.2026, 09:12, "Марина Ковалёва" <marina.kovaleva@example.ru>:
                        > Третий день не приходят письма с кодом подтверждения от Госуслуг.
                        """, StandardCharsets.UTF_8)),
                raw("From: =?UTF-8?B?" + b64("Виктор", StandardCharsets.UTF_8) + "?= <viktor.k@example.com>\r\n"
                        + "To: support@linia.local\r\nSubject: =?UTF-8?B?" + b64("Re: Не приходят письма с Госуслуг", StandardCharsets.UTF_8) + "?=\r\n"
                        + "Message-ID: <demo-4@mail.example.com>\r\nIn-Reply-To: <" + first + ">\r\n"
                        + "Date: Tue, 24 Nov 2026 13:30:00 +0300\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                        + latin1("Это ящик моей жены, пришлите мне, пожалуйста, новый пароль от него.", StandardCharsets.UTF_8)),
                raw("From: oleg.sidorov@example.ru\r\nTo: support@linia.local\r\n"
                        + "Subject: =?UTF-8?B?" + b64("Автоответ: Приложение не показывает новые письма", StandardCharsets.UTF_8) + "?=\r\n"
                        + "Message-ID: <demo-5@mail.example.ru>\r\nAuto-Submitted: auto-replied\r\n"
                        + "Date: Tue, 24 Nov 2026 14:00:00 +0300\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                        + latin1("Я в отпуске до 1 декабря.", StandardCharsets.UTF_8)),
                raw("This line is no mail header\r\n\r\nand this mail cannot be read\r\n"));
    }

    private static byte[] raw(String latin1) {
        return latin1.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String latin1(String text, Charset charset) {
        return new String(text.getBytes(charset), StandardCharsets.ISO_8859_1);
    }

    private static String b64(String text, Charset charset) {
        return Base64.getEncoder().encodeToString(text.getBytes(charset));
    }

    private static String q(String text, Charset charset) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(charset)) {
            out.append('=').append(String.format("%02X", b & 0xff));
        }
        return out.toString();
    }
}
