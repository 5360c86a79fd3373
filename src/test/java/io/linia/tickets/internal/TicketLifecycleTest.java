package io.linia.tickets.internal;

import static io.linia.tickets.Line.FIRST;
import static io.linia.tickets.Line.SECOND;
import static io.linia.tickets.TicketState.CLOSED;
import static io.linia.tickets.TicketState.NEW;
import static io.linia.tickets.TicketState.OPEN;
import static io.linia.tickets.TicketState.SOLVED;
import static io.linia.tickets.TicketState.WAITING_FOR_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.shared.DomainException;
import io.linia.shared.DomainException.Kind;
import io.linia.tickets.Channel;
import io.linia.tickets.CloseReason;
import io.linia.tickets.Line;
import io.linia.tickets.MessageKind;
import io.linia.tickets.Priority;
import io.linia.tickets.TicketAction;
import io.linia.tickets.TicketNumber;
import io.linia.tickets.TicketState;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two-line lifecycle of a ticket, driven through the aggregate's own methods: what each
 * command does when it is allowed, and that every command outside the rules is refused with the
 * right kind and changes nothing. The expected allow/refuse table below is written from the
 * product rules, not from the code.
 */
class TicketLifecycleTest {

    // ------------------------------------------------------------------ fixtures

    static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
    static final Duration REOPEN_WINDOW = Duration.ofDays(7);

    static final long CUSTOMER_ID = 100;
    static final long RECOVERY_GROUP = 5;
    static final long WEB_GROUP = 7;
    static final long PASSWORD_CATEGORY = 51;
    static final long BROWSER_CATEGORY = 52;
    static final long SPAM_CATEGORY = 53;

    /** Everyone who may come near a ticket. */
    enum Who {
        L1_ANNA(new Actor(10, "Анна", Set.of(Role.AGENT_L1), Set.of())),
        L2_SERGEY_RECOVERY(new Actor(20, "Сергей", Set.of(Role.AGENT_L2), Set.of(RECOVERY_GROUP))),
        L2_OLGA_WEB(new Actor(21, "Ольга", Set.of(Role.AGENT_L2), Set.of(WEB_GROUP))),
        TEAM_LEAD_MARINA(new Actor(30, "Марина", Set.of(Role.TEAM_LEAD), Set.of())),
        ADMIN_IGOR(new Actor(40, "Игорь", Set.of(Role.ADMIN), Set.of())),
        TRAINER_ELENA(new Actor(50, "Елена", Set.of(Role.TRAINER), Set.of())),
        CUSTOMER_IVAN(new Actor(CUSTOMER_ID, "Иван Петров", Set.of(Role.CUSTOMER), Set.of()));

        final Actor actor;

        Who(Actor actor) {
            this.actor = actor;
        }
    }

    static final Actor ANNA = Who.L1_ANNA.actor;
    static final Actor SERGEY = Who.L2_SERGEY_RECOVERY.actor;
    static final Actor OLGA = Who.L2_OLGA_WEB.actor;
    static final Actor LEAD = Who.TEAM_LEAD_MARINA.actor;
    static final Actor ADMIN = Who.ADMIN_IGOR.actor;
    static final Actor TRAINER = Who.TRAINER_ELENA.actor;
    static final Actor CUSTOMER = Who.CUSTOMER_IVAN.actor;
    static final Actor OTHER_CUSTOMER = new Actor(101, "Пётр Сидоров", Set.of(Role.CUSTOMER), Set.of());

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static Ticket newTicket() {
        return Ticket.open("  Не могу войти в почту  ", "Забыл пароль, помогите", CUSTOMER_ID, "ivan@example.ru",
                "Иван Петров", Channel.EMAIL, null, null, null, T0);
    }

    static Ticket escalatedToRecovery() {
        Ticket t = newTicket();
        t.escalate(ANNA, PASSWORD_CATEGORY, RECOVERY_GROUP, null, at(1));
        return t;
    }

    // Messages and history entries expose only part of their state through accessors, and their
    // toView() needs a database id; the test reads the fields to assert on all of them.

    record Msg(MessageKind kind, Long authorId, String authorName, String body, String articleUrl,
               String articleTitle, Instant createdAt) {
    }

    record Step(Instant at, Long actorId, String actorName, TicketAction action, TicketState fromState,
                TicketState toState, Line fromLine, Line toLine, Long fromGroupId, Long toGroupId, String detail) {
    }

    static Msg msg(TicketMessage m) {
        return new Msg(read(m, "kind"), read(m, "authorId"), read(m, "authorName"), read(m, "body"),
                read(m, "articleUrl"), read(m, "articleTitle"), read(m, "createdAt"));
    }

    static Step step(TicketHistoryEntry h) {
        return new Step(read(h, "at"), read(h, "actorId"), read(h, "actorName"), read(h, "action"),
                read(h, "fromState"), read(h, "toState"), read(h, "fromLine"), read(h, "toLine"),
                read(h, "fromGroupId"), read(h, "toGroupId"), read(h, "detail"));
    }

    static List<Msg> messages(Ticket t) {
        return t.messages().stream().map(TicketLifecycleTest::msg).toList();
    }

    static Msg lastMessage(Ticket t) {
        List<Msg> all = messages(t);
        return all.get(all.size() - 1);
    }

    static List<Step> steps(Ticket t) {
        return t.history().stream().map(TicketLifecycleTest::step).toList();
    }

    static Step lastStep(Ticket t) {
        List<Step> all = steps(t);
        return all.get(all.size() - 1);
    }

    @SuppressWarnings("unchecked")
    static <T> T read(Object target, String name) {
        try {
            Field f = target.getClass().getDeclaredField(name);
            f.setAccessible(true);
            return (T) f.get(target);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read " + name, e);
        }
    }

    /** Everything a refused command must leave as it was. */
    record Snapshot(TicketState state, Line line, Long groupId, Long categoryId, Long assigneeId, String assigneeName,
                    Priority priority, CloseReason closeReason, int reopenCount, List<Msg> messages, List<Step> history,
                    Instant updatedAt, Instant queuedAt, Instant firstResponseAt, Instant solvedAt, Instant closedAt) {

        static Snapshot of(Ticket t) {
            return new Snapshot(t.state(), t.line(), t.groupId(), t.categoryId(), t.assigneeId(), t.assigneeName(),
                    t.priority(), t.closeReason(), t.reopenCount(), TicketLifecycleTest.messages(t), TicketLifecycleTest.steps(t), t.updatedAt(),
                    t.queuedAt(), t.firstResponseAt(), t.solvedAt(), t.closedAt());
        }
    }

    static DomainException refusedWith(Kind kind, Ticket t, Consumer<Ticket> command) {
        Snapshot before = Snapshot.of(t);
        Throwable thrown = catchThrowable(() -> command.accept(t));
        assertThat(thrown).isInstanceOf(DomainException.class);
        DomainException e = (DomainException) thrown;
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(Snapshot.of(t)).as("a refused command changes nothing").isEqualTo(before);
        return e;
    }

    static Stream<Arguments> assigneesWhoCannotWorkARecoveryTicket() {
        return Stream.of(
                Arguments.of("first-line agent", ANNA),
                Arguments.of("second-line agent of another group", OLGA),
                Arguments.of("administrator", ADMIN),
                Arguments.of("trainer", TRAINER),
                Arguments.of("customer", CUSTOMER),
                Arguments.of("Linia itself", Actor.system()));
    }

    // ------------------------------------------------------------------ opening

    @Nested
    class Opening {

        @Test
        void newTicketWaitsOnFirstLineWithTheCustomersMessage() {
            Ticket t = newTicket();

            assertThat(t.subject()).isEqualTo("Не могу войти в почту");
            assertThat(t.state()).isEqualTo(NEW);
            assertThat(t.line()).isEqualTo(FIRST);
            assertThat(t.groupId()).isNull();
            assertThat(t.categoryId()).isNull();
            assertThat(t.assigneeId()).isNull();
            assertThat(t.priority()).isEqualTo(Priority.NORMAL);
            assertThat(t.customerId()).isEqualTo(CUSTOMER_ID);
            assertThat(t.channel()).isEqualTo(Channel.EMAIL);
            assertThat(t.createdAt()).isEqualTo(T0);
            assertThat(t.updatedAt()).isEqualTo(T0);
            assertThat(t.queuedAt()).isEqualTo(T0);
            assertThat(t.firstResponseAt()).isNull();
            assertThat(t.solvedAt()).isNull();
            assertThat(t.closedAt()).isNull();
            assertThat(t.reopenCount()).isZero();
            assertThat(messages(t)).containsExactly(
                    new Msg(MessageKind.CUSTOMER, CUSTOMER_ID, "Иван Петров", "Забыл пароль, помогите", null, null, T0));
            assertThat(steps(t)).containsExactly(
                    new Step(T0, CUSTOMER_ID, "Иван Петров", TicketAction.CREATED, null, NEW, null, FIRST, null, null, null));
        }

        @Test
        void followUpTicketNamesTheTicketItFollowsAndKeepsGivenPriorityAndCategory() {
            Ticket t = Ticket.open("Re: пароль", "Опять не пускает", CUSTOMER_ID, "ivan@example.ru", "Иван Петров",
                    Channel.WEB, PASSWORD_CATEGORY, Priority.HIGH, 42L, T0);

            assertThat(t.followUpOfId()).isEqualTo(42L);
            assertThat(t.priority()).isEqualTo(Priority.HIGH);
            assertThat(t.categoryId()).isEqualTo(PASSWORD_CATEGORY);
            assertThat(t.line()).isEqualTo(FIRST);
            assertThat(lastStep(t).detail()).isEqualTo("L-000042");
        }
    }

    // ------------------------------------------------------------------ first line

    @Nested
    class FirstLine {

        @Test
        void firstLineAnswerSolvesTheTicketWithAPublicReplyLinkingTheArticle() {
            Ticket t = newTicket();

            TicketMessage reply = t.answer(ANNA, "Восстановите пароль по инструкции",
                    " https://help.example.ru/kb/restore ", "Как восстановить пароль", at(5));

            assertThat(t.state()).isEqualTo(SOLVED);
            assertThat(t.line()).isEqualTo(FIRST);
            assertThat(t.groupId()).isNull();
            assertThat(t.solvedAt()).isEqualTo(at(5));
            assertThat(t.firstResponseAt()).isEqualTo(at(5));
            assertThat(t.closedAt()).isNull();
            assertThat(t.updatedAt()).isEqualTo(at(5));
            assertThat(t.queuedAt()).isEqualTo(T0);
            assertThat(msg(reply)).isEqualTo(new Msg(MessageKind.PUBLIC_REPLY, 10L, "Анна",
                    "Восстановите пароль по инструкции", "https://help.example.ru/kb/restore",
                    "Как восстановить пароль", at(5)));
            assertThat(lastMessage(t)).isEqualTo(msg(reply));
            assertThat(t.messages()).hasSize(2);
            assertThat(lastStep(t)).isEqualTo(new Step(at(5), 10L, "Анна", TicketAction.ANSWER, NEW, SOLVED,
                    FIRST, FIRST, null, null, "Как восстановить пароль"));
        }

        @Test
        void firstLineAnswerWithoutArticleStoresNoLink() {
            Ticket t = newTicket();
            t.take(ANNA, at(1));

            t.answer(ANNA, "Проблема решена на нашей стороне", "  ", null, at(5));

            assertThat(t.state()).isEqualTo(SOLVED);
            assertThat(lastMessage(t).articleUrl()).isNull();
            assertThat(lastMessage(t).articleTitle()).isNull();
            assertThat(lastStep(t).action()).isEqualTo(TicketAction.ANSWER);
            assertThat(lastStep(t).fromState()).isEqualTo(OPEN);
            assertThat(lastStep(t).toState()).isEqualTo(SOLVED);
        }

        @Test
        void firstLineAsksForInformationAndTheTicketWaitsForTheCustomer() {
            Ticket t = newTicket();

            TicketMessage question = t.askForInformation(ANNA, "Укажите, пожалуйста, дату регистрации ящика", at(5));

            assertThat(t.state()).isEqualTo(WAITING_FOR_CUSTOMER);
            assertThat(t.line()).isEqualTo(FIRST);
            assertThat(t.firstResponseAt()).isEqualTo(at(5));
            assertThat(t.solvedAt()).isNull();
            assertThat(msg(question)).isEqualTo(new Msg(MessageKind.PUBLIC_REPLY, 10L, "Анна",
                    "Укажите, пожалуйста, дату регистрации ящика", null, null, at(5)));
            assertThat(lastStep(t)).isEqualTo(new Step(at(5), 10L, "Анна", TicketAction.ASK_FOR_INFORMATION,
                    NEW, WAITING_FOR_CUSTOMER, FIRST, FIRST, null, null, null));
        }

        @Test
        void firstResponseTimeIsTheFirstPublicReplyOnly() {
            Ticket t = newTicket();
            t.addNote(ANNA, "похоже на взлом", at(2));
            assertThat(t.firstResponseAt()).as("an internal note is not a response").isNull();

            t.askForInformation(ANNA, "Когда вы последний раз входили?", at(5));
            t.customerReply(CUSTOMER, "Вчера", REOPEN_WINDOW, at(30));
            t.answer(ANNA, "Смените пароль", null, null, at(40));

            assertThat(t.firstResponseAt()).isEqualTo(at(5));
        }

        @Test
        void firstLineClosesWithAReasonAndKeepsTheNoteInternal() {
            Ticket t = newTicket();

            t.close(ANNA, CloseReason.SOLVED_BY_CUSTOMER, "Клиент написал, что вспомнил пароль", at(5));

            assertThat(t.state()).isEqualTo(CLOSED);
            assertThat(t.line()).isEqualTo(FIRST);
            assertThat(t.closeReason()).isEqualTo(CloseReason.SOLVED_BY_CUSTOMER);
            assertThat(t.closedAt()).isEqualTo(at(5));
            assertThat(t.solvedAt()).isNull();
            assertThat(t.firstResponseAt()).as("closing is not a response to the customer").isNull();
            assertThat(lastMessage(t)).isEqualTo(new Msg(MessageKind.INTERNAL_NOTE, 10L, "Анна",
                    "Клиент написал, что вспомнил пароль", null, null, at(5)));
            assertThat(lastStep(t)).isEqualTo(new Step(at(5), 10L, "Анна", TicketAction.CLOSE, NEW, CLOSED,
                    FIRST, FIRST, null, null, "SOLVED_BY_CUSTOMER"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void closingWithoutANoteAddsNoMessage(String blank) {
            for (String note : Arrays.asList(null, blank)) {
                Ticket t = newTicket();

                t.close(ANNA, CloseReason.SPAM, note, at(5));

                assertThat(t.state()).isEqualTo(CLOSED);
                assertThat(t.messages()).hasSize(1);
                assertThat(lastStep(t).detail()).isEqualTo("SPAM");
            }
        }

        @Test
        void firstLineClosesATicketWaitingForTheCustomer() {
            Ticket t = newTicket();
            t.askForInformation(ANNA, "Какой у вас браузер?", at(5));

            t.close(ANNA, CloseReason.NO_REPLY, null, at(60));

            assertThat(t.state()).isEqualTo(CLOSED);
            assertThat(t.closeReason()).isEqualTo(CloseReason.NO_REPLY);
            assertThat(t.closedAt()).isEqualTo(at(60));
            assertThat(lastStep(t)).isEqualTo(new Step(at(60), 10L, "Анна", TicketAction.CLOSE,
                    WAITING_FOR_CUSTOMER, CLOSED, FIRST, FIRST, null, null, "NO_REPLY"));
        }

        @Test
        void closingWithoutAReasonIsRefusedAndChangesNothing() {
            // Rule: the first line closes "with reason". The aggregate must refuse a missing reason
            // like any other check (DomainException, nothing changed).
            Ticket t = newTicket();

            refusedWith(Kind.INVALID_INPUT, t, x -> x.close(ANNA, null, "закрываю", at(5)));
        }

        @Test
        void escalatedTicketLeavesFirstLineQueue() {
            Ticket t = newTicket();
            t.take(ANNA, at(1));

            t.escalate(ANNA, PASSWORD_CATEGORY, RECOVERY_GROUP, "Клиент не помнит ни одного пароля", at(5));

            assertThat(t.line()).isEqualTo(SECOND);
            assertThat(t.groupId()).isEqualTo(RECOVERY_GROUP);
            assertThat(t.categoryId()).isEqualTo(PASSWORD_CATEGORY);
            assertThat(t.state()).isEqualTo(OPEN);
            assertThat(t.assigneeId()).as("the group picks it from its queue").isNull();
            assertThat(t.assigneeName()).isNull();
            assertThat(t.queuedAt()).as("waiting time on the second line starts now").isEqualTo(at(5));
            assertThat(t.updatedAt()).isEqualTo(at(5));
            assertThat(t.firstResponseAt()).isNull();
            assertThat(lastMessage(t)).isEqualTo(new Msg(MessageKind.INTERNAL_NOTE, 10L, "Анна",
                    "Клиент не помнит ни одного пароля", null, null, at(5)));
            assertThat(lastStep(t)).isEqualTo(new Step(at(5), 10L, "Анна", TicketAction.ESCALATE, OPEN, OPEN,
                    FIRST, SECOND, null, RECOVERY_GROUP, null));
        }

        @Test
        void escalatingANewTicketWithoutANoteOpensItInTheGroupQueue() {
            Ticket t = newTicket();

            t.escalate(ANNA, BROWSER_CATEGORY, WEB_GROUP, "  ", at(3));

            assertThat(t.state()).isEqualTo(OPEN);
            assertThat(t.line()).isEqualTo(SECOND);
            assertThat(t.groupId()).isEqualTo(WEB_GROUP);
            assertThat(t.categoryId()).isEqualTo(BROWSER_CATEGORY);
            assertThat(t.messages()).hasSize(1);
            assertThat(lastStep(t)).isEqualTo(new Step(at(3), 10L, "Анна", TicketAction.ESCALATE, NEW, OPEN,
                    FIRST, SECOND, null, WEB_GROUP, null));
        }
    }

    // ------------------------------------------------------------------ second line

    @Nested
    class SecondLine {

        @Test
        void secondLineReplyKeepsTheTicketOpenInTheGroup() {
            Ticket t = escalatedToRecovery();

            TicketMessage reply = t.reply(SERGEY, "Проверяем вашу анкету", at(10));

            assertThat(t.state()).isEqualTo(OPEN);
            assertThat(t.line()).isEqualTo(SECOND);
            assertThat(t.groupId()).isEqualTo(RECOVERY_GROUP);
            assertThat(t.firstResponseAt()).isEqualTo(at(10));
            assertThat(t.solvedAt()).isNull();
            assertThat(msg(reply)).isEqualTo(new Msg(MessageKind.PUBLIC_REPLY, 20L, "Сергей",
                    "Проверяем вашу анкету", null, null, at(10)));
            assertThat(lastStep(t)).isEqualTo(new Step(at(10), 20L, "Сергей", TicketAction.REPLY, OPEN, OPEN,
                    SECOND, SECOND, RECOVERY_GROUP, RECOVERY_GROUP, null));
        }

        @Test
        void secondLineAsksForInformationAndTheTicketWaitsInTheGroup() {
            Ticket t = escalatedToRecovery();

            t.askForInformation(SERGEY, "Назовите папки, которые вы создавали", at(10));

            assertThat(t.state()).isEqualTo(WAITING_FOR_CUSTOMER);
            assertThat(t.line()).isEqualTo(SECOND);
            assertThat(t.groupId()).isEqualTo(RECOVERY_GROUP);
            assertThat(lastMessage(t).kind()).isEqualTo(MessageKind.PUBLIC_REPLY);
            assertThat(lastMessage(t).body()).isEqualTo("Назовите папки, которые вы создавали");
            assertThat(lastStep(t)).isEqualTo(new Step(at(10), 20L, "Сергей", TicketAction.ASK_FOR_INFORMATION,
                    OPEN, WAITING_FOR_CUSTOMER, SECOND, SECOND, RECOVERY_GROUP, RECOVERY_GROUP, null));
        }

        @Test
        void secondLineSolvesWithAFinalReply() {
            Ticket t = escalatedToRecovery();

            TicketMessage reply = t.solve(SERGEY, "Доступ восстановлен, смените пароль", at(20));

            assertThat(t.state()).isEqualTo(SOLVED);
            assertThat(t.line()).isEqualTo(SECOND);
            assertThat(t.solvedAt()).isEqualTo(at(20));
            assertThat(t.closedAt()).isNull();
            assertThat(t.firstResponseAt()).isEqualTo(at(20));
            assertThat(msg(reply)).isEqualTo(new Msg(MessageKind.PUBLIC_REPLY, 20L, "Сергей",
                    "Доступ восстановлен, смените пароль", null, null, at(20)));
            assertThat(lastStep(t)).isEqualTo(new Step(at(20), 20L, "Сергей", TicketAction.SOLVE, OPEN, SOLVED,
                    SECOND, SECOND, RECOVERY_GROUP, RECOVERY_GROUP, null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "  \n "})
        void secondLineSolvesWithoutAReply(String blank) {
            for (String body : Arrays.asList(null, blank)) {
                Ticket t = escalatedToRecovery();

                TicketMessage reply = t.solve(SERGEY, body, at(20));

                assertThat(reply).isNull();
                assertThat(t.messages()).hasSize(1);
                assertThat(t.state()).isEqualTo(SOLVED);
                assertThat(t.solvedAt()).isEqualTo(at(20));
                assertThat(t.firstResponseAt()).isNull();
                assertThat(lastStep(t).action()).isEqualTo(TicketAction.SOLVE);
            }
        }

        @Test
        void secondLineSolvesATicketWaitingForTheCustomer() {
            Ticket t = escalatedToRecovery();
            t.askForInformation(SERGEY, "Пришлите номер телефона", at(10));

            t.solve(SERGEY, null, at(600));

            assertThat(t.state()).isEqualTo(SOLVED);
            assertThat(lastStep(t)).isEqualTo(new Step(at(600), 20L, "Сергей", TicketAction.SOLVE,
                    WAITING_FOR_CUSTOMER, SOLVED, SECOND, SECOND, RECOVERY_GROUP, RECOVERY_GROUP, null));
        }

        @Test
        void secondLineReturnsTheTicketToFirstLineWithAnInternalNote() {
            Ticket t = escalatedToRecovery();
            t.take(SERGEY, at(5));

            t.returnToFirstLine(SERGEY, "Это вопрос о спаме, не о доступе", at(10));

            assertThat(t.line()).isEqualTo(FIRST);
            assertThat(t.groupId()).isNull();
            assertThat(t.state()).isEqualTo(OPEN);
            assertThat(t.assigneeId()).isNull();
            assertThat(t.assigneeName()).isNull();
            assertThat(t.queuedAt()).isEqualTo(at(10));
            assertThat(t.categoryId()).isEqualTo(PASSWORD_CATEGORY);
            assertThat(lastMessage(t)).isEqualTo(new Msg(MessageKind.INTERNAL_NOTE, 20L, "Сергей",
                    "Это вопрос о спаме, не о доступе", null, null, at(10)));
            assertThat(lastStep(t)).isEqualTo(new Step(at(10), 20L, "Сергей", TicketAction.RETURN_TO_FIRST_LINE,
                    OPEN, OPEN, SECOND, FIRST, RECOVERY_GROUP, null, null));
        }

        @Test
        void ticketWaitingForTheCustomerCanBeReturnedToFirstLine() {
            Ticket t = escalatedToRecovery();
            t.askForInformation(SERGEY, "Уточните адрес", at(5));

            t.returnToFirstLine(SERGEY, "Клиент пишет не о том ящике", at(10));

            assertThat(t.state()).isEqualTo(OPEN);
            assertThat(t.line()).isEqualTo(FIRST);
            assertThat(lastStep(t).fromState()).isEqualTo(WAITING_FOR_CUSTOMER);
            assertThat(lastStep(t).toState()).isEqualTo(OPEN);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void returningToFirstLineWithoutANoteIsRefusedAndChangesNothing(String blank) {
            // Rule: second line sends back "with a note" — the note is required.
            refusedWith(Kind.INVALID_INPUT, escalatedToRecovery(), t -> t.returnToFirstLine(SERGEY, blank, at(10)));
            refusedWith(Kind.INVALID_INPUT, escalatedToRecovery(), t -> t.returnToFirstLine(SERGEY, null, at(10)));
        }
    }

    // ------------------------------------------------------------------ either line

    @Nested
    class EitherLine {

        @Test
        void takingANewTicketAssignsItAndOpensIt() {
            Ticket t = newTicket();

            t.take(ANNA, at(2));

            assertThat(t.assigneeId()).isEqualTo(10L);
            assertThat(t.assigneeName()).isEqualTo("Анна");
            assertThat(t.state()).isEqualTo(OPEN);
            assertThat(t.queuedAt()).isEqualTo(T0);
            assertThat(lastStep(t)).isEqualTo(new Step(at(2), 10L, "Анна", TicketAction.TAKE, NEW, OPEN,
                    FIRST, FIRST, null, null, "Анна"));
        }

        @Test
        void takingATicketFromAnotherAgentRecordsWhoHadIt() {
            Ticket t = escalatedToRecovery();
            t.take(SERGEY, at(2));

            t.take(LEAD, at(3));

            assertThat(t.assigneeId()).isEqualTo(30L);
            assertThat(t.assigneeName()).isEqualTo("Марина");
            assertThat(lastStep(t)).isEqualTo(new Step(at(3), 30L, "Марина", TicketAction.TAKE, OPEN, OPEN,
                    SECOND, SECOND, RECOVERY_GROUP, RECOVERY_GROUP, "Сергей → Марина"));
        }

        @Test
        void takingATicketWaitingForTheCustomerKeepsItWaiting() {
            Ticket t = newTicket();
            t.askForInformation(ANNA, "Уточните логин", at(2));

            t.take(ANNA, at(3));

            assertThat(t.state()).isEqualTo(WAITING_FOR_CUSTOMER);
            assertThat(t.assigneeId()).isEqualTo(10L);
        }

        @Test
        void releasingClearsTheAssigneeAndKeepsTheState() {
            Ticket t = newTicket();
            t.take(ANNA, at(2));

            t.release(ANNA, at(4));

            assertThat(t.assigneeId()).isNull();
            assertThat(t.assigneeName()).isNull();
            assertThat(t.state()).isEqualTo(OPEN);
            assertThat(lastStep(t)).isEqualTo(new Step(at(4), 10L, "Анна", TicketAction.RELEASE, OPEN, OPEN,
                    FIRST, FIRST, null, null, "Анна"));
        }

        @Test
        void teamLeadAssignsASecondLineTicketToAnAgentOfItsGroup() {
            Ticket t = escalatedToRecovery();

            t.assign(LEAD, SERGEY, at(5));

            assertThat(t.assigneeId()).isEqualTo(20L);
            assertThat(t.assigneeName()).isEqualTo("Сергей");
            assertThat(lastStep(t)).isEqualTo(new Step(at(5), 30L, "Марина", TicketAction.ASSIGN, OPEN, OPEN,
                    SECOND, SECOND, RECOVERY_GROUP, RECOVERY_GROUP, "Сергей"));
        }

        @Test
        void teamLeadAssignsANewFirstLineTicketWhichOpensIt() {
            Ticket t = newTicket();

            t.assign(LEAD, ANNA, at(5));

            assertThat(t.assigneeId()).isEqualTo(10L);
            assertThat(t.state()).isEqualTo(OPEN);
            assertThat(lastStep(t)).isEqualTo(new Step(at(5), 30L, "Марина", TicketAction.ASSIGN, NEW, OPEN,
                    FIRST, FIRST, null, null, "Анна"));
        }

        @Test
        void teamLeadReassignsAndTheHistoryShowsBoth() {
            Ticket t = escalatedToRecovery();
            t.take(SERGEY, at(2));

            t.assign(LEAD, LEAD, at(5));

            assertThat(t.assigneeId()).isEqualTo(30L);
            assertThat(lastStep(t).detail()).isEqualTo("Сергей → Марина");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.linia.tickets.internal.TicketLifecycleTest#assigneesWhoCannotWorkARecoveryTicket")
        void assigningToSomeoneWhoCannotWorkTheTicketIsRefused(String who, Actor assignee) {
            Ticket t = escalatedToRecovery();

            DomainException e = refusedWith(Kind.INVALID_INPUT, t, x -> x.assign(LEAD, assignee, at(5)));

            assertThat(e.field()).isEqualTo("assigneeId");
        }

        @Test
        void changingPriorityRecordsOldAndNewValue() {
            Ticket t = newTicket();

            t.changePriority(ANNA, Priority.URGENT, at(3));

            assertThat(t.priority()).isEqualTo(Priority.URGENT);
            assertThat(t.state()).isEqualTo(NEW);
            assertThat(lastStep(t)).isEqualTo(new Step(at(3), 10L, "Анна", TicketAction.CHANGE_PRIORITY, NEW, NEW,
                    FIRST, FIRST, null, null, "NORMAL → URGENT"));
        }

        @Test
        void priorityOfASolvedTicketCanStillChange() {
            Ticket t = escalatedToRecovery();
            t.solve(SERGEY, "Готово", at(5));

            t.changePriority(SERGEY, Priority.LOW, at(6));

            assertThat(t.priority()).isEqualTo(Priority.LOW);
            assertThat(t.state()).isEqualTo(SOLVED);
        }

        @Test
        void recategorisingRecordsOldAndNewCategoryAndKeepsTheGroup() {
            Ticket t = escalatedToRecovery();

            t.recategorise(SERGEY, SPAM_CATEGORY, at(4));

            assertThat(t.categoryId()).isEqualTo(SPAM_CATEGORY);
            assertThat(t.groupId()).isEqualTo(RECOVERY_GROUP);
            assertThat(t.line()).isEqualTo(SECOND);
            assertThat(lastStep(t)).isEqualTo(new Step(at(4), 20L, "Сергей", TicketAction.RECATEGORISE, OPEN, OPEN,
                    SECOND, SECOND, RECOVERY_GROUP, RECOVERY_GROUP, PASSWORD_CATEGORY + " → " + SPAM_CATEGORY));
        }

        @ParameterizedTest
        @EnumSource(Situation.class)
        void internalNoteCanBeAddedInAnyState(Situation situation) {
            Ticket t = situation.build();
            Actor agent = t.line() == FIRST ? ANNA : SERGEY;
            Snapshot before = Snapshot.of(t);

            TicketMessage note = t.addNote(agent, "Клиент звонил на горячую линию", at(100));

            assertThat(msg(note)).isEqualTo(new Msg(MessageKind.INTERNAL_NOTE, agent.id(), agent.name(),
                    "Клиент звонил на горячую линию", null, null, at(100)));
            assertThat(t.messages()).hasSize(before.messages().size() + 1);
            assertThat(lastMessage(t)).isEqualTo(msg(note));
            assertThat(t.state()).isEqualTo(before.state());
            assertThat(t.line()).isEqualTo(before.line());
            assertThat(t.groupId()).isEqualTo(before.groupId());
            assertThat(t.assigneeId()).isEqualTo(before.assigneeId());
            assertThat(t.firstResponseAt()).isEqualTo(before.firstResponseAt());
            assertThat(t.updatedAt()).isEqualTo(at(100));
        }
    }

    // ------------------------------------------------------------------ the customer and Linia

    @Nested
    class CustomerAndLinia {

        @Test
        void customerAnswerBringsAWaitingTicketBackToTheFirstLineQueue() {
            Ticket t = newTicket();
            t.askForInformation(ANNA, "Какой у вас логин?", at(5));

            TicketMessage answer = t.customerReply(CUSTOMER, "ivan.petrov", REOPEN_WINDOW, at(30));

            assertThat(t.state()).isEqualTo(OPEN);
            assertThat(t.line()).isEqualTo(FIRST);
            assertThat(t.groupId()).isNull();
            assertThat(t.queuedAt()).isEqualTo(at(30));
            assertThat(t.updatedAt()).isEqualTo(at(30));
            assertThat(msg(answer)).isEqualTo(new Msg(MessageKind.CUSTOMER, CUSTOMER_ID, "Иван Петров",
                    "ivan.petrov", null, null, at(30)));
            assertThat(lastStep(t)).isEqualTo(new Step(at(30), CUSTOMER_ID, "Иван Петров",
                    TicketAction.CUSTOMER_REPLIED, WAITING_FOR_CUSTOMER, OPEN, FIRST, FIRST, null, null, null));
        }

        @Test
        void customerAnswerBringsAWaitingTicketBackToTheSameSecondLineGroup() {
            Ticket t = escalatedToRecovery();
            t.take(SERGEY, at(2));
            t.askForInformation(SERGEY, "Когда вы зарегистрировали ящик?", at(5));

            t.customerReply(CUSTOMER, "В 2009 году", REOPEN_WINDOW, at(30));

            assertThat(t.state()).isEqualTo(OPEN);
            assertThat(t.line()).isEqualTo(SECOND);
            assertThat(t.groupId()).isEqualTo(RECOVERY_GROUP);
            assertThat(t.assigneeId()).as("stays with the agent who asked").isEqualTo(20L);
            assertThat(t.queuedAt()).isEqualTo(at(30));
            assertThat(lastMessage(t).kind()).isEqualTo(MessageKind.CUSTOMER);
            assertThat(lastStep(t)).isEqualTo(new Step(at(30), CUSTOMER_ID, "Иван Петров",
                    TicketAction.CUSTOMER_REPLIED, WAITING_FOR_CUSTOMER, OPEN, SECOND, SECOND,
                    RECOVERY_GROUP, RECOVERY_GROUP, null));
        }

        @Test
        void customerMessageOnAnOpenTicketJoinsItWithoutChangingState() {
            Ticket t = newTicket();

            t.customerReply(CUSTOMER, "Забыл добавить: телефон тоже не помню", REOPEN_WINDOW, at(3));

            assertThat(t.state()).isEqualTo(NEW);
            assertThat(t.queuedAt()).isEqualTo(T0);
            assertThat(t.messages()).hasSize(2);
            assertThat(lastStep(t)).isEqualTo(new Step(at(3), CUSTOMER_ID, "Иван Петров",
                    TicketAction.CUSTOMER_REPLIED, NEW, NEW, FIRST, FIRST, null, null, null));
        }

        @Test
        void customerReplyWithinTheReopenWindowReopensAFirstLineAnswer() {
            Ticket t = newTicket();
            t.answer(ANNA, "Воспользуйтесь формой восстановления", "https://help.example.ru/kb/1", "Форма", at(5));
            Instant justInside = at(5).plus(REOPEN_WINDOW).minusSeconds(1);

            assertThat(t.acceptsCustomerMessage(REOPEN_WINDOW, justInside)).isTrue();
            t.customerReply(CUSTOMER, "Форма не открывается", REOPEN_WINDOW, justInside);

            assertThat(t.state()).isEqualTo(OPEN);
            assertThat(t.line()).isEqualTo(FIRST);
            assertThat(t.reopenCount()).isEqualTo(1);
            assertThat(t.solvedAt()).isNull();
            assertThat(t.queuedAt()).isEqualTo(justInside);
            assertThat(t.firstResponseAt()).isEqualTo(at(5));
            assertThat(lastMessage(t)).isEqualTo(new Msg(MessageKind.CUSTOMER, CUSTOMER_ID, "Иван Петров",
                    "Форма не открывается", null, null, justInside));
            assertThat(lastStep(t)).isEqualTo(new Step(justInside, CUSTOMER_ID, "Иван Петров", TicketAction.REOPENED,
                    SOLVED, OPEN, FIRST, FIRST, null, null, null));
        }

        @Test
        void customerReplyReopensASecondLineSolutionInTheSameGroupAndCountsEachReopen() {
            Ticket t = escalatedToRecovery();
            t.solve(SERGEY, "Доступ восстановлен", at(10));

            t.customerReply(CUSTOMER, "Снова не пускает", REOPEN_WINDOW, at(20));

            assertThat(t.state()).isEqualTo(OPEN);
            assertThat(t.line()).isEqualTo(SECOND);
            assertThat(t.groupId()).isEqualTo(RECOVERY_GROUP);
            assertThat(t.reopenCount()).isEqualTo(1);
            assertThat(t.solvedAt()).isNull();
            assertThat(lastStep(t)).isEqualTo(new Step(at(20), CUSTOMER_ID, "Иван Петров", TicketAction.REOPENED,
                    SOLVED, OPEN, SECOND, SECOND, RECOVERY_GROUP, RECOVERY_GROUP, null));

            t.solve(SERGEY, "Теперь точно", at(30));
            assertThat(t.solvedAt()).isEqualTo(at(30));
            t.customerReply(CUSTOMER, "И снова", REOPEN_WINDOW, at(40));

            assertThat(t.reopenCount()).isEqualTo(2);
        }

        @Test
        void customerReplyAfterTheReopenWindowIsRefused() {
            Ticket t = newTicket();
            t.answer(ANNA, "Готово", null, null, at(5));
            Instant tooLate = at(5).plus(REOPEN_WINDOW).plusSeconds(1);

            assertThat(t.acceptsCustomerMessage(REOPEN_WINDOW, tooLate)).isFalse();
            refusedWith(Kind.CONFLICT, t, x -> x.customerReply(CUSTOMER, "Опять не работает", REOPEN_WINDOW, tooLate));
            assertThat(t.state()).isEqualTo(SOLVED);
            assertThat(t.reopenCount()).isZero();
        }

        @Test
        void customerCannotWriteOnAClosedTicket() {
            Ticket t = newTicket();
            t.close(ANNA, CloseReason.DUPLICATE, null, at(5));

            assertThat(t.acceptsCustomerMessage(REOPEN_WINDOW, at(6))).isFalse();
            refusedWith(Kind.CONFLICT, t, x -> x.customerReply(CUSTOMER, "А как же мой вопрос?", REOPEN_WINDOW, at(6)));
        }

        @Test
        void customerCannotWriteOnAnAutoClosedTicket() {
            Ticket t = escalatedToRecovery();
            t.solve(SERGEY, "Готово", at(5));
            t.autoClose(at(5).plus(REOPEN_WINDOW).plusSeconds(60));

            assertThat(t.acceptsCustomerMessage(REOPEN_WINDOW, at(5).plus(REOPEN_WINDOW).plusSeconds(61))).isFalse();
        }

        @ParameterizedTest
        @EnumSource(Situation.class)
        void anotherCustomerCannotWriteOnTheTicket(Situation situation) {
            Ticket t = situation.build();

            refusedWith(Kind.FORBIDDEN, t, x -> x.customerReply(OTHER_CUSTOMER, "Это мой ящик", REOPEN_WINDOW, at(100)));
        }

        @Test
        void liniaClosesASolvedTicketAsTheSystem() {
            Ticket t = escalatedToRecovery();
            t.solve(SERGEY, "Готово", at(5));
            Instant later = at(5).plus(REOPEN_WINDOW).plusSeconds(60);

            t.autoClose(later);

            assertThat(t.state()).isEqualTo(CLOSED);
            assertThat(t.closedAt()).isEqualTo(later);
            assertThat(t.solvedAt()).isEqualTo(at(5));
            assertThat(t.line()).isEqualTo(SECOND);
            assertThat(lastStep(t)).isEqualTo(new Step(later, null, "Linia", TicketAction.AUTO_CLOSED, SOLVED, CLOSED,
                    SECOND, SECOND, RECOVERY_GROUP, RECOVERY_GROUP, null));
        }

        @ParameterizedTest
        @EnumSource(value = Situation.class, names = ".*_SOLVED.*", mode = EnumSource.Mode.MATCH_NONE)
        void onlySolvedTicketsAreAutoClosed(Situation situation) {
            Ticket t = situation.build();

            refusedWith(Kind.CONFLICT, t, x -> x.autoClose(at(100_000)));
        }

        @Test
        void followUpIsRecordedOnTheClosedTicket() {
            Ticket t = newTicket();
            t.close(ANNA, CloseReason.SOLVED_BY_CUSTOMER, null, at(5));

            t.recordFollowUp(CUSTOMER, 77, at(50));

            assertThat(t.state()).isEqualTo(CLOSED);
            assertThat(lastStep(t)).isEqualTo(new Step(at(50), CUSTOMER_ID, "Иван Петров",
                    TicketAction.FOLLOW_UP_CREATED, CLOSED, CLOSED, FIRST, FIRST, null, null, "L-000077"));
        }
    }

    // ------------------------------------------------------------------ the refusal table

    /**
     * Every (state, line) a ticket can reach, some with an assignee (TAKE and RELEASE depend on it).
     * A second-line ticket is never NEW: escalation opens it.
     */
    enum Situation {
        FIRST_NEW(FIRST, NEW, null, null, t -> { }),
        FIRST_OPEN_TAKEN_BY_ANNA(FIRST, OPEN, null, 10L, t -> t.take(ANNA, at(1))),
        FIRST_OPEN_RETURNED(FIRST, OPEN, null, null, t -> {
            t.escalate(ANNA, PASSWORD_CATEGORY, RECOVERY_GROUP, null, at(1));
            t.returnToFirstLine(SERGEY, "Не наша группа", at(2));
        }),
        FIRST_WAITING(FIRST, WAITING_FOR_CUSTOMER, null, null, t -> t.askForInformation(ANNA, "Логин?", at(1))),
        FIRST_WAITING_TAKEN_BY_ANNA(FIRST, WAITING_FOR_CUSTOMER, null, 10L, t -> {
            t.take(ANNA, at(1));
            t.askForInformation(ANNA, "Логин?", at(2));
        }),
        FIRST_SOLVED(FIRST, SOLVED, null, null, t -> t.answer(ANNA, "Ответ", null, null, at(1))),
        FIRST_SOLVED_TAKEN_BY_ANNA(FIRST, SOLVED, null, 10L, t -> {
            t.take(ANNA, at(1));
            t.answer(ANNA, "Ответ", null, null, at(2));
        }),
        FIRST_CLOSED(FIRST, CLOSED, null, null, t -> t.close(ANNA, CloseReason.SPAM, null, at(1))),
        SECOND_OPEN(SECOND, OPEN, RECOVERY_GROUP, null,
                t -> t.escalate(ANNA, PASSWORD_CATEGORY, RECOVERY_GROUP, null, at(1))),
        SECOND_OPEN_TAKEN_BY_SERGEY(SECOND, OPEN, RECOVERY_GROUP, 20L, t -> {
            t.escalate(ANNA, PASSWORD_CATEGORY, RECOVERY_GROUP, null, at(1));
            t.take(SERGEY, at(2));
        }),
        SECOND_OPEN_TAKEN_BY_LEAD(SECOND, OPEN, RECOVERY_GROUP, 30L, t -> {
            t.escalate(ANNA, PASSWORD_CATEGORY, RECOVERY_GROUP, null, at(1));
            t.take(LEAD, at(2));
        }),
        SECOND_WAITING(SECOND, WAITING_FOR_CUSTOMER, RECOVERY_GROUP, null, t -> {
            t.escalate(ANNA, PASSWORD_CATEGORY, RECOVERY_GROUP, null, at(1));
            t.askForInformation(SERGEY, "Дата регистрации?", at(2));
        }),
        SECOND_WAITING_TAKEN_BY_SERGEY(SECOND, WAITING_FOR_CUSTOMER, RECOVERY_GROUP, 20L, t -> {
            t.escalate(ANNA, PASSWORD_CATEGORY, RECOVERY_GROUP, null, at(1));
            t.take(SERGEY, at(2));
            t.askForInformation(SERGEY, "Дата регистрации?", at(3));
        }),
        SECOND_SOLVED(SECOND, SOLVED, RECOVERY_GROUP, null, t -> {
            t.escalate(ANNA, PASSWORD_CATEGORY, RECOVERY_GROUP, null, at(1));
            t.solve(SERGEY, "Готово", at(2));
        }),
        SECOND_CLOSED(SECOND, CLOSED, RECOVERY_GROUP, null, t -> {
            t.escalate(ANNA, PASSWORD_CATEGORY, RECOVERY_GROUP, null, at(1));
            t.solve(SERGEY, "Готово", at(2));
            t.autoClose(at(2).plus(REOPEN_WINDOW).plusSeconds(1));
        });

        final Line line;
        final TicketState state;
        final Long groupId;
        final Long assigneeId;
        private final Consumer<Ticket> steps;

        Situation(Line line, TicketState state, Long groupId, Long assigneeId, Consumer<Ticket> steps) {
            this.line = line;
            this.state = state;
            this.groupId = groupId;
            this.assigneeId = assigneeId;
            this.steps = steps;
        }

        Ticket build() {
            Ticket t = newTicket();
            steps.accept(t);
            assertThat(t.line()).as("premise of %s", this).isEqualTo(line);
            assertThat(t.state()).as("premise of %s", this).isEqualTo(state);
            assertThat(t.groupId()).as("premise of %s", this).isEqualTo(groupId);
            assertThat(t.assigneeId()).as("premise of %s", this).isEqualTo(assigneeId);
            return t;
        }
    }

    /** Which lines and states a command is allowed in, written down from the product rules. */
    record Rule(Set<Line> lines, Set<TicketState> states) {
    }

    static final Set<Line> FIRST_ONLY = EnumSet.of(FIRST);
    static final Set<Line> SECOND_ONLY = EnumSet.of(SECOND);
    static final Set<Line> EITHER_LINE = EnumSet.allOf(Line.class);
    static final Set<TicketState> IN_WORK = EnumSet.of(NEW, OPEN);
    static final Set<TicketState> UNFINISHED = EnumSet.of(NEW, OPEN, WAITING_FOR_CUSTOMER);
    static final Set<TicketState> ANY_STATE = EnumSet.allOf(TicketState.class);
    static final Set<TicketState> NOT_CLOSED = EnumSet.complementOf(EnumSet.of(CLOSED));

    static final Map<TicketAction, Rule> RULES = new EnumMap<>(Map.ofEntries(
            Map.entry(TicketAction.ANSWER, new Rule(FIRST_ONLY, IN_WORK)),
            Map.entry(TicketAction.ESCALATE, new Rule(FIRST_ONLY, IN_WORK)),
            Map.entry(TicketAction.CLOSE, new Rule(FIRST_ONLY, UNFINISHED)),
            Map.entry(TicketAction.ASK_FOR_INFORMATION, new Rule(EITHER_LINE, IN_WORK)),
            Map.entry(TicketAction.REPLY, new Rule(SECOND_ONLY, IN_WORK)),
            Map.entry(TicketAction.SOLVE, new Rule(SECOND_ONLY, UNFINISHED)),
            Map.entry(TicketAction.RETURN_TO_FIRST_LINE, new Rule(SECOND_ONLY, UNFINISHED)),
            Map.entry(TicketAction.ADD_NOTE, new Rule(EITHER_LINE, ANY_STATE)),
            Map.entry(TicketAction.TAKE, new Rule(EITHER_LINE, UNFINISHED)),
            Map.entry(TicketAction.RELEASE, new Rule(EITHER_LINE, UNFINISHED)),
            Map.entry(TicketAction.ASSIGN, new Rule(EITHER_LINE, UNFINISHED)),
            Map.entry(TicketAction.CHANGE_PRIORITY, new Rule(EITHER_LINE, NOT_CLOSED)),
            Map.entry(TicketAction.RECATEGORISE, new Rule(EITHER_LINE, NOT_CLOSED))));

    record Refusal(Kind kind, String messageKey) {
    }

    /** The expected answer of the rules: empty when allowed, otherwise the kind and reason of refusal. */
    static Optional<Refusal> expectedRefusal(Situation s, Actor actor, TicketAction action) {
        boolean lead = actor.roles().contains(Role.TEAM_LEAD);
        boolean worksThisQueue = lead || switch (s.line) {
            case FIRST -> actor.roles().contains(Role.AGENT_L1);
            case SECOND -> actor.roles().contains(Role.AGENT_L2) && actor.groupIds().contains(s.groupId);
        };
        if (!worksThisQueue) {
            return Optional.of(new Refusal(Kind.FORBIDDEN, "linia.refusal.notYourQueue"));
        }
        if (action == TicketAction.ASSIGN && !lead) {
            return Optional.of(new Refusal(Kind.FORBIDDEN, "linia.refusal.teamLeadOnly"));
        }
        Rule rule = RULES.get(action);
        if (!rule.lines().contains(s.line)) {
            return Optional.of(new Refusal(Kind.CONFLICT, "linia.refusal.wrongLine"));
        }
        if (!rule.states().contains(s.state)) {
            return Optional.of(new Refusal(Kind.CONFLICT, "linia.refusal.wrongState"));
        }
        if (action == TicketAction.TAKE && s.assigneeId != null && s.assigneeId == actor.id()) {
            return Optional.of(new Refusal(Kind.CONFLICT, "linia.refusal.alreadyYours"));
        }
        if (action == TicketAction.RELEASE && s.assigneeId == null) {
            return Optional.of(new Refusal(Kind.CONFLICT, "linia.refusal.notAssigned"));
        }
        return Optional.empty();
    }

    /** Performs {@code action} through the aggregate's method for it. */
    static void perform(TicketAction action, Ticket t, Actor by, Instant now) {
        switch (action) {
            case ANSWER -> t.answer(by, "Ответ по статье", "https://help.example.ru/kb/7", "Статья", now);
            case ASK_FOR_INFORMATION -> t.askForInformation(by, "Уточните, пожалуйста", now);
            case CLOSE -> t.close(by, CloseReason.DUPLICATE, "Дубль", now);
            case ESCALATE -> t.escalate(by, BROWSER_CATEGORY, WEB_GROUP, "В веб", now);
            case REPLY -> t.reply(by, "Ответ второй линии", now);
            case SOLVE -> t.solve(by, "Решено", now);
            case RETURN_TO_FIRST_LINE -> t.returnToFirstLine(by, "Не наш вопрос", now);
            case ADD_NOTE -> t.addNote(by, "Заметка", now);
            case TAKE -> t.take(by, now);
            case RELEASE -> t.release(by, now);
            case ASSIGN -> t.assign(by, t.line() == FIRST ? ANNA : SERGEY, now);
            case CHANGE_PRIORITY -> t.changePriority(by, Priority.URGENT, now);
            case RECATEGORISE -> t.recategorise(by, SPAM_CATEGORY, now);
            default -> throw new IllegalArgumentException("not an agent command: " + action);
        }
    }

    static Stream<Arguments> everyCommandOfEveryoneInEverySituation() {
        List<Arguments> cases = new ArrayList<>();
        for (Situation s : Situation.values()) {
            for (Who who : Who.values()) {
                for (TicketAction action : TicketAction.AGENT_COMMANDS) {
                    cases.add(Arguments.of(s, who, action));
                }
            }
        }
        return cases.stream();
    }

    @Nested
    class RefusalTable {

        @Test
        void theRuleTableCoversExactlyTheAgentCommands() {
            assertThat(RULES.keySet()).isEqualTo(Set.copyOf(TicketAction.AGENT_COMMANDS));
        }

        @ParameterizedTest(name = "{0} · {1} · {2}")
        @MethodSource("io.linia.tickets.internal.TicketLifecycleTest#everyCommandOfEveryoneInEverySituation")
        void commandIsAllowedOrRefusedExactlyAsTheRulesSay(Situation situation, Who who, TicketAction action) {
            Ticket t = situation.build();
            Optional<Refusal> expected = expectedRefusal(situation, who.actor, action);

            Optional<DomainException> refusal = t.refusal(action, who.actor);

            assertThat(refusal.map(e -> new Refusal(e.kind(), e.messageKey())))
                    .as("refusal(%s) for %s on %s", action, who, situation).isEqualTo(expected);
            if (expected.isPresent()) {
                DomainException thrown = refusedWith(expected.get().kind(), t,
                        x -> perform(action, x, who.actor, at(100)));
                assertThat(thrown.messageKey()).isEqualTo(expected.get().messageKey());
            } else {
                Snapshot before = Snapshot.of(t);
                assertThatCode(() -> perform(action, t, who.actor, at(100))).doesNotThrowAnyException();
                assertThat(t.updatedAt()).isEqualTo(at(100));
                assertThat(Snapshot.of(t)).isNotEqualTo(before);
            }
        }

        @ParameterizedTest
        @EnumSource(value = TicketAction.class,
                names = {"CREATED", "CUSTOMER_REPLIED", "REOPENED", "FOLLOW_UP_CREATED", "AUTO_CLOSED"})
        void whatCustomersAndLiniaDoIsNeverAnAgentCommand(TicketAction action) {
            assertThat(TicketAction.AGENT_COMMANDS).doesNotContain(action);
            for (Situation s : Situation.values()) {
                assertThat(s.build().refusal(action, LEAD)).get()
                        .extracting(DomainException::kind).isEqualTo(Kind.FORBIDDEN);
            }
        }
    }

    // ------------------------------------------------------------------ available actions

    @Nested
    class AvailableActions {

        @Test
        void firstLineAgentOnANewTicketIsOfferedTheFirstLineCommands() {
            assertThat(Situation.FIRST_NEW.build().availableActions(ANNA)).isEqualTo(EnumSet.of(
                    TicketAction.ANSWER, TicketAction.ASK_FOR_INFORMATION, TicketAction.CLOSE, TicketAction.ESCALATE,
                    TicketAction.ADD_NOTE, TicketAction.TAKE, TicketAction.CHANGE_PRIORITY, TicketAction.RECATEGORISE));
        }

        @Test
        void firstLineAgentOnTheirTicketWaitingForTheCustomerCanCloseOrRelease() {
            assertThat(Situation.FIRST_WAITING_TAKEN_BY_ANNA.build().availableActions(ANNA)).isEqualTo(EnumSet.of(
                    TicketAction.CLOSE, TicketAction.ADD_NOTE, TicketAction.RELEASE,
                    TicketAction.CHANGE_PRIORITY, TicketAction.RECATEGORISE));
        }

        @Test
        void firstLineAgentOnASolvedTicketMayOnlyNoteReprioritiseOrRecategorise() {
            assertThat(Situation.FIRST_SOLVED.build().availableActions(ANNA)).isEqualTo(EnumSet.of(
                    TicketAction.ADD_NOTE, TicketAction.CHANGE_PRIORITY, TicketAction.RECATEGORISE));
        }

        @Test
        void secondLineAgentOnTheirOpenTicketIsOfferedTheSecondLineCommands() {
            assertThat(Situation.SECOND_OPEN_TAKEN_BY_SERGEY.build().availableActions(SERGEY)).isEqualTo(EnumSet.of(
                    TicketAction.ASK_FOR_INFORMATION, TicketAction.REPLY, TicketAction.SOLVE,
                    TicketAction.RETURN_TO_FIRST_LINE, TicketAction.ADD_NOTE, TicketAction.RELEASE,
                    TicketAction.CHANGE_PRIORITY, TicketAction.RECATEGORISE));
        }

        @Test
        void secondLineAgentOnAWaitingTicketCanSolveOrReturnButNotReply() {
            assertThat(Situation.SECOND_WAITING.build().availableActions(SERGEY)).isEqualTo(EnumSet.of(
                    TicketAction.SOLVE, TicketAction.RETURN_TO_FIRST_LINE, TicketAction.ADD_NOTE, TicketAction.TAKE,
                    TicketAction.CHANGE_PRIORITY, TicketAction.RECATEGORISE));
        }

        @Test
        void teamLeadOnAnUnassignedSecondLineTicketMayAlsoAssign() {
            assertThat(Situation.SECOND_OPEN.build().availableActions(LEAD)).isEqualTo(EnumSet.of(
                    TicketAction.ASK_FOR_INFORMATION, TicketAction.REPLY, TicketAction.SOLVE,
                    TicketAction.RETURN_TO_FIRST_LINE, TicketAction.ADD_NOTE, TicketAction.TAKE, TicketAction.ASSIGN,
                    TicketAction.CHANGE_PRIORITY, TicketAction.RECATEGORISE));
        }

        @Test
        void onAClosedTicketOnlyANoteIsOffered() {
            assertThat(Situation.FIRST_CLOSED.build().availableActions(LEAD)).isEqualTo(EnumSet.of(TicketAction.ADD_NOTE));
            assertThat(Situation.SECOND_CLOSED.build().availableActions(SERGEY)).isEqualTo(EnumSet.of(TicketAction.ADD_NOTE));
        }

        @Test
        void nobodyOutsideTheQueueIsOfferedAnything() {
            assertThat(Situation.SECOND_OPEN.build().availableActions(OLGA)).isEmpty();
            assertThat(Situation.SECOND_OPEN.build().availableActions(ANNA)).isEmpty();
            assertThat(Situation.FIRST_NEW.build().availableActions(SERGEY)).isEmpty();
            assertThat(Situation.FIRST_NEW.build().availableActions(ADMIN)).isEmpty();
            assertThat(Situation.FIRST_NEW.build().availableActions(TRAINER)).isEmpty();
            assertThat(Situation.FIRST_NEW.build().availableActions(CUSTOMER)).isEmpty();
        }
    }

    // ------------------------------------------------------------------ who sees what

    @Nested
    class Access {

        @Test
        void customerSeesOwnTicketsOnlyAndNeverAsStaff() {
            assertThat(TicketAccess.sees(CUSTOMER, FIRST, null, null, CUSTOMER_ID)).isTrue();
            assertThat(TicketAccess.sees(CUSTOMER, SECOND, RECOVERY_GROUP, null, CUSTOMER_ID)).isTrue();
            assertThat(TicketAccess.seesAsCustomer(CUSTOMER, CUSTOMER_ID)).isTrue();
            assertThat(TicketAccess.seesAsStaff(CUSTOMER, FIRST, null, null)).isFalse();
            assertThat(TicketAccess.seesAsStaff(CUSTOMER, SECOND, RECOVERY_GROUP, null)).isFalse();

            assertThat(TicketAccess.sees(OTHER_CUSTOMER, FIRST, null, null, CUSTOMER_ID)).isFalse();
            assertThat(TicketAccess.sees(OTHER_CUSTOMER, SECOND, RECOVERY_GROUP, null, CUSTOMER_ID)).isFalse();
            assertThat(TicketAccess.seesAsCustomer(OTHER_CUSTOMER, CUSTOMER_ID)).isFalse();
        }

        @Test
        void customerNamedAsAssigneeStillDoesNotSeeAsStaff() {
            assertThat(TicketAccess.seesAsStaff(OTHER_CUSTOMER, FIRST, null, OTHER_CUSTOMER.id())).isFalse();
            assertThat(TicketAccess.sees(OTHER_CUSTOMER, FIRST, null, OTHER_CUSTOMER.id(), CUSTOMER_ID)).isFalse();
        }

        @Test
        void firstLineAgentSeesAndWorksTheFirstLineOnly() {
            assertThat(TicketAccess.sees(ANNA, FIRST, null, null, CUSTOMER_ID)).isTrue();
            assertThat(TicketAccess.canAct(ANNA, FIRST, null)).isTrue();
            assertThat(TicketAccess.sees(ANNA, SECOND, RECOVERY_GROUP, null, CUSTOMER_ID)).isFalse();
            assertThat(TicketAccess.canAct(ANNA, SECOND, RECOVERY_GROUP)).isFalse();
        }

        @Test
        void secondLineAgentSeesAndWorksTheirOwnGroupsOnly() {
            Actor both = new Actor(22, "Дмитрий", Set.of(Role.AGENT_L2), Set.of(RECOVERY_GROUP, WEB_GROUP));

            assertThat(TicketAccess.sees(SERGEY, SECOND, RECOVERY_GROUP, null, CUSTOMER_ID)).isTrue();
            assertThat(TicketAccess.canAct(SERGEY, SECOND, RECOVERY_GROUP)).isTrue();
            assertThat(TicketAccess.sees(SERGEY, SECOND, WEB_GROUP, null, CUSTOMER_ID)).isFalse();
            assertThat(TicketAccess.canAct(SERGEY, SECOND, WEB_GROUP)).isFalse();
            assertThat(TicketAccess.sees(SERGEY, FIRST, null, null, CUSTOMER_ID)).isFalse();
            assertThat(TicketAccess.canAct(SERGEY, FIRST, null)).isFalse();
            assertThat(TicketAccess.sees(both, SECOND, RECOVERY_GROUP, null, CUSTOMER_ID)).isTrue();
            assertThat(TicketAccess.sees(both, SECOND, WEB_GROUP, null, CUSTOMER_ID)).isTrue();
        }

        @Test
        void teamLeadAdminAndTrainerSeeEverything() {
            for (Actor actor : List.of(LEAD, ADMIN, TRAINER)) {
                assertThat(TicketAccess.sees(actor, FIRST, null, null, CUSTOMER_ID)).as(actor.name()).isTrue();
                assertThat(TicketAccess.sees(actor, SECOND, RECOVERY_GROUP, null, CUSTOMER_ID)).as(actor.name()).isTrue();
                assertThat(TicketAccess.sees(actor, SECOND, WEB_GROUP, 20L, CUSTOMER_ID)).as(actor.name()).isTrue();
                assertThat(TicketAccess.seesAsStaff(actor, SECOND, WEB_GROUP, null)).as(actor.name()).isTrue();
            }
        }

        @Test
        void onlyTheTeamLeadAndLiniaWorkEveryQueueAdminAndTrainerOnlyRead() {
            assertThat(TicketAccess.canAct(LEAD, FIRST, null)).isTrue();
            assertThat(TicketAccess.canAct(LEAD, SECOND, WEB_GROUP)).isTrue();
            assertThat(TicketAccess.canAct(Actor.system(), SECOND, WEB_GROUP)).isTrue();
            for (Actor actor : List.of(ADMIN, TRAINER, CUSTOMER)) {
                assertThat(TicketAccess.canAct(actor, FIRST, null)).as(actor.name()).isFalse();
                assertThat(TicketAccess.canAct(actor, SECOND, RECOVERY_GROUP)).as(actor.name()).isFalse();
            }
        }

        @Test
        void assigneeSeesTheTicketEvenOutsideTheirQueue() {
            Actor sergeyMovedToWeb = new Actor(20, "Сергей", Set.of(Role.AGENT_L2), Set.of(WEB_GROUP));

            assertThat(TicketAccess.sees(sergeyMovedToWeb, SECOND, RECOVERY_GROUP, 20L, CUSTOMER_ID)).isTrue();
            assertThat(TicketAccess.seesAsStaff(sergeyMovedToWeb, SECOND, RECOVERY_GROUP, 20L)).isTrue();
            assertThat(TicketAccess.canAct(sergeyMovedToWeb, SECOND, RECOVERY_GROUP)).isFalse();
            assertThat(TicketAccess.sees(sergeyMovedToWeb, SECOND, RECOVERY_GROUP, 21L, CUSTOMER_ID)).isFalse();
        }

        @Test
        void secondLineAgentDoesNotSeeASecondLineTicketWithoutGroup() {
            assertThat(TicketAccess.canAct(SERGEY, SECOND, null)).isFalse();
            assertThat(TicketAccess.sees(SERGEY, SECOND, null, null, CUSTOMER_ID)).isFalse();
        }
    }

    // ------------------------------------------------------------------ ticket numbers

    @Nested
    class Numbers {

        @Test
        void numbersAreFormattedWithSixDigitsAtLeast() {
            assertThat(TicketNumber.format(123)).isEqualTo("L-000123");
            assertThat(TicketNumber.format(1)).isEqualTo("L-000001");
            assertThat(TicketNumber.format(1_234_567)).isEqualTo("L-1234567");
        }

        @ParameterizedTest
        @ValueSource(strings = {"L-000123", "l-123", "123", "L123", " L-000123 ", "000123", "l-000000123"})
        void numbersAreUnderstoodInTheirUsualSpellings(String text) {
            assertThat(TicketNumber.parse(text)).contains(123L);
        }

        @Test
        void formattedNumberParsesBack() {
            for (long id : new long[] {1, 42, 999_999, 1_000_000, 123_456_789_012L}) {
                assertThat(TicketNumber.parse(TicketNumber.format(id))).contains(id);
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "garbage", "L-", "L-12a", "L--123", "X-123", "-123", "12 3", "L-1234567890123456"})
        void garbageIsNotANumber(String text) {
            assertThat(TicketNumber.parse(text)).isEmpty();
        }

        @Test
        void nullIsNotANumber() {
            assertThat(TicketNumber.parse(null)).isEmpty();
        }
    }
}
