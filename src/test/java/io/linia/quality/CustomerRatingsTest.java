package io.linia.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.support.StoreTest;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** Customer ratings: signed, single-use for creating, changeable for 30 days, then expired; low ones open a follow-up. */
@StoreTest
@Import(QualityContext.class)
@TestPropertySource(properties = {QualityContext.PROPERTIES_CONTEXT, QualityContext.PROPERTIES_SCHEMA,
        QualityContext.PROPERTIES_SECRET})
class CustomerRatingsTest {

    @Autowired
    QualityContext.Clock clock;
    @Autowired
    CustomerRatings ratings;
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

    @Test
    void aSolveOpensASignedLinkThatCreatesTheRatingOnceIsChangeableFor30DaysAndThenExpires() {
        Instant solvedAt = QualityContext.at("2027-04-06T09:00:00Z");
        clock.set(solvedAt);
        Actor customer = desk.newCustomer();
        TicketView t = desk.answered(desk.open(customer, desk.category("mail-not-arriving")), "l1");

        RatingInvitation invitation = ratings.invitation(t.id()).orElseThrow();
        assertThat(invitation.expiresAt()).isEqualTo(solvedAt.plus(Duration.ofDays(30)));
        assertThat(invitation.links()).hasSize(5).containsKeys(1, 2, 3, 4, 5);
        assertThat(invitation.links().get(4)).endsWith("/rate/" + invitation.token() + "?score=4");
        assertThat(invitation.rating()).isNull();
        assertThat(ratings.invitationFor(customer, t.number())).get().extracting(RatingInvitation::token).isEqualTo(invitation.token());
        assertThatThrownBy(() -> ratings.invitationFor(desk.newCustomer(), t.number()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));

        // tampered: another request id, another expiry, another signature
        String token = invitation.token();
        String[] parts = token.split("\\.");
        for (String bad : new String[] {(Long.parseLong(parts[0]) + 1) + "." + parts[1] + "." + parts[2],
                parts[0] + "." + (Long.parseLong(parts[1]) + 86400) + "." + parts[2],
                parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A') + parts[2].substring(1), "nonsense"}) {
            assertThatThrownBy(() -> ratings.rate(bad, 5, null, true))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
        }
        assertThat(ratings.byToken(token).rating()).isNull();

        clock.advance(Duration.ofHours(2));
        RatingView first = ratings.rate(token, 4, null, true);
        assertThat(first.score()).isEqualTo(4);
        assertThat(first.agentId()).isEqualTo(desk.actor("l1").id());
        assertThat(first.low()).isFalse();
        // the link clicked again creates nothing and changes nothing
        RatingView again = ratings.rate(token, 1, null, true);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.score()).isEqualTo(4);
        assertThat(again.changes()).isZero();

        // changed on the page within 30 days
        clock.advance(Duration.ofDays(29));
        RatingView changed = ratings.rate(token, 5, "Спасибо, всё работает", false);
        assertThat(changed.score()).isEqualTo(5);
        assertThat(changed.comment()).isEqualTo("Спасибо, всё работает");
        assertThat(changed.changes()).isEqualTo(1);
        assertThat(changed.changeable()).isTrue();
        assertThatThrownBy(() -> ratings.rate(token, 6, null, false))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("score"));
        assertThatThrownBy(() -> ratings.rate(token, 0, null, false))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("score"));

        // 30 days after the solve the link no longer works
        clock.set(solvedAt.plus(Duration.ofDays(30)));
        assertThatThrownBy(() -> ratings.rate(token, 3, null, false))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
        RatingInvitation late = ratings.byToken(token);
        assertThat(late.expired()).isTrue();
        assertThat(late.rating().score()).isEqualTo(5);
        assertThat(late.rating().changeable()).isFalse();
        assertThat(ratings.ratings(lead, null, solvedAt, solvedAt.plus(Duration.ofDays(1))))
                .extracting(RatingView::ticketId).containsExactly(t.id());
    }

    @Test
    void aLowRatingOpensOneFollowUpThatTheTeamLeadClosesWithNotes() {
        clock.set(QualityContext.at("2027-04-13T09:00:00Z"));
        TicketView t = desk.answered(desk.open(desk.newCustomer(), desk.category("spam-filtering")), "l1b");
        String token = ratings.invitation(t.id()).orElseThrow().token();

        RatingView rating = ratings.rate(token, 2, "Ответ не помог", true);
        assertThat(rating.low()).isTrue();
        FollowUpView followUp = ratings.followUps(lead, FollowUpView.State.OPEN).stream().filter(f -> f.ticketId() == t.id())
                .findFirst().orElseThrow();
        assertThat(followUp.score()).isEqualTo(2);
        assertThat(followUp.comment()).isEqualTo("Ответ не помог");
        assertThat(followUp.agentId()).isEqualTo(desk.actor("l1b").id());
        ratings.rate(token, 1, null, false);
        assertThat(ratings.followUps(lead, null)).filteredOn(f -> f.ticketId() == t.id()).hasSize(1);

        assertThatThrownBy(() -> ratings.done(lead, followUp.id(), " "))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("notes"));
        assertThatThrownBy(() -> ratings.followUps(desk.actor("l1"), null))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
        FollowUpView done = ratings.done(lead, followUp.id(), "Позвонила клиенту, настроили фильтр");
        assertThat(done.state()).isEqualTo(FollowUpView.State.DONE);
        assertThat(done.notes()).isEqualTo("Позвонила клиенту, настроили фильтр");
        assertThat(done.doneByName()).isEqualTo("Елена Морозова");
        assertThatThrownBy(() -> ratings.done(lead, followUp.id(), "ещё"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
        assertThat(ratings.followUps(lead, FollowUpView.State.OPEN)).noneMatch(f -> f.id() == followUp.id());

        // a good rating opens nothing
        TicketView good = desk.answered(desk.open(desk.newCustomer(), desk.category("spam-filtering")), "l1b");
        ratings.rate(ratings.invitation(good.id()).orElseThrow().token(), 3, null, true);
        assertThat(ratings.followUps(lead, null)).noneMatch(f -> f.ticketId() == good.id());
    }
}
