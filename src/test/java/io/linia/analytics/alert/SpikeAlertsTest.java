package io.linia.analytics.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.Actor;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.analytics.SpikeAlertRaised;
import io.linia.routing.CategoryCommand;
import io.linia.routing.CategoryRef;
import io.linia.routing.RoutingAdministration;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import io.linia.support.StoreTest;
import io.linia.support.WebSession;
import io.linia.tickets.Channel;
import io.linia.tickets.Priority;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Spike alerts on synthetic inflow built through the ticket commands at chosen moments (the desk's zone is Moscow):
 * a quiet hour of a category with a planted outage is flagged once, with its sample tickets and new words, told to the
 * team leads, shown by the API, the dashboard and the wall-board, not repeated while it lasts and closed after; a busy
 * Monday morning, far above Sunday's but usual for a Monday, is not flagged.
 */
@StoreTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RecordApplicationEvents
@Import(io.linia.analytics.AnalyticsMovingClock.class)
@TestPropertySource(properties = {"linia.sla.evaluate=false", "linia.analytics.alerts.enabled=false",
        "linia.test.context=analytics-alerts", "linia.test.pg.schema=ctx_analytics_alerts"})
class SpikeAlertsTest {

    private static final AtomicInteger CODES = new AtomicInteger();
    private static final List<String> ORDINARY = List.of("Вопрос по тарифу", "Как сменить номер телефона", "Не могу оплатить счёт",
            "Где найти договор", "Смена тарифа с нового месяца", "Оплата картой не проходит");

    @Autowired
    io.linia.support.MovingClock clock;
    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    UserAdministration administration;
    @Autowired
    RoutingAdministration routingAdministration;
    @Autowired
    io.linia.analytics.rollup.RollupUpkeep upkeep;
    @Autowired
    SpikeWatch watch;
    @Autowired
    SpikeAlerts alerts;
    @Autowired
    ArrivalBaselines baselines;
    @Autowired
    ApplicationEvents events;
    @LocalServerPort
    int port;

    ApiFixtures api;
    Actor customer;

    @BeforeAll
    void desk() {
        api = new ApiFixtures(port, administration, users);
        customer = users.userByLogin("customer").map(UserRef::toActor).orElseThrow();
    }

    @Test
    void plantedSpikeIsFoundOnceWithItsSampleTicketsAndNewWordsToldToLeadsAndClosedAfter() {
        CategoryRef mail = category("Почта");
        // Tuesday 18 March 2031, 10:00 Moscow; in each of the 8 weeks before, two ordinary tickets in that hour
        Instant hour = Instant.parse("2031-03-18T07:00:00Z");
        for (int k = 8; k >= 1; k--) {
            Instant week = hour.minus(Duration.ofDays(7L * k));
            create(week.plus(Duration.ofMinutes(10)), ORDINARY.get(k % ORDINARY.size()), "Подскажите, пожалуйста", mail, Channel.WEB);
            create(week.plus(Duration.ofMinutes(40)), ORDINARY.get((k + 3) % ORDINARY.size()), "Спасибо", mail, Channel.WEB);
        }
        // the outage: 12 tickets about mail not arriving between 10:05 and 10:55
        List<TicketView> spike = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            spike.add(create(hour.plus(Duration.ofMinutes(5 + 4L * i)), i % 2 == 0 ? "Не приходят письма" : "Письма не приходят с утра",
                    "Письма от банка не приходят, ящик пустой уже час", mail, Channel.WEB));
        }
        awaitRollups();
        long lead = api.userId("lead");
        long unreadBefore = alerts.unread(lead);

        clock.set(hour.plus(Duration.ofMinutes(60)));
        SpikeWatch.Evaluation first = watch.evaluate();
        SpikeAlertView alert = openAlert(AlertKey.category(mail.id())).orElseThrow();
        assertThat(first.opened()).contains(alert.id());
        assertThat(alert.label()).isEqualTo(mail.nameRu());
        assertThat(alert.count()).isEqualTo(12);
        assertThat(alert.usual()).isEqualTo(2.0);
        assertThat(alert.weeks()).isEqualTo(8);
        // the newest five of the spike's tickets, newest first
        assertThat(alert.samples()).extracting(SpikeAlertView.Sample::number)
                .containsExactly(spike.get(11).number(), spike.get(10).number(), spike.get(9).number(), spike.get(8).number(),
                        spike.get(7).number());
        assertThat(alert.samples().get(0).subject()).isEqualTo(spike.get(11).subject());
        assertThat(alert.words()).contains("письма", "приходят").doesNotContain("тарифу", "не");
        // the whole channel spiked with it (the outage's tickets are all on the web)
        assertThat(openAlert(AlertKey.channel("WEB"))).isPresent();

        // told to the team leads: an in-app notice each, and the event the mail channel sends from
        assertThat(alerts.unread(lead)).isEqualTo(unreadBefore + first.opened().size());
        assertThat(alerts.unreadIds(lead)).contains(alert.id());
        SpikeAlertRaised raised = events.stream(SpikeAlertRaised.class).filter(e -> e.alertId() == alert.id()).findFirst().orElseThrow();
        assertThat(raised.leadIds()).contains(lead);
        assertThat(raised.labelRu()).isEqualTo(mail.nameRu());
        assertThat(raised.labelEn()).isEqualTo(mail.nameEn());
        assertThat(raised.count()).isEqualTo(12);
        assertThat(raised.samples()).hasSize(5);
        assertThat(raised.words()).isEqualTo(alert.words());

        // the API, the dashboard and the wall-board show it; the alerts page marks the lead's notices seen
        JsonNode body = ok(api.as("lead").get("/api/v1/analytics/alerts")).json();
        JsonNode listed = find(body.get("open"), alert.id());
        assertThat(listed.get("label").asText()).isEqualTo(mail.nameEn()); // the API client asks in English
        assertThat(listed.get("samples").get(0).get("number").asText()).isEqualTo(spike.get(11).number());
        assertThat(listed.get("words").toString()).contains("письма");
        assertThat(api.as("lead").get("/api/v1/analytics/alerts?days=0").status()).isEqualTo(400);
        WebSession web = WebSession.signedIn(port, "lead");
        String dashboard = web.get("/agent/analytics?from=2031-03-18&to=2031-03-18").body();
        assertThat(dashboard).contains("data-alert=\"" + alert.id() + "\"").contains("/agent/tickets/" + spike.get(11).number());
        String wall = web.get("/agent/analytics/wallboard/figures").body();
        assertThat(wall).contains("data-alert=\"" + alert.id() + "\"").contains(mail.nameRu()).doesNotContain("wb-alerts-none");
        assertThat(web.get("/agent/analytics/alerts/count").body()).isEqualTo(String.valueOf(alerts.unread(lead)));
        String page = web.get("/agent/analytics/alerts").body();
        assertThat(page).contains("data-alert=\"" + alert.id() + "\"").contains("письма");
        assertThat(alerts.unread(lead)).isZero();

        // not repeated while it lasts: five minutes on, more of the same, the same alert stays open
        create(hour.plus(Duration.ofMinutes(61)), "Не приходят письма", "Всё ещё не приходят", mail, Channel.WEB);
        clock.set(hour.plus(Duration.ofMinutes(65)));
        SpikeWatch.Evaluation second = watch.evaluate();
        assertThat(second.opened()).isEmpty();
        assertThat(openAlert(AlertKey.category(mail.id())).orElseThrow().id()).isEqualTo(alert.id());
        assertThat(alerts.recent(30, 100, Locale.ROOT).stream().filter(a -> a.key().equals(String.valueOf(mail.id())))).hasSize(1);
        // the window (10:05, 11:05] holds the twelve and the new one
        assertThat(openAlert(AlertKey.category(mail.id())).orElseThrow().last()).isEqualTo(13);
        assertThat(openAlert(AlertKey.category(mail.id())).orElseThrow().peak()).isEqualTo(13);
        assertThat(events.stream(SpikeAlertRaised.class).filter(e -> e.labelRu().equals(mail.nameRu()))).hasSize(1);

        // closed once the inflow is back to normal (the hour after: nothing of it)
        clock.set(hour.plus(Duration.ofMinutes(185)));
        SpikeWatch.Evaluation third = watch.evaluate();
        assertThat(third.closed()).contains(alert.id());
        assertThat(openAlert(AlertKey.category(mail.id()))).isEmpty();
        SpikeAlertView closed = alerts.recent(30, 100, Locale.ROOT).stream().filter(a -> a.id() == alert.id()).findFirst().orElseThrow();
        assertThat(closed.closedAt()).isEqualTo(hour.plus(Duration.ofMinutes(185)));
        assertThat(closed.peak()).isEqualTo(13);
        assertThat(closed.count()).isEqualTo(12);
        assertThat(find(ok(api.as("lead").get("/api/v1/analytics/alerts")).json().get("open"), alert.id())).isNull();
    }

    @Test
    void busyMondayMorningUsualForAMondayIsNotFlaggedThoughFarAboveSunday() {
        CategoryRef billing = category("Оплата");
        // Monday 16 June 2031, 09:00 Moscow; each of the 8 weeks before: about 30 tickets that hour, 3 on the Sunday
        Instant monday = Instant.parse("2031-06-16T06:00:00Z");
        Instant sunday = monday.minus(Duration.ofDays(1));
        Random random = new Random(11);
        for (int k = 8; k >= 1; k--) {
            Instant week = monday.minus(Duration.ofDays(7L * k));
            weekOf(week.minus(Duration.ofDays(1)), 3, billing, random);
            weekOf(week, 27 + random.nextInt(7), billing, random);
        }
        weekOf(sunday, 3, billing, random);
        weekOf(monday, 33, billing, random);
        awaitRollups();

        clock.set(monday.plus(Duration.ofMinutes(60)));
        SpikeWatch.Evaluation e = watch.evaluate();
        assertThat(openAlert(AlertKey.category(billing.id()))).isEmpty();
        assertThat(openAlert(AlertKey.channel("EMAIL"))).isEmpty();
        assertThat(e.opened()).isEmpty();
        // the same 33 tickets judged against Sunday's usual hour would be a spike: the hour of the week is what tells
        java.util.Map<AlertKey, double[]> sundays = baselines.samples(sunday, sunday.plus(Duration.ofHours(1)),
                java.time.ZoneId.of("Europe/Moscow"), 8, List.of());
        AlertProperties p = watch.settings();
        assertThat(SpikeRule.judge(33, sundays.get(AlertKey.category(billing.id())), p).spike(p)).isTrue();
        double[] mondays = baselines.samples(monday, monday.plus(Duration.ofHours(1)), java.time.ZoneId.of("Europe/Moscow"), 8, List.of())
                .get(AlertKey.category(billing.id()));
        assertThat(mondays).hasSize(8);
        assertThat(SpikeRule.median(mondays)).isBetween(27.0, 33.0);
    }

    // ------------------------------------------------------------------ helpers

    private void weekOf(Instant hourStart, int n, CategoryRef category, Random random) {
        for (int i = 0; i < n; i++) {
            create(hourStart.plusSeconds(i * (3600L / n) + random.nextInt(60)), ORDINARY.get(random.nextInt(ORDINARY.size())),
                    "Добрый день", category, Channel.EMAIL);
        }
    }

    private Optional<SpikeAlertView> openAlert(AlertKey key) {
        return alerts.open(Locale.forLanguageTag("ru")).stream()
                .filter(a -> a.dimension().equals(key.dimension().name()) && a.key().equals(key.key())).findFirst();
    }

    private CategoryRef category(String name) {
        int n = CODES.incrementAndGet();
        return routingAdministration.createCategory(new CategoryCommand("spike-" + n + "-" + System.nanoTime() % 100000,
                name + " " + n, "Topic " + n, null, true));
    }

    private TicketView create(Instant at, String subject, String body, CategoryRef category, Channel channel) {
        clock.set(at);
        return tickets.create(customer, new TicketCommands.NewTicket(subject, body, null, null, category.id(), Priority.NORMAL), channel);
    }

    private void awaitRollups() {
        assertThat(upkeep.awaitIdle(Duration.ofSeconds(60))).isTrue();
    }

    private static JsonNode find(JsonNode array, long id) {
        for (JsonNode n : array) {
            if (n.get("id").asLong() == id) {
                return n;
            }
        }
        return null;
    }

    private static ApiResponse ok(ApiResponse r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r;
    }
}
