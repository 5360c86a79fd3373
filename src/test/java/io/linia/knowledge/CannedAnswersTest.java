package io.linia.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.support.StoreTest;
import io.linia.tickets.Channel;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import io.linia.web.Refusals;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;

/** Canned answers on both stores: placeholders for a real ticket, refusals at save, who sees and who writes them. */
@StoreTest
class CannedAnswersTest {

    @Autowired
    CannedAnswers canned;
    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    RoutingDirectory routing;
    @Autowired
    Refusals refusals;

    Actor lead;
    Actor admin;
    Actor l1;
    Actor l2;
    Actor l2web;
    Actor trainer;
    Actor customer;
    long recovery;
    long web;

    @BeforeEach
    void actors() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ru"));
        lead = actor("lead");
        admin = actor("admin");
        l1 = actor("l1");
        l2 = actor("l2");
        l2web = actor("l2web");
        trainer = actor("trainer");
        customer = actor("customer");
        recovery = routing.groupByCode("recovery").orElseThrow().id();
        web = routing.groupByCode("web").orElseThrow().id();
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    private Actor actor(String login) {
        return users.userByLogin(login).map(UserRef::toActor).orElseThrow();
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private CannedAnswerView create(String name, String body, Long groupId) {
        return canned.create(lead, new CannedAnswerCommand(name, body, groupId, null, null, true, null));
    }

    private TicketView ticket(String subject) {
        return tickets.create(customer, new TicketCommands.NewTicket(subject, "Текст обращения", null, null, null, null), Channel.WEB);
    }

    private static DomainException refusal(ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(DomainException.class);
        return (DomainException) thrown;
    }

    @Test
    void everyPlaceholderIsFilledInForARealTicket() {
        TicketView t = ticket("Не могу войти в ящик");
        long category = routing.categoryByCode("password-forgotten").orElseThrow().id();
        TicketView escalated = tickets.escalate(l1, t.number(), new TicketCommands.Escalate(category, recovery, "владелец?", t.version()));
        CannedAnswerView macro = create(unique("Все подстановки"), """
                Здравствуйте, {{customer.name}} ({{ customer.email }})!
                Заявка {{ticket.number}} «{{ticket.subject}}».
                {{agent.name}}, {{group.name}}""", recovery);

        RenderedCannedAnswer rendered = canned.render(l2, macro.id(), escalated.number());

        assertThat(rendered.text()).isEqualTo("""
                Здравствуйте, Иван Петров (ivan.petrov@example.ru)!
                Заявка %s «Не могу войти в ящик».
                Сергей Волков, Восстановление доступа""".formatted(t.number()));
        // rendering changes nothing on the ticket
        assertThat(tickets.get(l2, t.number()).version()).isEqualTo(escalated.version());
    }

    @Test
    void renderingNeverLeavesBracesEvenWhenAValueHasThem() {
        TicketView t = tickets.create(l1, new TicketCommands.NewTicket("Тема {{agent.name}}", "Текст",
                "braces-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", "Клиент {{ticket.number}}", null, null),
                Channel.WEB);
        CannedAnswerView macro = create(unique("Скобки"), "{{customer.name}} / {{ticket.subject}} / {{group.name}}", null);

        String text = canned.render(l1, macro.id(), t.number()).text();

        assertThat(text).doesNotContain("{{").doesNotContain("}}").startsWith("Клиент {ticket.number}")
                .endsWith("/ Служба поддержки");
    }

    @Test
    void unknownPlaceholderIsRefusedAtSaveNamingIt() {
        String name = unique("Телефон");
        DomainException e = refusal(() -> create(name, "Здравствуйте, {{customer.name}}! Ваш телефон {{customer.phone}}, {{ticket.id}}.", null));

        assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID_INPUT);
        assertThat(e.field()).isEqualTo("body");
        assertThat(refusals.explain(e)).startsWith("Неизвестные подстановки: {{customer.phone}}, {{ticket.id}}.");
        assertThat(canned.list(lead, true)).extracting(CannedAnswerView::name).doesNotContain(name);

        DomainException stray = refusal(() -> create(unique("Скобка"), "Здравствуйте, {{customer.name}", null));
        assertThat(stray.field()).isEqualTo("body");

        CannedAnswerView ok = create(unique("Хороший"), "Здравствуйте!", null);
        DomainException onEdit = refusal(() -> canned.update(lead, ok.id(), new CannedAnswerCommand(ok.name(),
                "{{agent.phone}}", null, null, null, true, ok.version())));
        assertThat(onEdit.field()).isEqualTo("body");
        assertThat(canned.get(lead, ok.id()).body()).isEqualTo("Здравствуйте!");
    }

    @Test
    void unknownGroupOrCategoryIsRefusedAtItsField() {
        assertThat(refusal(() -> create(unique("Группа"), "Текст", 987654L)).field()).isEqualTo("groupId");
        assertThat(refusal(() -> canned.create(lead, new CannedAnswerCommand(unique("Категория"), "Текст", null, 987654L,
                null, true, null))).field()).isEqualTo("setCategoryId");
    }

    @Test
    void groupAnswersAreSeenByTheirGroupAndGlobalOnesByEveryone() {
        CannedAnswerView global = create(unique("Общий"), "Всем", null);
        CannedAnswerView forRecovery = create(unique("Восстановление"), "Группе восстановления", recovery);
        CannedAnswerView forWeb = create(unique("Веб"), "Группе веба", web);

        assertThat(ids(canned.list(l1, false))).contains(global.id()).doesNotContain(forRecovery.id(), forWeb.id());
        assertThat(ids(canned.list(l2, false))).contains(global.id(), forRecovery.id()).doesNotContain(forWeb.id());
        assertThat(ids(canned.list(l2web, false))).contains(global.id(), forWeb.id()).doesNotContain(forRecovery.id());
        assertThat(ids(canned.list(lead, false))).contains(global.id(), forRecovery.id(), forWeb.id());
        assertThat(ids(canned.list(trainer, false))).contains(global.id(), forRecovery.id(), forWeb.id());
        assertThat(refusal(() -> canned.get(l1, forRecovery.id())).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThat(refusal(() -> canned.list(customer, false)).kind()).isEqualTo(DomainException.Kind.FORBIDDEN);

        // on a first-line ticket the first line is offered the global ones only, and cannot render another group's
        TicketView firstLine = ticket("Вопрос первой линии");
        assertThat(ids(canned.forTicket(l1, firstLine.number()))).contains(global.id()).doesNotContain(forRecovery.id(), forWeb.id());
        assertThat(refusal(() -> canned.render(l1, forRecovery.id(), firstLine.number())).kind())
                .isEqualTo(DomainException.Kind.NOT_FOUND);
        // a ticket of the recovery group offers its group's answers to its agents
        long category = routing.categoryByCode("password-forgotten").orElseThrow().id();
        TicketView escalated = tickets.escalate(l1, firstLine.number(), new TicketCommands.Escalate(category, recovery, null, firstLine.version()));
        assertThat(ids(canned.forTicket(l2, escalated.number()))).contains(global.id(), forRecovery.id()).doesNotContain(forWeb.id());
        // and a ticket the agent may not see is not found
        assertThat(refusal(() -> canned.forTicket(l2web, escalated.number())).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
    }

    @Test
    void onlyTeamLeadsAndAdministratorsWrite() {
        CannedAnswerCommand command = new CannedAnswerCommand(unique("Агентский"), "Текст", null, null, null, true, null);
        for (Actor notEditor : List.of(l1, l2, trainer, customer)) {
            assertThat(refusal(() -> canned.create(notEditor, command)).kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
        }
        CannedAnswerView byAdmin = canned.create(admin, command);
        assertThat(refusal(() -> canned.update(l1, byAdmin.id(), new CannedAnswerCommand("Переименован", "Текст", null, null,
                null, true, byAdmin.version()))).kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
        assertThat(refusal(() -> canned.deactivate(l2, byAdmin.id(), byAdmin.version())).kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
        assertThat(canned.get(l1, byAdmin.id())).isEqualTo(byAdmin);
    }

    @Test
    void staleEditIsRefusedAndChangesNothing() {
        CannedAnswerView v0 = create(unique("Версии"), "Первый текст", null);
        CannedAnswerView v1 = canned.update(lead, v0.id(), new CannedAnswerCommand(v0.name(), "Второй текст", null, null,
                CannedAction.ANSWER, true, v0.version()));
        assertThat(v1.version()).isGreaterThan(v0.version());

        DomainException stale = refusal(() -> canned.update(admin, v0.id(), new CannedAnswerCommand(v0.name(), "Третий текст",
                null, null, null, true, v0.version())));
        assertThat(stale.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(stale.properties()).containsEntry("currentVersion", v1.version());
        assertThat(canned.get(lead, v0.id()).body()).isEqualTo("Второй текст");
        assertThat(refusal(() -> canned.deactivate(lead, v0.id(), v0.version())).kind()).isEqualTo(DomainException.Kind.CONFLICT);
    }

    @Test
    void deactivatedAnswersAreNoLongerOffered() {
        CannedAnswerView a = create(unique("Устаревший"), "Текст", null);
        TicketView t = ticket("Вопрос");
        assertThat(ids(canned.forTicket(l1, t.number()))).contains(a.id());

        CannedAnswerView off = canned.deactivate(lead, a.id(), a.version());

        assertThat(off.active()).isFalse();
        assertThat(ids(canned.forTicket(l1, t.number()))).doesNotContain(a.id());
        assertThat(ids(canned.list(l1, false))).doesNotContain(a.id());
        assertThat(ids(canned.list(lead, true))).contains(a.id());
        assertThat(refusal(() -> canned.render(l1, a.id(), t.number())).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
    }

    @Test
    void demoCannedAnswersExistAndRender() {
        List<CannedAnswerView> all = canned.list(lead, true);
        assertThat(all).extracting(CannedAnswerView::name).contains("Запрос данных для восстановления доступа",
                "Проблема решена — закрываем", "Письма не приходят: первичная проверка");
        CannedAnswerView questionnaire = all.stream().filter(c -> c.name().equals("Запрос данных для восстановления доступа"))
                .findFirst().orElseThrow();
        assertThat(questionnaire.groupId()).isEqualTo(recovery);
        assertThat(questionnaire.body()).contains("дату регистрации", "папок", "контактов", "Фильтры", "Пароли");
    }

    private static List<Long> ids(List<CannedAnswerView> views) {
        return views.stream().map(CannedAnswerView::id).toList();
    }
}
