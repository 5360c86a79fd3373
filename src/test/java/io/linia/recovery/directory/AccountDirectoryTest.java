package io.linia.recovery.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.accounts.Actor;
import io.linia.recovery.AccountDirectory;
import io.linia.recovery.BlockReason;
import io.linia.recovery.DirectoryActionResult;
import io.linia.recovery.EmbeddedMailboxes;
import io.linia.recovery.MailboxFacts;
import io.linia.recovery.PasswordMatch;
import io.linia.shared.DomainException;
import io.linia.support.StoreTest;
import java.net.IDN;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded account directory on the demo mailboxes: what an agent sees is masked and carries no hash,
 * remembered passwords are compared with the whole history, actions are recorded and applied, and bad
 * addresses are refused naming the field, changing nothing.
 */
@StoreTest
class AccountDirectoryTest {

    private static final Actor AGENT = new Actor(4242L, "Мария Соколова", Set.of(), Set.of());

    @Autowired
    AccountDirectory directory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    EmbeddedMailboxes mailboxes;

    @Test
    void factsAreMaskedAndCarryNoHash() {
        MailboxFacts anna = directory.facts("anna.sergeeva@pochta.example.ru").orElseThrow();

        assertThat(anna.blocked()).isFalse();
        assertThat(anna.blockReason()).isNull();
        assertThat(anna.registeredOn()).isEqualTo(LocalDate.of(2009, 3, 14));
        assertThat(anna.registrationCity()).isEqualTo("Казань");
        assertThat(anna.maskedPhone()).isEqualTo("+7 *** ***-**-67");
        assertThat(anna.maskedSpareEmail()).isEqualTo("a***@example.com");
        assertThat(anna.folders()).containsExactly("Дача", "Дети — школа", "Квитанции ЖКХ", "Путешествия", "Работа");
        assertThat(anna.frequentContacts()).extracting(MailboxFacts.Contact::address).startsWith(
                "sergeev.oleg@pochta.example.ru", "mama.lida@pochta.example.ru");
        assertThat(anna.filters()).extracting(MailboxFacts.Filter::name).containsExactly("Квитанции", "Школа", "Рассылки");
        assertThat(anna.lastLogins()).hasSize(4);
        assertThat(anna.lastLogins().get(0).country()).isEqualTo("RU");
        assertThat(anna.lastLogins()).extracting(MailboxFacts.Login::country).contains("TR");
        assertThat(anna.lastLogins().get(0).at()).isAfter(anna.lastLogins().get(1).at());

        String shown = anna.toString();
        assertThat(shown).doesNotContain("$2a$", "bcrypt", "9172345167", "a.sergeeva.work");
        assertThat(Arrays.stream(MailboxFacts.class.getRecordComponents()).map(c -> c.getName().toLowerCase()))
                .noneMatch(name -> name.contains("password") || name.contains("hash"));
    }

    @Test
    void blockedMailboxSaysWhyAndMailboxWithoutContactsShowsNone() {
        MailboxFacts petrov = directory.facts("petrov.ivan1978@pochta.example.ru").orElseThrow();
        assertThat(petrov.blocked()).isTrue();
        assertThat(petrov.blockReason()).isEqualTo(BlockReason.SPAM);
        assertThat(petrov.blockedAt()).isBefore(clock.instant());
        assertThat(petrov.maskedSpareEmail()).isNull();
        assertThat(petrov.lastLogins().get(0).country()).isEqualTo("NL");

        MailboxFacts valya = directory.facts("babushka.valya@pochta.example.ru").orElseThrow();
        assertThat(valya.maskedPhone()).isNull();
        assertThat(valya.maskedSpareEmail()).isNull();
        assertThat(valya.filters()).isEmpty();

        assertThat(directory.facts("nobody.here@pochta.example.ru")).isEmpty();
    }

    @Test
    void addressIsNormalisedBeforeLookup() {
        assertThat(directory.facts("  Anna.Sergeeva@POCHTA.Example.RU ")).map(MailboxFacts::address)
                .contains("anna.sergeeva@pochta.example.ru");
        String punycode = "Dmitry@" + IDN.toASCII("кузнецов.рф").toUpperCase();
        assertThat(directory.facts(punycode)).map(MailboxFacts::address).contains("dmitry@кузнецов.рф");
        assertThat(directory.facts("dmitry@КУЗНЕЦОВ.РФ.")).map(MailboxFacts::registrationCity).contains("Новосибирск");
    }

    @Test
    void passwordsAreMatchedAgainstTheWholeHistory() {
        String anna = "anna.sergeeva@pochta.example.ru";

        PasswordMatch current = directory.matchPassword(anna, "Volga!Kazan77");
        assertThat(current).isEqualTo(new PasswordMatch(true, true, LocalDate.of(2021, 6, 2), null));

        PasswordMatch old = directory.matchPassword(anna, "lenochka2019");
        assertThat(old).isEqualTo(new PasswordMatch(true, false, LocalDate.of(2014, 9, 1), LocalDate.of(2021, 6, 2)));
        assertThat(directory.matchPassword(anna, "Sirenevyi-Tuman1985").usedUntil()).isEqualTo(LocalDate.of(2014, 9, 1));

        assertThat(directory.matchPassword(anna, "Volga!Kazan78").matched()).isFalse();
        assertThat(directory.matchPassword(anna, "volga!kazan77").matched()).as("case matters").isFalse();
        assertThat(directory.matchPassword(anna, "LENOCHKA2019").matched()).isFalse();
        assertThat(directory.matchPassword(anna, "Volga!Kazan77 ").matched()).as("no trimming").isFalse();
        // another mailbox's password is not this one's
        assertThat(directory.matchPassword(anna, "kotik123")).isEqualTo(PasswordMatch.none());
        assertThat(directory.matchPassword("babushka.valya@pochta.example.ru", "kotik123").current()).isTrue();
        assertThat(directory.matchPassword("nobody.here@pochta.example.ru", "kotik123").matched()).isFalse();

        assertThatThrownBy(() -> directory.matchPassword(anna, ""))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("password"));
    }

    @Test
    void resetLinkIsRecordedAndPendingOnTheMailbox() {
        String olga = "olga.morozova@pochta.example.ru";
        int before = actions(olga);

        DirectoryActionResult result = directory.sendResetLink(" Olga.Morozova@pochta.example.ru", "Olga.M.New@Example.COM",
                AGENT, "Ответы совпали: 2 пароля, дата регистрации, папка «Учёба»");

        assertThat(result.kind()).isEqualTo(DirectoryActionResult.Kind.RESET_LINK);
        assertThat(result.address()).isEqualTo(olga);
        assertThat(result.expiresAt()).isEqualTo(result.at().plus(Duration.ofHours(24)));
        assertThat(actions(olga)).isEqualTo(before + 1);
        var row = jdbc.sql("select kind, new_contact, actor_id, actor_name, reason from directory_action where id = ?")
                .param(result.id()).query().singleRow();
        assertThat(row).containsEntry("kind", "RESET_LINK").containsEntry("new_contact", "olga.m.new@example.com")
                .containsEntry("actor_name", "Мария Соколова");
        assertThat(((Number) row.get("actor_id")).longValue()).isEqualTo(4242L);

        MailboxFacts facts = directory.facts(olga).orElseThrow();
        assertThat(facts.pendingReset()).isEqualTo(new MailboxFacts.PendingReset("o***@example.com", result.expiresAt()));
    }

    @Test
    void unblockLiftsTheBlockOnceAndIsRecorded() {
        String dmitry = "dmitry@кузнецов.рф";
        int before = actions(dmitry);

        DirectoryActionResult result = directory.unblock("DMITRY@кузнецов.рф", AGENT, "Владелец подтвердил, пароль сменён");

        assertThat(result.kind()).isEqualTo(DirectoryActionResult.Kind.UNBLOCK);
        assertThat(result.expiresAt()).isNull();
        MailboxFacts facts = directory.facts(dmitry).orElseThrow();
        assertThat(facts.blocked()).isFalse();
        assertThat(facts.blockReason()).isNull();
        assertThat(actions(dmitry)).isEqualTo(before + 1);

        assertThatThrownBy(() -> directory.unblock(dmitry, AGENT, "ещё раз"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
        assertThat(actions(dmitry)).isEqualTo(before + 1);
        assertThatThrownBy(() -> directory.unblock("nobody.here@pochta.example.ru", AGENT, "нет такого"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndChangesNothing() {
        for (String bad : new String[] {null, "", "   ", "anna", "anna@", "@pochta.example.ru", "an na@pochta.example.ru",
                "anna..s@pochta.example.ru", ".anna@pochta.example.ru", "anna@pochta", "anna@-pochta.example.ru",
                "anna@pochta..ru", "anna@192.168.0.1", "анна@pochta.example.ru", "a".repeat(65) + "@pochta.example.ru",
                "anna@" + "x".repeat(64) + ".ru", "anna@pochta.example.ru<script>"}) {
            assertThatThrownBy(() -> directory.facts(bad)).as(String.valueOf(bad))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID_INPUT);
                        assertThat(e.field()).isEqualTo("address");
                    });
        }
        String anna = "anna.sergeeva@pochta.example.ru";
        int before = actions(anna);
        assertThatThrownBy(() -> directory.sendResetLink(anna, "new contact@example.com", AGENT, "причина"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("contactAddress"));
        assertThatThrownBy(() -> directory.sendResetLink(anna, "ANNA.sergeeva@pochta.example.ru", AGENT, "причина"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("contactAddress"));
        assertThatThrownBy(() -> directory.sendResetLink(anna, "anna.new@example.com", AGENT, "  "))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> directory.sendResetLink("anna@@example.ru", "anna.new@example.com", AGENT, "причина"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("address"));
        assertThat(actions(anna)).isEqualTo(before);
        assertThat(directory.facts(anna).orElseThrow().pendingReset()).isNull();
    }

    @Test
    void registeringKeepsAnExistingMailboxAndTakesSaltedHashesOnly() {
        Instant now = clock.instant();
        var existing = new EmbeddedMailboxes.Mailbox("ANNA.sergeeva@pochta.example.ru", LocalDate.of(2020, 1, 1), "Москва", null,
                null, BlockReason.SPAM, now, List.of(), List.of("Чужая папка"), List.of(), List.of(), List.of());
        assertThat(mailboxes.register(existing)).isFalse();
        MailboxFacts anna = directory.facts("anna.sergeeva@pochta.example.ru").orElseThrow();
        assertThat(anna.registrationCity()).isEqualTo("Казань");
        assertThat(anna.folders()).doesNotContain("Чужая папка");

        var plainText = new EmbeddedMailboxes.Mailbox("plain.text@pochta.example.ru", LocalDate.of(2020, 1, 1), "Москва", null,
                null, null, null, List.of(new EmbeddedMailboxes.Password("qwerty123", LocalDate.of(2020, 1, 1), null)),
                List.of(), List.of(), List.of(), List.of());
        assertThatThrownBy(() -> mailboxes.register(plainText)).isInstanceOf(IllegalArgumentException.class);
        assertThat(directory.facts("plain.text@pochta.example.ru")).isEmpty();
    }

    private int actions(String address) {
        return jdbc.sql("select count(*) from directory_action where address = ?").param(address).query(Integer.class).single();
    }
}
