package io.linia.demo;

import io.linia.recovery.BlockReason;
import io.linia.recovery.EmbeddedMailboxes;
import io.linia.recovery.EmbeddedMailboxes.Contact;
import io.linia.recovery.EmbeddedMailboxes.Filter;
import io.linia.recovery.EmbeddedMailboxes.Login;
import io.linia.recovery.EmbeddedMailboxes.Mailbox;
import io.linia.recovery.EmbeddedMailboxes.Password;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mailboxes in the embedded account directory ({@code linia.demo.mailboxes}, on by default), so the
 * access-recovery flow runs without a mail platform: a long-lived mailbox with a rich history, one blocked
 * for spam, one with neither phone nor spare e-mail, one on a Cyrillic domain blocked after a break-in, a
 * young one with a phone only. Passwords are stored as bcrypt hashes only; the demo's plain passwords,
 * for trying the questionnaire, are in docs/recovery-directory-api.md. Logins are dated back from now so
 * the history looks current; the rest is fixed. Each mailbox is added once (an existing address is left
 * as it is).
 */
@Component
@Order(32)
class DemoMailboxes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoMailboxes.class);

    private final ObjectProvider<EmbeddedMailboxes> directory;
    private final Clock clock;
    private final boolean enabled;

    DemoMailboxes(ObjectProvider<EmbeddedMailboxes> directory, Clock clock,
                  @Value("${linia.demo.enabled:true}") boolean demo, @Value("${linia.demo.mailboxes:true}") boolean mailboxes) {
        this.directory = directory;
        this.clock = clock;
        this.enabled = demo && mailboxes;
    }

    @Override
    public void run(ApplicationArguments args) {
        EmbeddedMailboxes embedded = directory.getIfAvailable();
        if (!enabled || embedded == null) {
            return;
        }
        long added = mailboxes(clock.instant()).stream().filter(embedded::register).count();
        if (added > 0) {
            log.info("Demo mailboxes: {} added to the embedded account directory (linia.demo.mailboxes)", added);
        }
    }

    static List<Mailbox> mailboxes(Instant now) {
        return List.of(
                new Mailbox("anna.sergeeva@pochta.example.ru", LocalDate.of(2009, 3, 14), "Казань", "+79172345167",
                        "a.sergeeva.work@example.com", null, null,
                        List.of(new Password("{bcrypt}$2a$10$/O4jY1Zi/dNKTB5jX8SmNuCazyvy8isctyId6AiZQdGFUzOB.d/qW",
                                        LocalDate.of(2009, 3, 14), LocalDate.of(2014, 9, 1)),
                                new Password("{bcrypt}$2a$10$8mrIzrbyKkcg/B25ZJ3GOe8Foc5dzfRcOdwNeqmF/5meImTiJacgS",
                                        LocalDate.of(2014, 9, 1), LocalDate.of(2021, 6, 2)),
                                new Password("{bcrypt}$2a$10$uGRd0M4bMbNUN331m0c7BO9suMRMCejWBxev5mIKcDUEh3dwZZAYi",
                                        LocalDate.of(2021, 6, 2), null)),
                        List.of("Работа", "Дача", "Квитанции ЖКХ", "Путешествия", "Дети — школа"),
                        List.of(new Contact("sergeev.oleg@pochta.example.ru", "Олег Сергеев", 1840),
                                new Contact("school57-kazan@example.ru", "Школа № 57, классный руководитель", 212),
                                new Contact("mama.lida@pochta.example.ru", "Мама", 655),
                                new Contact("buh@romashka-kazan.example.ru", "Бухгалтерия ООО «Ромашка»", 97)),
                        List.of(new Filter("Квитанции", "от: noreply@gkh-kazan.example.ru → папка «Квитанции ЖКХ»"),
                                new Filter("Школа", "от: school57-kazan@example.ru → папка «Дети — школа», пометить важным"),
                                new Filter("Рассылки", "тема содержит «скидк» → удалить")),
                        List.of(new Login(now.minus(Duration.ofHours(30)), "RU", "Почта для Android"),
                                new Login(now.minus(Duration.ofDays(3)), "RU", "Веб, Chrome"),
                                new Login(now.minus(Duration.ofDays(12)), "TR", "Почта для Android"),
                                new Login(now.minus(Duration.ofDays(40)), "RU", "Outlook"))),
                new Mailbox("petrov.ivan1978@pochta.example.ru", LocalDate.of(2012, 11, 5), "Самара", "+79270001267",
                        null, BlockReason.SPAM, now.minus(Duration.ofDays(2)),
                        List.of(new Password("{bcrypt}$2a$10$6SiHeEyhHHQYqxKeI.6eL.VgGznItWu./XR7mvFbx/XOEpBVoS.m2",
                                        LocalDate.of(2012, 11, 5), LocalDate.of(2023, 1, 20)),
                                new Password("{bcrypt}$2a$10$797JwIEfyMZY7tAb8lzzCujhE4.xXIn.ASSU1pjNNInf35ICxhdkm",
                                        LocalDate.of(2023, 1, 20), null)),
                        List.of("Рыбалка", "Гараж", "Налоговая"),
                        List.of(new Contact("kolya.garage@pochta.example.ru", "Коля (гараж)", 143),
                                new Contact("nalog-samara@example.ru", null, 12)),
                        List.of(new Filter("Гараж", "от: kolya.garage@pochta.example.ru → папка «Гараж»")),
                        List.of(new Login(now.minus(Duration.ofDays(2).plusHours(3)), "NL", "IMAP, неизвестный клиент"),
                                new Login(now.minus(Duration.ofDays(9)), "RU", "Веб, Яндекс Браузер"))),
                new Mailbox("babushka.valya@pochta.example.ru", LocalDate.of(2006, 7, 22), "Тверь", null, null, null, null,
                        List.of(new Password("{bcrypt}$2a$10$GOsOmltV.0O3Whr9rPfsCOgJf/vaW5cJInUTl2qNNwghM.hfDnyZm",
                                LocalDate.of(2006, 7, 22), null)),
                        List.of("Внуки", "Рецепты", "Открытки"),
                        List.of(new Contact("vnuchka.katya@pochta.example.ru", "Катюша", 320)),
                        List.of(),
                        List.of(new Login(now.minus(Duration.ofDays(95)), "RU", "Веб, Firefox"))),
                new Mailbox("dmitry@кузнецов.рф", LocalDate.of(2018, 4, 2), "Новосибирск", "+79131112203",
                        "d.kuznetsov@pochta.example.ru", BlockReason.COMPROMISED, now.minus(Duration.ofDays(1)),
                        List.of(new Password("{bcrypt}$2a$10$QGpSx88lctlZ6LGkpvS0GO0H8Dag.vQIBXxNWg4rf7eXHAhBP7Flm",
                                        LocalDate.of(2018, 4, 2), LocalDate.of(2022, 8, 15)),
                                new Password("{bcrypt}$2a$10$0TZlsou2wy3vzHvWYHeNzuReVpMsvMwoYYwWwe6VDzQWZLi25i28a",
                                        LocalDate.of(2022, 8, 15), null)),
                        List.of("Проекты", "Счета", "Байкал 2023"),
                        List.of(new Contact("team@studio-nsk.example.ru", "Студия", 510)),
                        List.of(new Filter("Счета", "тема содержит «счёт» → папка «Счета»")),
                        List.of(new Login(now.minus(Duration.ofHours(26)), "VN", "IMAP, неизвестный клиент"),
                                new Login(now.minus(Duration.ofDays(4)), "RU", "Thunderbird"))),
                new Mailbox("olga.morozova@pochta.example.ru", LocalDate.of(2024, 2, 10), "Екатеринбург", "+79045550148",
                        null, null, null,
                        List.of(new Password("{bcrypt}$2a$10$tJQuzhep.J/fhDTLXaNM6Ob06R8TOH1kP9dtrgfCr8ODhuddubVEu",
                                LocalDate.of(2024, 2, 10), null)),
                        List.of("Учёба"),
                        List.of(),
                        List.of(),
                        List.of(new Login(now.minus(Duration.ofDays(6)), "RU", "Почта для iOS"))));
    }
}
