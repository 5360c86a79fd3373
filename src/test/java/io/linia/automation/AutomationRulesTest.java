package io.linia.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.accounts.Actor;
import io.linia.accounts.CustomerTags;
import io.linia.accounts.UserDirectory;
import io.linia.automation.RuleAction.Type;
import io.linia.automation.RuleCondition.Field;
import io.linia.automation.RuleCondition.Operator;
import io.linia.knowledge.CannedAnswerView;
import io.linia.knowledge.CannedAnswers;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingAdministration;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.support.MovingClock;
import io.linia.support.StoreTest;
import io.linia.tickets.Channel;
import io.linia.tickets.Line;
import io.linia.tickets.MessageKind;
import io.linia.tickets.Priority;
import io.linia.tickets.TicketAction;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketState;
import io.linia.tickets.TicketView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * Automation rules on real tickets, on H2 and PostgreSQL, with a clock the test moves (the idle pass
 * is run by the test, not the scheduler): created / updated / idle triggers, every condition and action,
 * a rule that fails at run time is skipped and recorded while the ticket and the other rules go on, a
 * rule's own change wakes no rule, and bad rules are refused naming the field.
 */
@StoreTest
@Import(AutomationRulesTest.Clock.class)
@TestPropertySource(properties = {"linia.automation.idle-rules=false", "linia.test.context=automation",
        "linia.test.pg.schema=ctx_rules"})
class AutomationRulesTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Clock {
        @Bean
        @Primary
        MovingClock movingClock() {
            return new MovingClock();
        }
    }

    @Autowired MovingClock clock;
    @Autowired AutomationRules rules;
    @Autowired RuleNotices notices;
    @Autowired TicketService tickets;
    @Autowired UserDirectory users;
    @Autowired CustomerTags customerTags;
    @Autowired RoutingDirectory routing;
    @Autowired RoutingAdministration routingAdmin;
    @Autowired CannedAnswers canned;

    Actor admin;
    Actor lead;
    Actor l1;
    Actor customer;
    String token;
    final List<Long> created = new ArrayList<>();

    @BeforeEach
    void setUp() {
        admin = actor("admin");
        lead = actor("lead");
        l1 = actor("l1");
        customer = actor("customer");
        token = "маркер" + UUID.randomUUID().toString().substring(0, 8);
        notices.markAllRead(lead);
    }

    @AfterEach
    void removeRules() {
        for (long id : created) {
            rules.delete(admin, id, null);
        }
        created.clear();
    }

    // ------------------------------------------------------------------ created

    @Test
    void aCreatedRuleRoutesTagsPrioritisesAndNotifiesInOneGo() {
        long delivery = group("delivery");
        RuleView rule = create(new RuleCommand("Сбой доставки", null, RuleTrigger.CREATED, null,
                List.of(cond(Field.TEXT, Operator.CONTAINS, "письма не приходят | " + token),
                        cond(Field.CHANNEL, Operator.IS, "WEB")),
                List.of(act(Type.SET_GROUP, String.valueOf(delivery)), act(Type.SET_PRIORITY, "HIGH"),
                        act(Type.ADD_TAG, "Outage"), new RuleAction(Type.NOTIFY, "TEAM_LEADS", "Похоже на сбой доставки")),
                true, false, null, null));

        TicketView matching = newTicket("Ничего не работает", "Здравствуйте, " + token.toUpperCase() + " со вчерашнего дня");
        TicketView other = newTicket("Вопрос о пароле", "Как сменить пароль?");

        TicketView t = tickets.get(admin, matching.number());
        // the creator's answer is the ticket as the rules left it: current version, already routed
        assertThat(matching.version()).isEqualTo(t.version());
        assertThat(matching.groupId()).isEqualTo(delivery);
        assertThat(t.groupId()).isEqualTo(delivery);
        assertThat(t.line()).isEqualTo(Line.SECOND);
        assertThat(t.priority()).isEqualTo(Priority.HIGH);
        assertThat(t.tags()).containsExactly("outage");
        assertThat(t.history()).filteredOn(h -> "Сбой доставки".equals(h.actorName()))
                .extracting(TicketView.HistoryView::action)
                .contains(TicketAction.ESCALATE, TicketAction.CHANGE_PRIORITY, TicketAction.TAGGED);
        // a rule's change is not activity
        assertThat(t.updatedAt()).isEqualTo(matching.updatedAt());

        TicketView untouched = tickets.get(admin, other.number());
        assertThat(untouched.line()).isEqualTo(Line.FIRST);
        assertThat(untouched.priority()).isEqualTo(Priority.NORMAL);
        assertThat(untouched.tags()).isEmpty();

        assertThat(notices.mine(lead, 10)).first().satisfies(n -> {
            assertThat(n.ticketNumber()).isEqualTo(matching.number());
            assertThat(n.ruleName()).isEqualTo("Сбой доставки");
            assertThat(n.text()).isEqualTo("Похоже на сбой доставки");
            assertThat(n.read()).isFalse();
        });
        assertThat(notices.unread(lead)).isEqualTo(1);
        assertThat(rules.runs(admin, rule.id(), false, 10)).singleElement().satisfies(r -> {
            assertThat(r.ok()).isTrue();
            assertThat(r.ticketNumber()).isEqualTo(matching.number());
            assertThat(r.detail()).contains("group", "priority", "tag", "notified 1");
        });
        assertThat(rules.get(admin, rule.id()).stats().applied()).isEqualTo(1);
    }

    @Test
    void customerTagsDecideAndACannedAnswerBecomesANote() {
        customerTags.add(l1, customer.id(), "VIP");
        try {
            CannedAnswerView answer = canned.list(admin, false).stream().filter(a -> a.groupId() == null).findFirst().orElseThrow();
            create(new RuleCommand("VIP первым", null, RuleTrigger.CREATED, null,
                    List.of(cond(Field.CUSTOMER_TAG, Operator.HAS, "vip"), cond(Field.TEXT, Operator.CONTAINS, token)),
                    List.of(act(Type.SET_PRIORITY, "URGENT"), act(Type.ASSIGN, String.valueOf(l1.id())),
                            act(Type.ADD_CANNED_NOTE, String.valueOf(answer.id()))),
                    true, false, null, null));

            TicketView t = tickets.get(admin, newTicket("Срочно " + token, "Помогите").number());

            assertThat(t.priority()).isEqualTo(Priority.URGENT);
            assertThat(t.assigneeId()).isEqualTo(l1.id());
            assertThat(t.messages()).filteredOn(m -> m.kind() == MessageKind.INTERNAL_NOTE).singleElement()
                    .satisfies(m -> {
                        assertThat(m.authorName()).isEqualTo("VIP первым");
                        assertThat(m.body()).isNotBlank().doesNotContain("{{");
                    });
        } finally {
            customerTags.remove(l1, customer.id(), "vip");
        }
        TicketView notVip = tickets.get(admin, newTicket("Срочно " + token, "Помогите").number());
        assertThat(notVip.priority()).isEqualTo(Priority.NORMAL);
    }

    @Test
    void aRuleThatFailsIsSkippedAndRecordedWhileTheTicketAndTheNextRulesGoOn() {
        Actor l2 = actor("l2"); // second line only: may not work a first-line ticket
        RuleView failing = create(new RuleCommand("Назначить не тому", null, RuleTrigger.CREATED, null,
                List.of(cond(Field.TEXT, Operator.CONTAINS, token)),
                List.of(act(Type.ADD_TAG, "first"), act(Type.ASSIGN, String.valueOf(l2.id()))), true, false, 10, null));
        create(new RuleCommand("Следующее правило", null, RuleTrigger.CREATED, null,
                List.of(cond(Field.TEXT, Operator.CONTAINS, token)),
                List.of(act(Type.ADD_TAG, "second")), true, false, 20, null));

        TicketView t = tickets.get(admin, newTicket("Тема " + token, "Текст").number());

        assertThat(t.state()).isEqualTo(TicketState.NEW);
        assertThat(t.assigneeId()).isNull();
        assertThat(t.tags()).containsExactly("second"); // the failing rule's tag was rolled back with it
        assertThat(rules.runs(admin, failing.id(), true, 10)).singleElement().satisfies(r -> {
            assertThat(r.ok()).isFalse();
            assertThat(r.detail()).contains("Сергей Волков");
        });
        RuleView.Stats stats = rules.get(admin, failing.id()).stats();
        assertThat(stats.failed()).isEqualTo(1);
        assertThat(stats.lastError()).isNotBlank();
    }

    @Test
    void stopAfterKeepsTheLaterRulesFromRunning() {
        create(new RuleCommand("Первое", null, RuleTrigger.CREATED, null, List.of(cond(Field.TEXT, Operator.CONTAINS, token)),
                List.of(act(Type.ADD_TAG, "one")), true, true, 10, null));
        create(new RuleCommand("Второе", null, RuleTrigger.CREATED, null, List.of(cond(Field.TEXT, Operator.CONTAINS, token)),
                List.of(act(Type.ADD_TAG, "two")), true, false, 20, null));

        assertThat(tickets.get(admin, newTicket(token, "текст").number()).tags()).containsExactly("one");
    }

    @Test
    void aLaterRuleSeesWhatAnEarlierOneChanged() {
        create(new RuleCommand("Срочно по слову", null, RuleTrigger.CREATED, null, List.of(cond(Field.TEXT, Operator.CONTAINS, token)),
                List.of(act(Type.SET_PRIORITY, "URGENT")), true, false, 10, null));
        create(new RuleCommand("Срочным метку", null, RuleTrigger.CREATED, null,
                List.of(cond(Field.PRIORITY, Operator.IS, "URGENT"), cond(Field.TEXT, Operator.CONTAINS, token)),
                List.of(act(Type.ADD_TAG, "urgent")), true, false, 20, null));

        TicketView t = tickets.get(admin, newTicket(token, "текст").number());

        assertThat(t.priority()).isEqualTo(Priority.URGENT);
        assertThat(t.tags()).containsExactly("urgent");
    }

    // ------------------------------------------------------------------ updated

    @Test
    void anUpdatedRuleRunsOnEachChangeByPeopleButNotOnItsOwn() {
        RuleView rule = create(new RuleCommand("Клиент торопит", null, RuleTrigger.UPDATED, null,
                List.of(cond(Field.TEXT, Operator.CONTAINS, "срочно"), cond(Field.TICKET_TAG, Operator.HAS, token.substring(6))),
                List.of(act(Type.SET_PRIORITY, "HIGH"), new RuleAction(Type.NOTIFY, String.valueOf(lead.id()), "Клиент торопит")),
                true, false, null, null));
        TicketView t = newTicket("Вопрос", "Обычный текст");
        tickets.tag(l1, t.number(), token.substring(6));
        assertThat(rules.runs(admin, rule.id(), false, 10)).isEmpty(); // the text does not say "срочно" yet

        tickets.customerMessage(customer, t.number(), new TicketCommands.CustomerMessage("Ответьте СРОЧНО, пожалуйста"));

        assertThat(tickets.get(admin, t.number()).priority()).isEqualTo(Priority.HIGH);
        // the rule changed the ticket (an update) but rules do not wake on rules' changes: one run, one notice
        assertThat(rules.runs(admin, rule.id(), false, 10)).hasSize(1);
        assertThat(notices.mine(lead, 10)).filteredOn(n -> n.ticketNumber().equals(t.number())).hasSize(1);

        tickets.addNote(l1, t.number(), new TicketCommands.Note("Смотрю"));
        // the latest customer message still says so: a change by a person runs the rule again (priority already HIGH: notice only)
        assertThat(rules.runs(admin, rule.id(), false, 10)).hasSize(2);
        assertThat(notices.mine(lead, 10)).filteredOn(n -> n.ticketNumber().equals(t.number())).hasSize(2);
    }

    // ------------------------------------------------------------------ idle

    @Test
    void anIdleRuleFiresOncePerIdleStretchOnUnfinishedTickets() {
        RuleView rule = create(new RuleCommand("Забытые заявки", null, RuleTrigger.IDLE, 60,
                List.of(cond(Field.TICKET_TAG, Operator.HAS, "watch")),
                List.of(act(Type.SET_PRIORITY, "HIGH"), new RuleAction(Type.NOTIFY, "TEAM_LEADS", "Заявка без движения час")),
                true, false, null, null));
        TicketView waiting = newTicket("Жду ответа", "Текст");
        tickets.tag(l1, waiting.number(), "watch");
        TicketView solved = newTicket("Решённая", "Текст");
        tickets.tag(l1, solved.number(), "watch");
        tickets.answer(l1, solved.number(), new TicketCommands.Answer("Вот ответ", null, null, null));

        clock.advance(Duration.ofMinutes(59));
        rules.runIdleRulesNow(admin);
        assertThat(tickets.get(admin, waiting.number()).priority()).isEqualTo(Priority.NORMAL);

        clock.advance(Duration.ofMinutes(2));
        rules.runIdleRulesNow(admin);
        assertThat(tickets.get(admin, waiting.number()).priority()).isEqualTo(Priority.HIGH);
        assertThat(tickets.get(admin, solved.number()).priority()).isEqualTo(Priority.NORMAL);
        assertThat(runsOn(rule, waiting)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(90));
        rules.runIdleRulesNow(admin);
        assertThat(runsOn(rule, waiting)).as("once per idle stretch").isEqualTo(1);

        // the customer writes: activity; an hour later it is idle again and the rule fires again
        tickets.customerMessage(customer, waiting.number(), new TicketCommands.CustomerMessage("Есть новости?"));
        clock.advance(Duration.ofMinutes(30));
        rules.runIdleRulesNow(admin);
        assertThat(runsOn(rule, waiting)).isEqualTo(1);
        clock.advance(Duration.ofMinutes(31));
        rules.runIdleRulesNow(admin);
        assertThat(runsOn(rule, waiting)).isEqualTo(2);
        assertThat(notices.mine(lead, 20)).filteredOn(n -> n.ticketNumber().equals(waiting.number())).hasSize(2);
    }

    // ------------------------------------------------------------------ checks

    @Test
    void badRulesAreRefusedNamingTheFieldAndNothingIsSaved() {
        int before = rules.list(admin).size();
        long group = group("web");
        List<Object[]> cases = List.of(
                new Object[]{command(RuleTrigger.CREATED, null, List.of(), List.of()), "actions"},
                new Object[]{command(RuleTrigger.IDLE, null, List.of(), List.of(act(Type.ADD_TAG, "x"))), "idleMinutes"},
                new Object[]{command(RuleTrigger.IDLE, 2, List.of(), List.of(act(Type.ADD_TAG, "x"))), "idleMinutes"},
                new Object[]{command(RuleTrigger.CREATED, 60, List.of(), List.of(act(Type.ADD_TAG, "x"))), "idleMinutes"},
                new Object[]{command(RuleTrigger.UPDATED, null, List.of(), List.of(act(Type.ADD_TAG, "x"))), "conditions"},
                new Object[]{command(RuleTrigger.CREATED, null, List.of(cond(Field.CHANNEL, Operator.CONTAINS, "WEB")),
                        List.of(act(Type.ADD_TAG, "x"))), "conditions[0].operator"},
                new Object[]{command(RuleTrigger.CREATED, null, List.of(cond(Field.CHANNEL, Operator.IS, "FAX")),
                        List.of(act(Type.ADD_TAG, "x"))), "conditions[0].value"},
                new Object[]{command(RuleTrigger.CREATED, null, List.of(cond(Field.PRIORITY, Operator.IS, "HIGH"),
                        cond(Field.GROUP, Operator.IS, "999999")), List.of(act(Type.ADD_TAG, "x"))), "conditions[1].value"},
                new Object[]{command(RuleTrigger.CREATED, null, List.of(cond(Field.TEXT, Operator.CONTAINS, " | ")),
                        List.of(act(Type.ADD_TAG, "x"))), "conditions[0].value"},
                new Object[]{command(RuleTrigger.CREATED, null, List.of(), List.of(act(Type.ADD_TAG, "два слова"))), "actions[0].value"},
                new Object[]{command(RuleTrigger.CREATED, null, List.of(), List.of(act(Type.SET_GROUP, String.valueOf(group)),
                        act(Type.SET_GROUP, String.valueOf(group)))), "actions[1].type"},
                new Object[]{command(RuleTrigger.CREATED, null, List.of(), List.of(act(Type.SET_PRIORITY, "HUGE"))), "actions[0].value"},
                new Object[]{command(RuleTrigger.CREATED, null, List.of(), List.of(act(Type.ASSIGN, String.valueOf(customer.id())))),
                        "actions[0].value"},
                new Object[]{command(RuleTrigger.CREATED, null, List.of(), List.of(act(Type.ADD_CANNED_NOTE, "999999"))), "actions[0].value"},
                new Object[]{command(RuleTrigger.CREATED, null, List.of(), List.of(new RuleAction(Type.NOTIFY, "TEAM_LEADS", " "))),
                        "actions[0].text"},
                new Object[]{command(RuleTrigger.CREATED, null, List.of(), List.of(new RuleAction(Type.NOTIFY, "EVERYONE", "x"))),
                        "actions[0].value"});
        for (Object[] c : cases) {
            assertThatThrownBy(() -> rules.create(admin, (RuleCommand) c[0]))
                    .as("field %s", c[1]).isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID_INPUT);
                        assertThat(e.field()).isEqualTo(c[1]);
                    });
        }
        assertThat(rules.list(admin)).hasSize(before);
    }

    @Test
    void onlyAdminsChangeRulesAndAStaleEditIsRefused() {
        RuleCommand c = command(RuleTrigger.CREATED, null, List.of(cond(Field.TEXT, Operator.CONTAINS, token)),
                List.of(act(Type.ADD_TAG, "x")));
        assertThatThrownBy(() -> rules.create(lead, c)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
        assertThatThrownBy(() -> rules.list(l1)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
        RuleView rule = create(c);
        assertThat(rules.list(lead)).extracting(RuleView::id).contains(rule.id());
        RuleCommand edit = new RuleCommand("Новое имя", null, RuleTrigger.CREATED, null, c.conditions(), c.actions(),
                true, false, null, rule.version());
        RuleView edited = rules.update(admin, rule.id(), edit);
        assertThat(edited.name()).isEqualTo("Новое имя");
        assertThatThrownBy(() -> rules.update(admin, rule.id(), edit)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
    }

    @Test
    void aSwitchedOffRuleDoesNothing() {
        create(new RuleCommand("Выключено", null, RuleTrigger.CREATED, null, List.of(cond(Field.TEXT, Operator.CONTAINS, token)),
                List.of(act(Type.ADD_TAG, "off")), false, false, null, null));
        assertThat(tickets.get(admin, newTicket(token, "текст").number()).tags()).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private long runsOn(RuleView rule, TicketView t) {
        return rules.runs(admin, rule.id(), false, 100).stream().filter(r -> r.ticketId() == t.id() && r.ok()).count();
    }

    private RuleView create(RuleCommand c) {
        RuleView rule = rules.create(admin, c);
        created.add(rule.id());
        return rule;
    }

    private RuleCommand command(RuleTrigger trigger, Integer idle, List<RuleCondition> conditions, List<RuleAction> actions) {
        return new RuleCommand("Проверка", null, trigger, idle, conditions, actions, true, false, null, null);
    }

    private static RuleCondition cond(Field field, Operator op, String value) {
        return new RuleCondition(field, op, value);
    }

    private static RuleAction act(Type type, String value) {
        return new RuleAction(type, value, null);
    }

    private TicketView newTicket(String subject, String body) {
        return tickets.create(customer, new TicketCommands.NewTicket(subject, body, null, null, null, null), Channel.WEB);
    }

    private long group(String code) {
        return routing.groupByCode(code).map(GroupRef::id).orElseThrow();
    }

    private Actor actor(String login) {
        return users.userByLogin(login).orElseThrow().toActor();
    }
}
