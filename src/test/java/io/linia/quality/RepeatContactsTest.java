package io.linia.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.support.StoreTest;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** Repeat contacts across the 7-day border, reopens, a category set later, and first-contact resolution exactly. */
@StoreTest
@Import(QualityContext.class)
@TestPropertySource(properties = {QualityContext.PROPERTIES_CONTEXT, QualityContext.PROPERTIES_SCHEMA,
        QualityContext.PROPERTIES_SECRET})
class RepeatContactsTest {

    @Autowired
    QualityContext.Clock clock;
    @Autowired
    RepeatContacts repeats;
    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    RoutingDirectory routing;

    QualityContext.Desk desk;
    Actor lead;

    @BeforeEach
    void desk() {
        desk = new QualityContext.Desk(tickets, users, routing);
        lead = desk.actor("lead");
    }

    private List<RepeatContactView> against(long ticketId) {
        return repeats.list(lead, null, null, null).stream().filter(r -> r.ticketId() == ticketId).toList();
    }

    private List<RepeatContactView> byNewTicket(long ticketId) {
        return repeats.list(lead, null, null, null).stream().filter(r -> r.repeatTicketId() != null && r.repeatTicketId() == ticketId).toList();
    }

    @Test
    void aNewTicketInTheSameCategoryWithinSevenDaysOfTheSolveIsARepeatAndOneSecondLaterIsNot() {
        Instant t0 = QualityContext.at("2027-05-03T09:00:00Z");
        clock.set(t0);
        Actor customer = desk.newCustomer();
        long a = desk.category("mail-not-arriving");
        TicketView first = desk.answered(desk.open(customer, a), "l1");

        clock.set(t0.plus(Duration.ofDays(7)));
        TicketView onTheBorder = desk.open(customer, a);
        clock.set(t0.plus(Duration.ofDays(7)).plusSeconds(1));
        TicketView past = desk.open(customer, a);
        TicketView otherCategory = desk.open(customer, desk.category("web-errors"));
        TicketView otherCustomer = desk.open(desk.newCustomer(), a);

        assertThat(against(first.id())).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(RepeatContactView.Kind.NEW_TICKET);
            assertThat(r.repeatTicketId()).isEqualTo(onTheBorder.id());
            assertThat(r.solverId()).isEqualTo(desk.actor("l1").id());
            assertThat(r.solvedAt()).isEqualTo(t0);
            assertThat(r.at()).isEqualTo(t0.plus(Duration.ofDays(7)));
        });
        assertThat(byNewTicket(past.id())).isEmpty();
        assertThat(byNewTicket(otherCategory.id())).isEmpty();
        assertThat(byNewTicket(otherCustomer.id())).isEmpty();
        assertThat(repeats.list(desk.actor("l1"), desk.actor("l1").id(), t0, t0.plus(Duration.ofDays(8))))
                .extracting(RepeatContactView::ticketId).contains(first.id());
    }

    @Test
    void aReopenIsARepeatContactAgainstTheSolvedTicketAndItsSolver() {
        Instant t0 = QualityContext.at("2027-05-17T09:00:00Z");
        clock.set(t0);
        Actor customer = desk.newCustomer();
        TicketView t = desk.answered(desk.open(customer, desk.category("spam-filtering")), "l1b");
        clock.advance(Duration.ofDays(2));
        tickets.customerMessage(customer, t.number(), new TicketCommands.CustomerMessage("Не помогло, письма всё ещё в спаме"));

        assertThat(against(t.id())).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(RepeatContactView.Kind.REOPEN);
            assertThat(r.solverId()).isEqualTo(desk.actor("l1b").id());
            assertThat(r.at()).isEqualTo(t0.plus(Duration.ofDays(2)));
            assertThat(r.repeatTicketId()).isNull();
        });
    }

    @Test
    void aTicketCategorisedLaterByTheFirstLineIsJudgedWhenItGetsItsCategory() {
        Instant t0 = QualityContext.at("2027-05-24T09:00:00Z");
        clock.set(t0);
        Actor customer = desk.newCustomer();
        long a = desk.category("mail-not-arriving");
        TicketView first = desk.answered(desk.open(customer, a), "l1");
        clock.advance(Duration.ofDays(3));
        TicketView later = desk.open(customer, null);
        assertThat(byNewTicket(later.id())).isEmpty();

        clock.advance(Duration.ofMinutes(20));
        tickets.escalate(desk.actor("l1b"), later.number(), new TicketCommands.Escalate(a,
                routing.category(a).orElseThrow().defaultGroupId(), "в доставку", null));
        assertThat(byNewTicket(later.id())).singleElement().satisfies(r -> {
            assertThat(r.ticketId()).isEqualTo(first.id());
            assertThat(r.solverId()).isEqualTo(desk.actor("l1").id());
            assertThat(r.at()).isEqualTo(later.createdAt());
        });

        // the second line finds it is about another category: no longer a repeat of the first ticket
        clock.advance(Duration.ofMinutes(20));
        TicketView escalated = tickets.get(desk.actor("l2mail"), later.number());
        tickets.recategorise(desk.actor("l2mail"), later.number(),
                new TicketCommands.Recategorise(desk.category("mail-not-sent"), escalated.version()));
        assertThat(byNewTicket(later.id())).isEmpty();
    }

    @Test
    void firstContactResolutionIsTheShareOfResolvedTicketsWithoutARepeatContact() {
        Instant t0 = QualityContext.at("2027-06-07T09:00:00Z");
        clock.set(t0);
        long a = desk.category("mail-not-arriving");
        long b = desk.category("spam-filtering");
        Actor p = desk.newCustomer();
        Actor q = desk.newCustomer();
        Actor s = desk.newCustomer();
        Actor u = desk.newCustomer();
        desk.answered(desk.open(p, a), "l1b");
        desk.answered(desk.open(q, a), "l1b");
        TicketView r3 = desk.answered(desk.open(s, b), "l1b");
        desk.answered(desk.open(u, a), "l1b");
        desk.answered(desk.open(desk.newCustomer(), b), "l1");
        clock.advance(Duration.ofDays(2));
        desk.open(p, a);                // repeat of p's ticket
        desk.open(q, b);                // another category: not a repeat
        tickets.customerMessage(s, r3.number(), new TicketCommands.CustomerMessage("Снова в спаме")); // reopen

        Instant from = QualityContext.at("2027-06-07T00:00:00Z");
        Instant to = QualityContext.at("2027-06-14T00:00:00Z");
        FirstContactResolution l1b = repeats.firstContactResolution(lead, desk.actor("l1b").id(), from, to);
        assertThat(l1b.resolved()).isEqualTo(4);
        assertThat(l1b.repeated()).isEqualTo(2);
        assertThat(l1b.percent()).isEqualByComparingTo("50.00");
        FirstContactResolution all = repeats.firstContactResolution(lead, null, from, to);
        assertThat(all.resolved()).isEqualTo(5);
        assertThat(all.repeated()).isEqualTo(2);
        assertThat(all.percent()).isEqualByComparingTo("60.00");
        assertThat(repeats.firstContactResolution(lead, desk.actor("l1").id(), from, to).percent()).isEqualByComparingTo("100.00");
        FirstContactResolution none = repeats.firstContactResolution(lead, null, to, to.plus(Duration.ofDays(7)));
        assertThat(none.resolved()).isZero();
        assertThat(none.percent()).isNull();

        assertThatThrownBy(() -> repeats.firstContactResolution(lead, null, to, from))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> repeats.firstContactResolution(desk.actor("l1"), desk.actor("l1b").id(), from, to))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
    }
}
