package io.linia.demo;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.recovery.requests.Questionnaire;
import io.linia.recovery.requests.RecoveryDeciders;
import io.linia.recovery.requests.RecoveryRequests;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo access recovery: the recovery certification for the recovery group's agent ({@code l2}) and the team lead
 * ({@code lead}), so that a restore below the threshold can be proposed by one and confirmed by the other; and,
 * with the demo tickets, two questionnaires as a locked-out user would fill them in: one with strong evidence
 * (a previous password, folders, contacts) and one weak, which needs a second agent or more answers.
 * Only on a desk without certifications (an administrator's own are never touched).
 */
@Component
@Order(33)
class DemoRecovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRecovery.class);

    private final RecoveryDeciders deciders;
    private final RecoveryRequests requests;
    private final UserDirectory users;
    private final boolean enabled;
    private final boolean withTickets;

    DemoRecovery(RecoveryDeciders deciders, RecoveryRequests requests, UserDirectory users,
                 @Value("${linia.demo.enabled:true}") boolean enabled, @Value("${linia.demo.tickets:true}") boolean withTickets,
                 @Value("${linia.demo.mailboxes:true}") boolean mailboxes) {
        this.deciders = deciders;
        this.requests = requests;
        this.users = users;
        this.enabled = enabled && mailboxes;
        this.withTickets = withTickets;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<UserRef> admin = users.userByLogin("admin");
        if (!enabled || admin.isEmpty() || !deciders.all().isEmpty() || deciders.group().isEmpty()) {
            return;
        }
        Actor by = admin.get().toActor();
        for (String login : List.of("l2", "lead")) {
            users.userByLogin(login).ifPresent(u -> deciders.grant(by, u.id(), null));
        }
        if (withTickets) {
            requests.submit(new Questionnaire("anna.sergeeva@pochta.example.ru", "anna.sergeeva.home@example.org", "Анна Сергеева",
                    new Questionnaire.Answers(LocalDate.of(2009, 3, 1), "Казань", List.of("lenochka2019"),
                            List.of("Работа", "Дача", "Квитанции"), List.of("mama.lida@pochta.example.ru", "Олег Сергеев"),
                            List.of("Школа"), List.of("телефон на Android"), null,
                            "Телефон, к которому был привязан ящик, украли, новый номер другой. Пароль не помню, "
                                    + "секретный вопрос тоже. Ящиком пользуюсь с 2009 года.")),
                    List.of(), Locale.forLanguageTag("ru"), null);
            requests.submit(new Questionnaire("babushka.valya@pochta.example.ru", "valentina.ivanovna@example.org", "Валентина Ивановна",
                    new Questionnaire.Answers(LocalDate.of(2007, 1, 1), "Тверь", List.of(), List.of("Рецепты"), List.of(),
                            List.of(), List.of(), null, "Не могу войти в почту, пароль забыла, телефона не было")),
                    List.of(), Locale.forLanguageTag("ru"), null);
        }
        log.info("Demo access recovery: certification for l2 and lead{}", withTickets ? ", two questionnaires submitted" : "");
    }
}
