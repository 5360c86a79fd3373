package io.linia.intake.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MailParserTest {

    static final long MIB = 1024 * 1024;
    private final MailParser parser = new MailParser(20 * MIB);

    /** A raw message: strings are written with CRLF line ends (ASCII/UTF-8), byte arrays as they are. */
    static byte[] mail(Object... pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object piece : pieces) {
            if (piece instanceof byte[] bytes) {
                out.writeBytes(bytes);
            } else {
                out.writeBytes(piece.toString().replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    static String base64(byte[] bytes) {
        return Base64.getMimeEncoder().encodeToString(bytes);
    }

    static String b(String charset, String text) {
        return "=?" + charset + "?B?" + Base64.getEncoder().encodeToString(text.getBytes(Charset.forName(charset))) + "?=";
    }

    private static final String HEADERS = """
            From: =?utf-8?B?0JjQstCw0L0g0J/QtdGC0YDQvtCy?= <Ivan@Mail.Example>
            To: support@linia.example
            Message-ID: <abc.123@mail.example>
            Date: Tue, 24 Nov 2026 10:00:00 +0300
            MIME-Version: 1.0
            """;

    /** A single-part mail with the given part headers (Content-Type, …) and body. */
    private ParsedMail singlePart(String partHeaders, Object... body) throws UnparseableMailException {
        Object[] pieces = new Object[body.length + 2];
        pieces[0] = HEADERS + "Subject: test\n";
        pieces[1] = partHeaders + "\n\n";
        System.arraycopy(body, 0, pieces, 2, body.length);
        return parser.parse(mail(pieces));
    }

    @Test
    void plainUtf8MailIsReadWithItsHeaders() throws Exception {
        ParsedMail mail = parser.parse(mail(HEADERS, """
                Subject: =?utf-8?B?0J3QtSDRgNCw0LHQvtGC0LDQtdGC?=
                 =?utf-8?B?INC/0L7Rh9GC0LA=?=
                In-Reply-To: <x1@linia.example>
                References: <x0@linia.example>
                 <x1@linia.example>
                Reply-To: Other <Other@Mail.Example>
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: 8bit

                Добрый день!
                Почта не работает.
                """));
        assertThat(mail.messageId()).isEqualTo("abc.123@mail.example");
        assertThat(mail.inReplyTo()).containsExactly("x1@linia.example");
        assertThat(mail.references()).containsExactly("x0@linia.example", "x1@linia.example");
        assertThat(mail.fromAddress()).isEqualTo("ivan@mail.example");
        assertThat(mail.fromName()).isEqualTo("Иван Петров");
        assertThat(mail.replyToAddress()).isEqualTo("other@mail.example");
        assertThat(mail.subject()).isEqualTo("Не работает почта");
        assertThat(mail.sentAt()).isEqualTo(Instant.parse("2026-11-24T07:00:00Z"));
        assertThat(mail.text()).isEqualTo("Добрый день!\nПочта не работает.");
        assertThat(mail.html()).isNull();
        assertThat(mail.attachments()).isEmpty();
        assertThat(mail.automation()).isEqualTo(Automation.NONE);
    }

    @Test
    void koi8rQuotedPrintableBodyIsDecoded() throws Exception {
        byte[] body = "Счёт оплачен, но доступа нет.".getBytes(MailCharset.KOI8_R);
        StringBuilder qp = new StringBuilder();
        for (byte x : body) {
            qp.append(x < 0 ? String.format("=%02X", x & 0xFF) : String.valueOf((char) x));
        }
        int space = qp.indexOf(" ", 30);
        String encoded = qp.substring(0, space) + "=\n" + qp.substring(space);
        ParsedMail mail = parser.parse(mail(HEADERS, "Subject: " + b("koi8-r", "Оплата") + "\n",
                "Content-Type: text/plain; charset=koi8-r\nContent-Transfer-Encoding: quoted-printable\n\n", encoded, "\n"));
        assertThat(mail.subject()).isEqualTo("Оплата");
        assertThat(mail.text()).isEqualTo("Счёт оплачен, но доступа нет.");
    }

    @Test
    void windows1251Base64BodyWithBadPaddingIsDecoded() throws Exception {
        String encoded = base64("Пароль не подходит!".getBytes(MailCharset.WINDOWS_1251)).replace("=", "");
        ParsedMail mail = singlePart("Content-Type: text/plain; charset=\"cp-1251\"\nContent-Transfer-Encoding: base64",
                encoded, "\n");
        assertThat(mail.text()).isEqualTo("Пароль не подходит!");
    }

    @Test
    void eightBitBodiesInEachCharsetAreDecodedWithOrWithoutALabel() throws Exception {
        String text = "Спасибо, всё работает. Старый почтовый клиент прислал письмо.";
        Object[][] cases = {
                {"charset=iso-8859-5", MailCharset.ISO_8859_5}, {"charset=koi8-r", MailCharset.KOI8_R},
                {"charset=windows-1251", MailCharset.WINDOWS_1251}, {"charset=utf-8", StandardCharsets.UTF_8},
                {"charset=x-unknown-dos", MailCharset.IBM866}, {"format=flowed", MailCharset.KOI8_R}};
        for (Object[] c : cases) {
            ParsedMail mail = singlePart("Content-Type: text/plain; " + c[0] + "\nContent-Transfer-Encoding: 8bit",
                    text.getBytes((Charset) c[1]));
            assertThat(mail.text()).as((String) c[0]).isEqualTo(text);
        }
    }

    @Test
    void unlabelledEightBitHeadersAndBodyAreDetected() throws Exception {
        ParsedMail mail = parser.parse(mail(
                "From: ".getBytes(StandardCharsets.US_ASCII), "Пётр Сидоров".getBytes(MailCharset.KOI8_R), """
                 <petr@mail.example>
                Subject:\s""", "Не приходят письма".getBytes(MailCharset.WINDOWS_1251), """

                Date: not a date

                """, "Третий день не приходят письма с работы.".getBytes(MailCharset.KOI8_R)));
        assertThat(mail.fromName()).isEqualTo("Пётр Сидоров");
        assertThat(mail.fromAddress()).isEqualTo("petr@mail.example");
        assertThat(mail.subject()).isEqualTo("Не приходят письма");
        assertThat(mail.text()).isEqualTo("Третий день не приходят письма с работы.");
        assertThat(mail.messageId()).isNull();
        assertThat(mail.sentAt()).isNull();
        assertThat(mail.replyToAddress()).isNull();
        assertThat(mail.inReplyTo()).isEmpty();
    }

    @Test
    void alternativePrefersPlainTextAndKeepsSanitisedHtml() throws Exception {
        ParsedMail mail = parser.parse(mail(HEADERS, """
                Subject: alt
                Content-Type: multipart/alternative; boundary="b1"

                --b1
                Content-Type: text/plain; charset=utf-8

                Текстовая версия
                --b1
                Content-Type: text/html; charset=utf-8

                <html><head><title>T</title><style>p{}</style></head><body><p>HTML <b>версия</b></p><script>alert(1)</script></body></html>
                --b1--
                """));
        assertThat(mail.text()).isEqualTo("Текстовая версия");
        assertThat(mail.html()).contains("<b>версия</b>").doesNotContain("script").doesNotContain("alert").doesNotContain("<title>");
    }

    @Test
    void htmlOnlyMailGetsTextFromTheHtml() throws Exception {
        ParsedMail mail = parser.parse(mail(HEADERS, """
                Subject: html
                Content-Type: text/html; charset=windows-1251
                Content-Transfer-Encoding: base64

                """, base64("<div>Строка&nbsp;1<br>Строка 2</div><p>Абзац &amp; &laquo;кавычки&raquo;</p><ul><li>один</li><li>два</li></ul>"
                .getBytes(MailCharset.WINDOWS_1251)), "\n"));
        assertThat(mail.text()).isEqualTo("Строка 1\nСтрока 2\n\nАбзац & «кавычки»\n\n- один\n- два");
        assertThat(mail.html()).contains("Строка").contains("<li>один</li>");
    }

    @Test
    void emptyPlainAlternativeFallsBackToHtmlText() throws Exception {
        ParsedMail mail = parser.parse(mail(HEADERS, """
                Subject: alt
                Content-Type: multipart/alternative; boundary=b1

                --b1
                Content-Type: text/plain; charset=utf-8

                \s
                --b1
                Content-Type: text/html; charset=utf-8

                <p>Только <i>HTML</i></p>
                --b1--
                """));
        assertThat(mail.text()).isEqualTo("Только HTML");
    }

    @Test
    void nestedRelatedInlineImageAndRfc2231AttachmentAreKept() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        byte[] pdf = "%PDF-1.4 fake".getBytes(StandardCharsets.US_ASCII);
        ParsedMail mail = parser.parse(mail(HEADERS, """
                Subject: nested
                Content-Type: multipart/mixed; boundary="mixed"

                --mixed
                Content-Type: multipart/related; boundary="rel"

                --rel
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset=utf-8

                Смотрите картинку
                --alt
                Content-Type: text/html; charset=utf-8

                <p>Смотрите <img src="cid:logo@x"></p>
                --alt--
                --rel
                Content-Type: image/png
                Content-Transfer-Encoding: base64
                Content-ID: <logo@x>

                """, base64(png), """

                --rel--
                --mixed
                Content-Type: application/pdf
                Content-Transfer-Encoding: base64
                Content-Disposition: attachment;
                 filename*0*=utf-8''%D0%A1%D1%87%D1%91%D1%82%20;
                 filename*1*=%E2%84%96%205.pdf

                """, base64(pdf), """

                --mixed--
                """));
        assertThat(mail.text()).isEqualTo("Смотрите картинку");
        assertThat(mail.html()).contains("src=\"cid:logo&#64;x\""); // '@' escaped; the attribute value is cid:logo@x
        assertThat(mail.attachments()).hasSize(2);
        MailAttachment image = mail.attachments().get(0);
        assertThat(image.inline()).isTrue();
        assertThat(image.contentId()).isEqualTo("logo@x");
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.content()).isEqualTo(png);
        MailAttachment file = mail.attachments().get(1);
        assertThat(file.fileName()).isEqualTo("Счёт № 5.pdf");
        assertThat(file.inline()).isFalse();
        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertThat(file.content()).isEqualTo(pdf);
    }

    @Test
    void encodedWordFileNameInNameParameterIsDecoded() throws Exception {
        ParsedMail mail = parser.parse(mail(HEADERS, """
                Subject: file
                Content-Type: multipart/mixed; boundary=m

                --m
                Content-Type: text/plain

                see file
                --m
                Content-Type: application/octet-stream; name="%s"

                data
                --m--
                """.formatted(b("koi8-r", "Договор.docx"))));
        assertThat(mail.attachments()).singleElement()
                .satisfies(a -> assertThat(a.fileName()).isEqualTo("Договор.docx"));
    }

    @Test
    void forwardedMailIsKeptAsEmlAttachment() throws Exception {
        ParsedMail mail = parser.parse(mail(HEADERS, """
                Subject: Fwd
                Content-Type: multipart/mixed; boundary=m

                --m
                Content-Type: text/plain; charset=utf-8

                Пересылаю
                --m
                Content-Type: message/rfc822

                From: a@b.ru
                Subject: %s
                Message-ID: <orig@b.ru>

                Оригинал
                --m--
                """.formatted(b("utf-8", "Старое письмо"))));
        assertThat(mail.text()).isEqualTo("Пересылаю");
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("Старое письмо.eml");
            assertThat(a.contentType()).isEqualTo("message/rfc822");
            assertThat(new String(a.content(), StandardCharsets.UTF_8)).contains("Message-ID: <orig@b.ru>");
        });
        assertThat(mail.automation()).isEqualTo(Automation.NONE);
    }

    @Test
    void attachmentsOverTheLimitAreSkippedLargestFirst() throws Exception {
        MailParser small = new MailParser(1000);
        ParsedMail mail = small.parse(mail(HEADERS, """
                Subject: big
                Content-Type: multipart/mixed; boundary=m

                --m
                Content-Type: text/plain

                files
                --m
                Content-Type: application/octet-stream; name=a.bin
                Content-Transfer-Encoding: base64

                """, base64(new byte[600]), """

                --m
                Content-Type: application/octet-stream; name=b.bin
                Content-Transfer-Encoding: base64

                """, base64(new byte[900]), """

                --m
                Content-Type: application/octet-stream; name=c.bin
                Content-Transfer-Encoding: base64

                """, base64(new byte[300]), """

                --m--
                """));
        assertThat(mail.attachments()).extracting(MailAttachment::fileName).containsExactly("a.bin", "c.bin");
        assertThat(mail.skipped()).containsExactly(new SkippedAttachment("b.bin", "application/octet-stream", 900));
    }

    @Test
    void longTextIsCutAndTravelsWhole() throws Exception {
        String line = "Очень длинное письмо, строка за строкой.\n";
        String body = line.repeat(2000);
        ParsedMail mail = singlePart("Content-Type: text/plain; charset=utf-8", body);
        assertThat(mail.text()).hasSize(MailParser.MAX_TEXT_CHARS + MailParser.CUT_MARK.length()).endsWith("\n[…]");
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("message.txt");
            assertThat(a.contentType()).isEqualTo("text/plain; charset=UTF-8");
            assertThat(new String(a.content(), StandardCharsets.UTF_8)).isEqualTo(body.strip());
        });
    }

    @Test
    void textIsCleanedOfControlCharacters() throws Exception {
        ParsedMail mail = singlePart("Content-Type: text/plain; charset=utf-8", "a\u0000b\u0007c\r\nd");
        assertThat(mail.text()).isEqualTo("abc\nd");
    }

    @Test
    void inputThatIsNoMailIsUnparseable() {
        assertThatThrownBy(() -> parser.parse(new byte[0])).isInstanceOf(UnparseableMailException.class);
        assertThatThrownBy(() -> parser.parse(mail("Hello, this is just text\nwithout any headers\n")))
                .isInstanceOf(UnparseableMailException.class).hasMessageContaining("header");
        assertThatThrownBy(() -> parser.parse(mail("\n\nbody only\n"))).isInstanceOf(UnparseableMailException.class);
    }

    @Test
    void multipartWithoutAnyBoundaryIsUnparseable() {
        assertThatThrownBy(() -> parser.parse(mail(HEADERS, """
                Subject: broken
                Content-Type: multipart/mixed; boundary="nowhere"

                just text, no parts at all
                """))).isInstanceOf(UnparseableMailException.class).hasMessageContaining("MIME");
    }

    @Test
    void missingEndBoundaryIsTolerated() throws Exception {
        ParsedMail mail = parser.parse(mail(HEADERS, """
                Subject: cut
                Content-Type: multipart/mixed; boundary=m

                --m
                Content-Type: text/plain; charset=utf-8

                Обрезанное письмо
                """));
        assertThat(mail.text()).isEqualTo("Обрезанное письмо");
    }

    @Test
    void messageIdWithoutBracketsOrEmptyIsTolerated() throws Exception {
        assertThat(parser.parse(mail("From: a@b.ru\nMessage-ID:  12345.abc \n\nx")).messageId()).isEqualTo("12345.abc");
        assertThat(parser.parse(mail("From: a@b.ru\nMessage-ID: <>\n\nx")).messageId()).isNull();
        assertThat(parser.parse(mail("From: a@b.ru\nMessage-ID:\n\nx")).messageId()).isNull();
    }

    @Test
    void mboxFromLineIsIgnored() throws Exception {
        ParsedMail mail = parser.parse(mail("From ivan@mail.example Tue Nov 24 10:00:00 2026\n", HEADERS,
                "Subject: mbox\n\nhi\n"));
        assertThat(mail.subject()).isEqualTo("mbox");
        assertThat(Arrays.asList(mail.text())).containsExactly("hi");
    }
}
