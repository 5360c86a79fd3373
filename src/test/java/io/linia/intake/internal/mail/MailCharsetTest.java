package io.linia.intake.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MailCharsetTest {

    static final String RUSSIAN = "Здравствуйте! Не могу войти в почтовый ящик, пишет что пароль неверный.";

    @Test
    void labelsJavaDoesNotKnowAreMapped() {
        assertThat(MailCharset.resolve("win-1251")).isEqualTo(MailCharset.WINDOWS_1251);
        assertThat(MailCharset.resolve("cp-1251")).isEqualTo(MailCharset.WINDOWS_1251);
        assertThat(MailCharset.resolve("x-cp1251")).isEqualTo(MailCharset.WINDOWS_1251);
        assertThat(MailCharset.resolve("koi8r")).isEqualTo(MailCharset.KOI8_R);
        assertThat(MailCharset.resolve("\"KOI8-R\"")).isEqualTo(MailCharset.KOI8_R);
        assertThat(MailCharset.resolve("cp866")).isEqualTo(MailCharset.IBM866);
        assertThat(MailCharset.resolve("utf8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(MailCharset.resolve("no-such-charset")).isNull();
    }

    @Test
    void unlabelledBytesOfEachCyrillicCharsetAreRecognised() {
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, MailCharset.WINDOWS_1251, MailCharset.KOI8_R,
                MailCharset.ISO_8859_5, MailCharset.IBM866}) {
            assertThat(MailCharset.guess(RUSSIAN.getBytes(charset))).as(charset.name()).isEqualTo(RUSSIAN);
        }
    }

    @Test
    void shortUnlabelledWordsAreRecognised() {
        assertThat(MailCharset.guess("Тест".getBytes(MailCharset.KOI8_R))).isEqualTo("Тест");
        assertThat(MailCharset.guess("Тест".getBytes(MailCharset.WINDOWS_1251))).isEqualTo("Тест");
        assertThat(MailCharset.guess("Привет".getBytes(MailCharset.ISO_8859_5))).isEqualTo("Привет");
    }

    @Test
    void wrongLabelIsOverruledByTheBytes() {
        assertThat(MailCharset.decode(RUSSIAN.getBytes(StandardCharsets.UTF_8), "windows-1251")).isEqualTo(RUSSIAN);
        assertThat(MailCharset.decode(RUSSIAN.getBytes(MailCharset.WINDOWS_1251), "utf-8")).isEqualTo(RUSSIAN);
        assertThat(MailCharset.decode(RUSSIAN.getBytes(MailCharset.WINDOWS_1251), "us-ascii")).isEqualTo(RUSSIAN);
        assertThat(MailCharset.decode(RUSSIAN.getBytes(MailCharset.KOI8_R), "iso-8859-1")).isEqualTo(RUSSIAN);
        assertThat(MailCharset.decode(RUSSIAN.getBytes(MailCharset.KOI8_R), "windows-1251")).isEqualTo(RUSSIAN);
    }

    @Test
    void westernTextLabelledLatin1StaysLatin1() {
        String german = "Grüße aus München, schöne Straße";
        assertThat(MailCharset.decode(german.getBytes(StandardCharsets.ISO_8859_1), "iso-8859-1")).isEqualTo(german);
    }
}
