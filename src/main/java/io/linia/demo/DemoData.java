package io.linia.demo;

import io.linia.accounts.Actor;
import io.linia.accounts.AgentShifts;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserCommand;
import io.linia.accounts.UserRef;
import io.linia.routing.CategoryCommand;
import io.linia.routing.CategoryRef;
import io.linia.routing.GroupCommand;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingAdministration;
import io.linia.tickets.Channel;
import io.linia.tickets.CloseReason;
import io.linia.tickets.Priority;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds an empty database ({@code linia.demo.enabled}, on by default; tickets with {@code linia.demo.tickets}).
 * The demo agents start on shift ({@code linia.demo.agents-on-shift}, on by default), so that "next
 * ticket" and automatic assignment work in the demo at once; real users start off shift as always.
 */
@Component
@Order(0)
class DemoData implements ApplicationRunner {

    /** Every demo user's password (printed in the README and the start-up log). */
    static final String PASSWORD = "linia2026";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final UserAdministration users;
    private final RoutingAdministration routing;
    private final TicketService tickets;
    private final AgentShifts shifts;
    private final boolean enabled;
    private final boolean withTickets;
    private final boolean agentsOnShift;

    DemoData(UserAdministration users, RoutingAdministration routing, TicketService tickets, AgentShifts shifts,
             @Value("${linia.demo.enabled:true}") boolean enabled, @Value("${linia.demo.tickets:true}") boolean withTickets,
             @Value("${linia.demo.agents-on-shift:true}") boolean agentsOnShift) {
        this.users = users;
        this.routing = routing;
        this.tickets = tickets;
        this.shifts = shifts;
        this.enabled = enabled;
        this.withTickets = withTickets;
        this.agentsOnShift = agentsOnShift;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !users.users().isEmpty()) {
            return;
        }
        Map<String, GroupRef> groups = seedGroups();
        Map<String, CategoryRef> categories = seedCategories(groups);
        Map<String, UserRef> people = seedUsers(groups);
        if (agentsOnShift) {
            putAgentsOnShift(people);
        }
        if (withTickets) {
            seedTickets(people, groups, categories);
        }
        StringBuilder table = new StringBuilder("Demo data created. Sign in at http://localhost:8080 with password '")
                .append(PASSWORD).append("' as:");
        people.values().forEach(u -> table.append("\n  ").append(String.format("%-10s", u.login()))
                .append(" ").append(u.roles()).append(" ").append(u.displayName()));
        log.info(table.toString());
    }

    private Map<String, GroupRef> seedGroups() {
        Map<String, GroupRef> groups = new LinkedHashMap<>();
        for (String[] g : new String[][]{
                {"recovery", "Восстановление доступа", "Access recovery", "Восстановление доступа к ящику и паролей: только владельцу, строго по регламенту."},
                {"web", "Веб-интерфейс", "Web mail", "Папки, фильтры, сбор почты, ошибки веб-интерфейса."},
                {"mobile", "Мобильные приложения", "Mobile apps", "Приложения Почты для Android и iOS."},
                {"delivery", "Доставка писем", "Mail delivery", "Письма не приходят или не уходят, задержки доставки."},
                {"spam", "Спам и блокировки", "Spam and blocking", "Блокировки ящиков, спам-фильтр, жалобы на рассылки."}}) {
            groups.put(g[0], routing.createGroup(new GroupCommand(g[0], g[1], g[2], g[3], true)));
        }
        return groups;
    }

    private Map<String, CategoryRef> seedCategories(Map<String, GroupRef> groups) {
        Map<String, CategoryRef> categories = new LinkedHashMap<>();
        for (String[] c : new String[][]{
                {"password-forgotten", "Не помню пароль", "Forgotten password", "recovery"},
                {"account-hacked", "Взлом ящика", "Hacked mailbox", "recovery"},
                {"account-blocked", "Ящик заблокирован", "Mailbox blocked", "spam"},
                {"spam-filtering", "Письма попадают в спам", "Mail goes to spam", "spam"},
                {"mail-not-arriving", "Не приходят письма", "Mail does not arrive", "delivery"},
                {"mail-not-sent", "Не уходят письма", "Mail is not sent", "delivery"},
                {"folders-filters", "Папки и фильтры", "Folders and filters", "web"},
                {"mail-collector", "Сбор почты с других ящиков", "Collecting mail from other mailboxes", "web"},
                {"web-errors", "Ошибки веб-интерфейса", "Web interface errors", "web"},
                {"mobile-android", "Приложение для Android", "Android app", "mobile"},
                {"mobile-ios", "Приложение для iOS", "iOS app", "mobile"},
                {"other", "Другое", "Other", null}}) {
            Long group = c[3] == null ? null : groups.get(c[3]).id();
            categories.put(c[0], routing.createCategory(new CategoryCommand(c[0], c[1], c[2], group, true)));
        }
        return categories;
    }

    private Map<String, UserRef> seedUsers(Map<String, GroupRef> groups) {
        Map<String, UserRef> people = new LinkedHashMap<>();
        person(people, "customer", "ivan.petrov@example.ru", "Иван Петров", Set.of(Role.CUSTOMER), Set.of());
        person(people, "olga", "olga.smirnova@example.ru", "Ольга Смирнова", Set.of(Role.CUSTOMER), Set.of());
        person(people, "l1", "anna.kuznetsova@linia.local", "Анна Кузнецова", Set.of(Role.AGENT_L1), Set.of());
        person(people, "l1b", "dmitry.orlov@linia.local", "Дмитрий Орлов", Set.of(Role.AGENT_L1), Set.of());
        person(people, "l2", "sergey.volkov@linia.local", "Сергей Волков", Set.of(Role.AGENT_L2),
                Set.of(groups.get("recovery").id()));
        person(people, "l2web", "maria.sokolova@linia.local", "Мария Соколова", Set.of(Role.AGENT_L2),
                Set.of(groups.get("web").id(), groups.get("mobile").id()));
        person(people, "l2mail", "igor.lebedev@linia.local", "Игорь Лебедев", Set.of(Role.AGENT_L2),
                Set.of(groups.get("delivery").id(), groups.get("spam").id()));
        person(people, "lead", "elena.morozova@linia.local", "Елена Морозова", Set.of(Role.TEAM_LEAD), Set.of());
        person(people, "trainer", "pavel.novikov@linia.local", "Павел Новиков", Set.of(Role.TRAINER, Role.AGENT_L1), Set.of());
        person(people, "admin", "admin@linia.local", "Администратор", Set.of(Role.ADMIN), Set.of());
        return people;
    }

    /** The demo's agents (first and second line, the trainer who also works the first line) come on shift, as an admin would put them. */
    private void putAgentsOnShift(Map<String, UserRef> people) {
        Actor admin = people.get("admin").toActor();
        people.values().stream()
                .filter(u -> u.roles().contains(Role.AGENT_L1) || u.roles().contains(Role.AGENT_L2))
                .forEach(u -> shifts.changeShift(admin, u.id(), true));
    }

    private void person(Map<String, UserRef> people, String login, String email, String name, Set<Role> roles,
                        Set<Long> groupIds) {
        people.put(login, users.createUser(new UserCommand(login, email, name, PASSWORD, roles, groupIds, "ru", true)));
    }

    private void seedTickets(Map<String, UserRef> people, Map<String, GroupRef> groups, Map<String, CategoryRef> categories) {
        Actor ivan = people.get("customer").toActor();
        Actor olga = people.get("olga").toActor();
        Actor l1 = people.get("l1").toActor();
        Actor l2 = people.get("l2").toActor();
        Actor l2web = people.get("l2web").toActor();

        // solved and closed first, so that the open ones are the newest in the queues
        TicketView agent = open(ivan, "Как позвонить из Mail.Ru Агента на телефон?",
                "Подскажите, как позвонить из Агента на обычный мобильный номер? Не нахожу кнопку.", null);
        tickets.answer(l1, agent.number(), new TicketCommands.Answer(
                "Здравствуйте! Звонки делаются с панели «Телефон»: нажмите «Звонить» в окне диалога или в списке контактов "
                        + "и выберите номер. Номер вводите полностью, с кодом страны и города, например +74951112233.",
                "https://help.example.ru/agent/calls", "Как позвонить из Агента", null));

        TicketView selfSolved = open(olga, "Письма снова приходят",
                "Вчера писала, что не приходят письма, сегодня всё пришло. Спасибо, вопрос снят.", null);
        tickets.close(l1, selfSolved.number(), new TicketCommands.Close(CloseReason.SOLVED_BY_CUSTOMER,
                "Клиентка сообщила, что проблема решилась сама.", null));

        TicketView spouse = open(olga, "Нужен доступ к почте мужа",
                "Муж что-то скрывает, дайте мне доступ к его ящику, я знаю его дату рождения. Ради сохранения семьи!", null);
        tickets.close(l1, spouse.number(), new TicketCommands.Close(CloseReason.OTHER,
                "Доступ к чужому ящику не предоставляется никому, кроме владельца (регламент).", null));

        TicketView oldPasswords = open(ivan, "Забыл пароль, помню старые",
                "Не могу войти, пароль забыл. Телефона нет. Помню два старых пароля и названия своих папок.",
                categories.get("password-forgotten").id());
        tickets.escalate(l1, oldPasswords.number(), new TicketCommands.Escalate(categories.get("password-forgotten").id(),
                groups.get("recovery").id(), "Автоматическое восстановление недоступно, передаю в группу восстановления.", null));
        tickets.solve(l2, oldPasswords.number(), new TicketCommands.Solve(
                "Мы проверили сведения о ящике: они совпадают. Ссылка для смены пароля отправлена на указанный вами адрес.", null));

        // open work
        TicketView hacked = open(ivan, "Ящик взломали, рассылает спам",
                "С моего ящика уходят письма, которые я не писал, и пароль не подходит. Помогите вернуть доступ!", null);
        tickets.escalate(l1, hacked.number(), new TicketCommands.Escalate(categories.get("account-hacked").id(),
                groups.get("recovery").id(), "Похоже на взлом, пароль сменён злоумышленником.", null));

        TicketView folders = open(olga, "Пропали папки после обновления",
                "После обновления интерфейса исчезли мои папки «Работа» и «Дача». Письма в них были важные.", null);
        tickets.escalate(l1, folders.number(), new TicketCommands.Escalate(categories.get("folders-filters").id(),
                groups.get("web").id(), null, null));
        tickets.take(l2web, folders.number(), null);
        tickets.reply(l2web, folders.number(), new TicketCommands.Reply(
                "Здравствуйте! Папки не удалены: они свёрнуты в новом меню слева. Сейчас проверим, почему они не отображаются.", null));

        TicketView android = open(ivan, "Приложение вылетает при открытии вложения",
                "Android 14, приложение Почты закрывается, когда открываю PDF во вложении.", null);
        tickets.escalate(l1, android.number(), new TicketCommands.Escalate(categories.get("mobile-android").id(),
                groups.get("mobile").id(), "Воспроизводится на PDF больше 10 МБ.", null));

        TicketView blocked = open(olga, "Ящик заблокирован за рассылку спама",
                "Пишет, что ящик заблокирован за спам, но я ничего не рассылала.", null);
        tickets.escalate(l1, blocked.number(), new TicketCommands.Escalate(categories.get("account-blocked").id(),
                groups.get("spam").id(), null, null));

        TicketView error = open(ivan, "Ошибка при отправке письма",
                "При отправке письма появляется ошибка, письмо не уходит.", null);
        tickets.askForInformation(l1, error.number(), new TicketCommands.AskForInformation(
                "Уточните, пожалуйста, текст ошибки, браузер и размер вложений, если они есть.", null));

        TicketView filter = open(olga, "Как настроить фильтр для рассылок?",
                "Хочу, чтобы все рассылки магазинов сразу попадали в отдельную папку.", null);
        tickets.take(l1, filter.number(), null);

        open(olga, "Не приходят письма от банка",
                "Уже три дня не приходят письма с кодами от банка, в папке «Спам» их тоже нет.", null);
        open(ivan, "Не могу войти в почту",
                "Здравствуйте! Не помню пароль от ящика, телефон не привязан, ответ на секретный вопрос тоже не помню. Что делать?",
                null);
    }

    private TicketView open(Actor customer, String subject, String body, Long categoryId) {
        return tickets.create(customer, new TicketCommands.NewTicket(subject, body, null, null, categoryId, Priority.NORMAL),
                Channel.WEB);
    }
}
