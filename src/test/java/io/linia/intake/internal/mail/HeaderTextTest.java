package io.linia.intake.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class HeaderTextTest {

    private static String b(String charset, String text) {
        return "=?" + charset + "?B?" + Base64.getEncoder().encodeToString(text.getBytes(Charset.forName(charset))) + "?=";
    }

    /** Header text as Jakarta Mail hands it over: one char per raw byte. */
    private static String raw(String text, Charset charset) {
        return new String(text.getBytes(charset), StandardCharsets.ISO_8859_1);
    }

    @Test
    void koi8rSubjectInEncodedWordIsDecoded() {
        assertThat(HeaderText.decode(b("koi8-r", "Не работает почта"))).isEqualTo("Не работает почта");
    }

    @Test
    void quotedPrintableEncodedWordIsDecoded() {
        assertThat(HeaderText.decode("=?windows-1251?Q?=CF=F0=E8=E2=E5=F2_=EC=E8=F0?=")).isEqualTo("Привет мир");
        assertThat(HeaderText.decode("=?ISO-8859-5?Q?=BF=E0=D8=D2=D5=E2?=")).isEqualTo("Привет");
    }

    @Test
    void whitespaceBetweenEncodedWordsIsDropped() {
        assertThat(HeaderText.decode(b("utf-8", "Заявка") + "\r\n " + b("utf-8", " номер 5"))).isEqualTo("Заявка номер 5");
        assertThat(HeaderText.decode("Re: " + b("utf-8", "Заявка") + " done")).isEqualTo("Re: Заявка done");
    }

    @Test
    void encodedWordsGluedToTextAndToEachOtherAreDecoded() {
        assertThat(HeaderText.decode("Re:" + b("koi8-r", "Вопрос") + b("koi8-r", " по счёту") + "!"))
                .isEqualTo("Re:Вопрос по счёту!");
    }

    @Test
    void characterSplitAcrossTwoEncodedWordsIsJoined() {
        byte[] bytes = "Счёт".getBytes(StandardCharsets.UTF_8); // 8 bytes; split inside "ч"
        String first = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, 0, 3));
        String second = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, 3, bytes.length));
        assertThat(HeaderText.decode("=?UTF-8?B?" + first + "?= =?UTF-8?B?" + second + "?=")).isEqualTo("Счёт");
    }

    @Test
    void unknownCharsetNamesAreMapped() {
        assertThat(HeaderText.decode(b("windows-1251", "Оплата").replace("windows-1251", "win-1251"))).isEqualTo("Оплата");
        assertThat(HeaderText.decode(b("koi8-r", "Оплата").replace("koi8-r", "koi8r"))).isEqualTo("Оплата");
        assertThat(HeaderText.decode(b("windows-1251", "Оплата").replace("windows-1251", "x-cp1251"))).isEqualTo("Оплата");
    }

    @Test
    void badBase64PaddingInEncodedWordDecodesWhatIsThere() {
        String word = b("utf-8", "Пароль!");
        assertThat(word).endsWith("==?=");
        assertThat(HeaderText.decode(word.replace("==?=", "?="))).isEqualTo("Пароль!");
    }

    @Test
    void rawUnlabelledEightBitHeadersAreRecovered() {
        assertThat(HeaderText.decode(raw("Проблема с ящиком", MailCharset.WINDOWS_1251))).isEqualTo("Проблема с ящиком");
        assertThat(HeaderText.decode(raw("Проблема с ящиком", MailCharset.KOI8_R))).isEqualTo("Проблема с ящиком");
        assertThat(HeaderText.decode(raw("Проблема с ящиком", StandardCharsets.UTF_8))).isEqualTo("Проблема с ящиком");
    }

    @Test
    void mailboxWithEncodedDisplayNameIsSplit() {
        HeaderText.Mailbox box = HeaderText.mailbox(b("utf-8", "Иванов, Иван") + " <Ivan.Petrov@Example.RU>");
        assertThat(box.address()).isEqualTo("ivan.petrov@example.ru");
        assertThat(box.name()).isEqualTo("Иванов, Иван");
    }

    @Test
    void mailboxWithQuotedRawNameAndBareAddressesAreRead() {
        assertThat(HeaderText.mailbox("\"" + raw("Пётр", MailCharset.WINDOWS_1251) + "\" <p@x.ru>"))
                .isEqualTo(new HeaderText.Mailbox("p@x.ru", "Пётр"));
        assertThat(HeaderText.mailbox("p@x.ru (Petr)")).isEqualTo(new HeaderText.Mailbox("p@x.ru", "Petr"));
        assertThat(HeaderText.mailbox("P@X.RU")).isEqualTo(new HeaderText.Mailbox("p@x.ru", null));
        assertThat(HeaderText.mailbox("undisclosed recipients").address()).isNull();
    }

    @Test
    void messageIdListsLoseTheirBrackets() {
        assertThat(HeaderText.messageIds("<a@b.ru>\r\n <c.d@e.ru> (comment)")).containsExactly("a@b.ru", "c.d@e.ru");
        assertThat(HeaderText.messageIds(" x@y.ru ")).containsExactly("x@y.ru");
        assertThat(HeaderText.messageIds(null)).isEmpty();
    }

    @Test
    void rfc2231FileNameWithContinuationsIsDecoded() {
        HeaderText.Parameterised disposition = HeaderText.parameterised(
                "attachment; filename*0*=utf-8''%D0%A1%D1%87%D1%91%D1%82; filename*1*=%20%E2%84%965.pdf");
        assertThat(disposition.value()).isEqualTo("attachment");
        assertThat(disposition.decoded("filename")).isEqualTo("Счёт №5.pdf");
        assertThat(HeaderText.parameterised("attachment; filename*=win-1251''%D1%F7%E5%F2.txt").decoded("filename"))
                .isEqualTo("Счет.txt");
        assertThat(HeaderText.parameterised("attachment; filename=\"" + b("koi8-r", "Акт.pdf") + "\"").decoded("filename"))
                .isEqualTo("Акт.pdf");
    }
}
