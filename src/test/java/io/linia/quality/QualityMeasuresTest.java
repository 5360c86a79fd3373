package io.linia.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.quality.internal.MeasureUpkeep;
import io.linia.routing.RoutingDirectory;
import io.linia.support.StoreTest;
import io.linia.tickets.Channel;
import io.linia.tickets.CloseReason;
import io.linia.tickets.Priority;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Every derived measure on a hand-built week of tickets, exactly, for an agent, two groups, a line and a category —
 * and a rebuild from scratch gives the same facts and day cells as the incremental upkeep.
 *
 * <p>The week of 2029-04-02 (far from the other tests' weeks), URGENT tickets under the desk's default SLA policies
 * (first line: first and next response within 15 business minutes; second line: response within 240, resolution
 * within 3 days; 09:00–13:20 UTC is business time in Moscow). X = l1, Y = l1b (first line, no groups: group 0),
 * Z = l2mail (delivery and spam groups). SLA outcomes as the sla module publishes them, "met/ended" per handling.
 * Day A, from 09:00 UTC (t0):
 * <pre>
 * T1 (mail-not-arriving)  X answers at +10                      → X 10 min, first response 10; SLA 1/1; rated 5
 * T2 (mail-not-arriving)  X asks at +5, customer answers at +65, X answers at +75
 *                                                               → X 15 min (an hour waiting left out), response 5;
 *                                                                 SLA 2/2 (first and next response)
 *                         customer reopens at +180, Y answers at +200
 *                                                               → X's resolution reopened and repeated; Y 20 min;
 *                                                                 SLA 0/1 (next response after 20 min)
 * T3 (mail-not-arriving)  X escalates to delivery at +20        → X 20 min, escalated; SLA 0/1 (no response in 15)
 *                         Z replies at +50, re-categorises to mail-not-sent at +55 (X's escalation corrected),
 *                         solves at +80                         → Z 60 min, response 50; SLA 2/2; rated 4
 * T4 (spam-filtering)     Y escalates to spam at +10            → Y 10 min, escalated; SLA 1/1
 *                         Z returns it at +40                   → Z 30 min (second line), Y's escalation corrected; SLA 2/2
 *                         X answers at +100                     → X 60 min, response 100; SLA 0/1 (response late)
 * </pre>
 * Day B (2029-04-04, t1 = 09:00 UTC): T5 (mail-not-arriving) X closes as duplicate at +5 → X 5 min, SLA 1/1; T6 stays
 * open; T7 (mail-not-arriving) X answers at +40 → X 40 min, response 40, SLA 0/1, rated 2; its customer writes again
 * in the category at +120 (T8: a repeat contact against T7). The lead reviews T1 (100.00) and T7 (0.00); X disputes
 * T7's review and the resolver re-scores it 77.78; a trainer corrects X's T7.
 */
@StoreTest
@Import(QualityContext.class)
@TestPropertySource(properties = {QualityContext.PROPERTIES_CONTEXT, QualityContext.PROPERTIES_SCHEMA,
        QualityContext.PROPERTIES_SECRET})
class QualityMeasuresTest {

    static final Instant T0 = QualityContext.at("2029-04-02T09:00:00Z");
    static final Instant T1 = QualityContext.at("2029-04-04T09:00:00Z");
    static final Instant FROM = QualityContext.at("2029-04-02T00:00:00Z");
    static final Instant TO = QualityContext.at("2029-04-09T00:00:00Z");
    static final long MIN = 60_000L;

    @Autowired
    QualityContext.Clock clock;
    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    RoutingDirectory routing;
    @Autowired
    CustomerRatings ratings;
    @Autowired
    AnswerReviews reviews;
    @Autowired
    TrainerCorrections corrections;
    @Autowired
    QualityMeasures measures;
    @Autowired
    MeasureUpkeep upkeep;
    @Autowired
    JdbcTemplate jdbc;

    QualityContext.Desk desk;
    Actor lead;
    Actor x;
    Actor y;
    Actor z;
    long delivery;
    long spam;
    long mailNotArriving;

    @BeforeEach
    void week() {
        desk = new QualityContext.Desk(tickets, users, routing);
        lead = desk.actor("lead");
        x = desk.actor("l1");
        y = desk.actor("l1b");
        z = desk.actor("l2mail");
        if (jdbc.queryForObject("select count(*) from ticket where subject like 'Measures zzqx%'", Long.class) == 0) {
            build();
        }
        mailNotArriving = desk.category("mail-not-arriving");
        delivery = routing.groupByCode("delivery").orElseThrow().id();
        spam = routing.groupByCode("spam").orElseThrow().id();
        assertThat(upkeep.awaitIdle(Duration.ofSeconds(60))).isTrue();
    }

    private TicketView open(Actor customer, long category) {
        return tickets.create(customer, new TicketCommands.NewTicket("Measures zzqx " + System.nanoTime(), "Текст обращения",
                null, null, category, Priority.URGENT), Channel.WEB);
    }

    private void at(Instant base, int minutes) {
        clock.set(base.plus(Duration.ofMinutes(minutes)));
    }

    private TicketView answer(Actor a, TicketView t) {
        return tickets.answer(a, t.number(), new TicketCommands.Answer("Ответ", null, null, null));
    }

    private void build() {
        long mailNotArriving = desk.category("mail-not-arriving");
        long spamFiltering = desk.category("spam-filtering");
        long mailNotSent = desk.category("mail-not-sent");
        long delivery = routing.groupByCode("delivery").orElseThrow().id();
        long spam = routing.groupByCode("spam").orElseThrow().id();

        // ---- day A
        clock.set(T0);
        Actor c2 = desk.newCustomer();
        TicketView t1 = open(desk.newCustomer(), mailNotArriving);
        TicketView t2 = open(c2, mailNotArriving);
        TicketView t3 = open(desk.newCustomer(), mailNotArriving);
        TicketView t4 = open(desk.newCustomer(), spamFiltering);
        at(T0, 5);
        tickets.askForInformation(x, t2.number(), new TicketCommands.AskForInformation("Уточните адрес отправителя", null));
        at(T0, 10);
        answer(x, t1);
        tickets.escalate(y, t4.number(), new TicketCommands.Escalate(spamFiltering, spam, null, null));
        at(T0, 20);
        tickets.escalate(x, t3.number(), new TicketCommands.Escalate(mailNotArriving, delivery, null, null));
        at(T0, 40);
        tickets.returnToFirstLine(z, t4.number(), new TicketCommands.ReturnToFirstLine("Это ответ из базы знаний", null));
        at(T0, 50);
        tickets.reply(z, t3.number(), new TicketCommands.Reply("Смотрим журнал доставки", null));
        at(T0, 55);
        tickets.recategorise(z, t3.number(), new TicketCommands.Recategorise(mailNotSent, null));
        at(T0, 65);
        tickets.customerMessage(c2, t2.number(), new TicketCommands.CustomerMessage("Адрес: shop@example.ru"));
        at(T0, 75);
        answer(x, t2);
        at(T0, 80);
        tickets.solve(z, t3.number(), new TicketCommands.Solve(null, null));
        at(T0, 90);
        ratings.rate(ratings.invitation(t1.id()).orElseThrow().token(), 5, null, true);
        at(T0, 100);
        answer(x, t4);
        at(T0, 120);
        ratings.rate(ratings.invitation(t3.id()).orElseThrow().token(), 4, null, true);
        at(T0, 180);
        tickets.customerMessage(c2, t2.number(), new TicketCommands.CustomerMessage("Снова не приходят"));
        at(T0, 200);
        answer(y, t2);

        // ---- day B
        clock.set(T1);
        Actor c7 = desk.newCustomer();
        TicketView t5 = open(desk.newCustomer(), mailNotArriving);
        open(desk.newCustomer(), mailNotArriving);
        TicketView t7 = open(c7, mailNotArriving);
        at(T1, 5);
        tickets.close(x, t5.number(), new TicketCommands.Close(CloseReason.DUPLICATE, null, null));
        at(T1, 40);
        answer(x, t7);
        at(T1, 60);
        ratings.rate(ratings.invitation(t7.id()).orElseThrow().token(), 2, null, true);
        at(T1, 120);
        open(c7, mailNotArriving);
        at(T1, 150);
        ReviewView r1 = reviews.review(lead, new ReviewCommand(t1.number(), null, scores(2, 2, 2, 2, 2, 2), null));
        ReviewView r7 = reviews.review(lead, new ReviewCommand(t7.number(), null, scores(0, 0, 0, 0, 0, 0), null));
        assertThat(r1.totalPercent()).isEqualByComparingTo("100.00");
        assertThat(r7.totalPercent()).isEqualByComparingTo("0.00");
        at(T1, 160);
        DisputeView d = reviews.dispute(x, r7.id(), "Ответ был верным");
        Actor resolver = users.user(d.resolverId()).orElseThrow().toActor();
        DisputeView changed = reviews.change(resolver, d.id(), new ReviewCommand(t7.number(), null, scores(2, 1, 2, null, 2, 0), null),
                "Пересмотрено");
        assertThat(changed.resolvedPercent()).isEqualByComparingTo("77.78");
        at(T1, 180);
        corrections.record(t7.id(), x.id(), desk.actor("trainer").id(), clock.instant(), "Нужна ссылка на статью");
    }

    static List<ReviewCommand.Score> scores(Integer correct, Integer complete, Integer polite, Integer article, Integer policy,
                                            Integer category) {
        List<ReviewCommand.Score> s = new ArrayList<>();
        s.add(new ReviewCommand.Score("correct", correct, null));
        s.add(new ReviewCommand.Score("complete", complete, null));
        s.add(new ReviewCommand.Score("polite", polite, null));
        s.add(new ReviewCommand.Score("article", article, null));
        s.add(new ReviewCommand.Score("policy", policy, null));
        s.add(new ReviewCommand.Score("category", category, null));
        return s;
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void everyMeasureOfTheFirstLineAgentIsExact() {
        Measures m = measures.of(lead, MeasureScope.AGENT, String.valueOf(x.id()), FROM, TO);
        assertThat(m.handled()).isEqualTo(6);
        assertThat(m.handlingMedianMs()).isEqualTo(15 * MIN);
        assertThat(m.handlingP90Ms()).isEqualTo(60 * MIN);
        assertThat(m.firstResponses()).isEqualTo(4);
        assertThat(m.firstResponseMedianMs()).isEqualTo(10 * MIN);
        assertThat(m.firstResponseP90Ms()).isEqualTo(100 * MIN);
        assertThat(m.slaTargets()).isEqualTo(7);
        assertThat(m.slaMet()).isEqualTo(4);
        assertThat(m.slaMetPercent()).isEqualByComparingTo("57.14");
        assertThat(m.firstLineHandled()).isEqualTo(6);
        assertThat(m.escalated()).isEqualTo(1);
        assertThat(m.escalationPercent()).isEqualByComparingTo("16.67");
        // group 0 (X's and Y's first-line handlings): 2 escalations of 8
        assertThat(m.escalationUsualPercent()).isEqualByComparingTo("25.00");
        assertThat(m.escalationFlag()).isEqualTo(EscalationFlag.NOT_ENOUGH_DATA);
        assertThat(m.escalationsCorrected()).isEqualTo(1);
        assertThat(m.escalationsCorrectedPercent()).isEqualByComparingTo("100.00");
        assertThat(m.resolved()).isEqualTo(5);
        assertThat(m.reopened()).isEqualTo(1);
        assertThat(m.reopenPercent()).isEqualByComparingTo("20.00");
        assertThat(m.repeated()).isEqualTo(2);
        assertThat(m.repeatPercent()).isEqualByComparingTo("40.00");
        assertThat(m.ratingRequests()).isEqualTo(4);
        assertThat(m.ratingsFive()).isEqualTo(2);
        assertThat(m.csatAverage()).isEqualByComparingTo("3.50");
        assertThat(m.ratingsTwo()).isZero();
        assertThat(m.csatGoodPercent()).isNull();
        assertThat(m.csatResponsePercent()).isEqualByComparingTo("50.00");
        assertThat(m.reviews()).isEqualTo(2);
        assertThat(m.reviewAverage()).isEqualByComparingTo("88.89");
        assertThat(m.trainerCorrections()).isEqualTo(1);
        assertThat(m.key()).isEqualTo(String.valueOf(x.id()));

        // a period cut inside days: from after T1's answer (day A) to before T7's (day B) — T2, T3, T4 and T5
        Measures cut = measures.of(lead, MeasureScope.AGENT, String.valueOf(x.id()), T0.plus(Duration.ofMinutes(12)),
                T1.plus(Duration.ofMinutes(10)));
        assertThat(cut.handled()).isEqualTo(4);
        assertThat(cut.handlingMedianMs()).isEqualTo(15 * MIN);
        assertThat(cut.resolved()).isEqualTo(3);
        assertThat(cut.reviews()).isZero();
        assertThat(cut.reviewAverage()).isNull();
    }

    @Test
    void everyMeasureOfTheSecondLineGroupsIsExact() {
        Measures g = measures.of(lead, MeasureScope.GROUP, String.valueOf(delivery), FROM, TO);
        assertThat(g.handled()).isEqualTo(1);
        assertThat(g.handlingMedianMs()).isEqualTo(60 * MIN);
        assertThat(g.handlingP90Ms()).isEqualTo(60 * MIN);
        assertThat(g.firstResponses()).isEqualTo(1);
        assertThat(g.firstResponseMedianMs()).isEqualTo(50 * MIN);
        assertThat(g.firstResponseP90Ms()).isEqualTo(50 * MIN);
        assertThat(g.slaTargets()).isEqualTo(2);
        assertThat(g.slaMet()).isEqualTo(2);
        assertThat(g.slaMetPercent()).isEqualByComparingTo("100.00");
        assertThat(g.firstLineHandled()).isZero();
        assertThat(g.escalated()).isZero();
        assertThat(g.escalationPercent()).isNull();
        assertThat(g.escalationUsualPercent()).isEqualByComparingTo("25.00");
        assertThat(g.escalationFlag()).isEqualTo(EscalationFlag.NOT_ENOUGH_DATA);
        assertThat(g.escalationsCorrected()).isZero();
        assertThat(g.escalationsCorrectedPercent()).isNull();
        assertThat(g.resolved()).isEqualTo(1);
        assertThat(g.reopened()).isZero();
        assertThat(g.reopenPercent()).isEqualByComparingTo("0.00");
        assertThat(g.repeated()).isZero();
        assertThat(g.repeatPercent()).isEqualByComparingTo("0.00");
        assertThat(g.ratingRequests()).isEqualTo(1);
        assertThat(g.ratingsFive()).isEqualTo(1);
        assertThat(g.csatAverage()).isEqualByComparingTo("4.00");
        assertThat(g.ratingsTwo()).isZero();
        assertThat(g.csatGoodPercent()).isNull();
        assertThat(g.csatResponsePercent()).isEqualByComparingTo("100.00");
        assertThat(g.reviews()).isZero();
        assertThat(g.reviewAverage()).isNull();
        assertThat(g.trainerCorrections()).isZero();

        Measures h = measures.of(lead, MeasureScope.GROUP, String.valueOf(spam), FROM, TO);
        assertThat(h.handled()).isEqualTo(1);
        assertThat(h.handlingMedianMs()).isEqualTo(30 * MIN);
        assertThat(h.firstResponses()).isZero();
        assertThat(h.firstResponseMedianMs()).isNull();
        assertThat(h.slaTargets()).isEqualTo(2);
        assertThat(h.slaMet()).isEqualTo(2);
        assertThat(h.resolved()).isZero();
        assertThat(h.reopenPercent()).isNull();
        assertThat(h.ratingRequests()).isZero();
        assertThat(h.csatResponsePercent()).isNull();
    }

    @Test
    void everyMeasureOfTheFirstLineIsExact() {
        Measures l = measures.of(lead, MeasureScope.LINE, "first", FROM, TO);
        assertThat(l.key()).isEqualTo("FIRST");
        assertThat(l.handled()).isEqualTo(8);
        assertThat(l.handlingMedianMs()).isEqualTo(15 * MIN);
        assertThat(l.handlingP90Ms()).isEqualTo(60 * MIN);
        assertThat(l.firstResponses()).isEqualTo(4);
        assertThat(l.firstResponseMedianMs()).isEqualTo(10 * MIN);
        assertThat(l.firstResponseP90Ms()).isEqualTo(100 * MIN);
        assertThat(l.slaTargets()).isEqualTo(9);
        assertThat(l.slaMet()).isEqualTo(5);
        assertThat(l.slaMetPercent()).isEqualByComparingTo("55.56");
        assertThat(l.firstLineHandled()).isEqualTo(8);
        assertThat(l.escalated()).isEqualTo(2);
        assertThat(l.escalationPercent()).isEqualByComparingTo("25.00");
        assertThat(l.escalationUsualPercent()).isEqualByComparingTo("25.00");
        assertThat(l.escalationFlag()).isEqualTo(EscalationFlag.NOT_ENOUGH_DATA);
        assertThat(l.escalationsCorrected()).isEqualTo(2);
        assertThat(l.escalationsCorrectedPercent()).isEqualByComparingTo("100.00");
        assertThat(l.resolved()).isEqualTo(6);
        assertThat(l.reopened()).isEqualTo(1);
        assertThat(l.reopenPercent()).isEqualByComparingTo("16.67");
        assertThat(l.repeated()).isEqualTo(2);
        assertThat(l.repeatPercent()).isEqualByComparingTo("33.33");
        assertThat(l.ratingRequests()).isEqualTo(5);
        assertThat(l.ratingsFive()).isEqualTo(2);
        assertThat(l.csatAverage()).isEqualByComparingTo("3.50");
        assertThat(l.csatResponsePercent()).isEqualByComparingTo("40.00");
        assertThat(l.reviews()).isEqualTo(2);
        assertThat(l.reviewAverage()).isEqualByComparingTo("88.89");
        assertThat(l.trainerCorrections()).isEqualTo(1);

        Measures second = measures.of(lead, MeasureScope.LINE, "SECOND", FROM, TO);
        assertThat(second.handled()).isEqualTo(2);
        assertThat(second.escalationUsualPercent()).isNull();
        assertThat(second.slaTargets()).isEqualTo(4);
    }

    @Test
    void everyMeasureOfTheCategoryIsExact() {
        Measures c = measures.of(lead, MeasureScope.CATEGORY, String.valueOf(mailNotArriving), FROM, TO);
        assertThat(c.handled()).isEqualTo(5);
        assertThat(c.handlingMedianMs()).isEqualTo(15 * MIN);
        assertThat(c.handlingP90Ms()).isEqualTo(40 * MIN);
        assertThat(c.firstResponses()).isEqualTo(3);
        assertThat(c.firstResponseMedianMs()).isEqualTo(10 * MIN);
        assertThat(c.firstResponseP90Ms()).isEqualTo(40 * MIN);
        assertThat(c.slaTargets()).isEqualTo(6);
        assertThat(c.slaMet()).isEqualTo(4);
        assertThat(c.slaMetPercent()).isEqualByComparingTo("66.67");
        assertThat(c.firstLineHandled()).isEqualTo(5);
        assertThat(c.escalated()).isZero();
        assertThat(c.escalationPercent()).isEqualByComparingTo("0.00");
        assertThat(c.escalationUsualPercent()).isEqualByComparingTo("25.00");
        assertThat(c.escalationFlag()).isEqualTo(EscalationFlag.NOT_ENOUGH_DATA);
        assertThat(c.escalationsCorrected()).isZero();
        assertThat(c.escalationsCorrectedPercent()).isNull();
        assertThat(c.resolved()).isEqualTo(5);
        assertThat(c.reopened()).isEqualTo(1);
        assertThat(c.reopenPercent()).isEqualByComparingTo("20.00");
        assertThat(c.repeated()).isEqualTo(2);
        assertThat(c.repeatPercent()).isEqualByComparingTo("40.00");
        assertThat(c.ratingRequests()).isEqualTo(4);
        assertThat(c.ratingsFive()).isEqualTo(2);
        assertThat(c.csatAverage()).isEqualByComparingTo("3.50");
        assertThat(c.csatResponsePercent()).isEqualByComparingTo("50.00");
        assertThat(c.reviews()).isEqualTo(2);
        assertThat(c.reviewAverage()).isEqualByComparingTo("88.89");
        assertThat(c.trainerCorrections()).isEqualTo(1);
    }

    @Test
    void theWeeklyTrendCutsThePeriodAtMondaysInTheDesksZone() {
        List<WeekMeasures> weeks = measures.trend(lead, MeasureScope.AGENT, String.valueOf(x.id()), FROM, TO);
        // Monday 2029-04-02 00:00 Moscow is 04-01 21:00 UTC: the period touches two Moscow weeks
        assertThat(weeks).extracting(WeekMeasures::week).containsExactly(LocalDate.parse("2029-04-02"), LocalDate.parse("2029-04-09"));
        assertThat(weeks.get(0).measures().from()).isEqualTo(FROM);
        assertThat(weeks.get(0).measures().handled()).isEqualTo(6);
        assertThat(weeks.get(1).measures().from()).isEqualTo(QualityContext.at("2029-04-08T21:00:00Z"));
        assertThat(weeks.get(1).measures().to()).isEqualTo(TO);
        assertThat(weeks.get(1).measures().handled()).isZero();
    }

    @Test
    void theWeeklyTrendInAFewReadsEqualsTheMeasuresReadWeekByWeek() {
        // periods with partial days at both edges, whole weeks between, and one inside a day across a Moscow Monday
        List<Instant[]> periods = List.of(new Instant[] {FROM, TO},
                new Instant[] {QualityContext.at("2029-03-28T10:17:00Z"), QualityContext.at("2029-04-17T05:03:00Z")},
                new Instant[] {QualityContext.at("2029-04-02T09:07:00Z"), QualityContext.at("2029-04-04T09:30:00Z")},
                new Instant[] {QualityContext.at("2029-04-01T20:00:00Z"), QualityContext.at("2029-04-02T12:00:00Z")},
                new Instant[] {QualityContext.at("2029-04-04T09:00:00Z"), QualityContext.at("2029-04-04T11:00:00Z")});
        Map<MeasureScope, List<String>> keys = Map.of(
                MeasureScope.AGENT, List.of(String.valueOf(x.id()), String.valueOf(y.id()), String.valueOf(z.id())),
                MeasureScope.GROUP, List.of(String.valueOf(delivery), String.valueOf(spam), "0"),
                MeasureScope.LINE, List.of("FIRST", "SECOND"),
                MeasureScope.CATEGORY, List.of(String.valueOf(mailNotArriving)));
        int nonEmpty = 0;
        int agentsSeen = 0;
        for (Instant[] p : periods) {
            for (Map.Entry<MeasureScope, List<String>> e : keys.entrySet()) {
                for (String key : e.getValue()) {
                    List<WeekMeasures> weeks = measures.trend(lead, e.getKey(), key, p[0], p[1]);
                    assertThat(weeks).isNotEmpty();
                    MeasuresWithTrend both = measures.withTrend(lead, e.getKey(), key, p[0], p[1]);
                    assertThat(both.weeks()).isEqualTo(weeks);
                    assertThat(both.total()).isEqualTo(measures.of(lead, e.getKey(), key, p[0], p[1]));
                    assertThat(weeks.get(0).measures().from()).isEqualTo(p[0]);
                    assertThat(weeks.get(weeks.size() - 1).measures().to()).isEqualTo(p[1]);
                    for (WeekMeasures w : weeks) {
                        Measures m = w.measures();
                        assertThat(m).as("%s %s week %s of %s..%s", e.getKey(), key, w.week(), p[0], p[1])
                                .isEqualTo(measures.of(lead, e.getKey(), key, m.from(), m.to()));
                        if (m.handled() > 0) {
                            nonEmpty++;
                        }
                    }
                }
            }
            GroupComparison c = measures.compare(lead, x.id(), delivery, p[0], p[1]);
            assertThat(c.agent()).isEqualTo(measures.of(lead, MeasureScope.AGENT, String.valueOf(x.id()), p[0], p[1]));
            assertThat(c.group()).isEqualTo(measures.of(lead, MeasureScope.GROUP, String.valueOf(delivery), p[0], p[1]));
            for (WeekMeasures w : c.groupWeeks()) {
                assertThat(w.measures()).isEqualTo(measures.of(lead, MeasureScope.GROUP, String.valueOf(delivery),
                        w.measures().from(), w.measures().to()));
            }
            // a team's page read at once: the group's total and weeks, and its agents, as read one by one
            for (long g : List.of(delivery, spam, 0L)) {
                GroupMeasures team = measures.group(lead, g, p[0], p[1]);
                MeasuresWithTrend alone = measures.withTrend(lead, MeasureScope.GROUP, String.valueOf(g), p[0], p[1]);
                assertThat(team.total()).isEqualTo(alone.total());
                assertThat(team.weeks()).isEqualTo(alone.weeks());
                assertThat(team.agents()).as("agents of group %s in %s..%s", g, p[0], p[1])
                        .isEqualTo(measures.all(lead, MeasureScope.AGENT, g, p[0], p[1]));
                if (g == delivery) {
                    agentsSeen += team.agents().size();
                }
            }
            // a group's agents compared: each agent's row as the agent's own measures within the group would give it
            for (Measures m : measures.all(lead, MeasureScope.AGENT, null, p[0], p[1])) {
                assertThat(m).isEqualTo(measures.of(lead, MeasureScope.AGENT, m.key(), p[0], p[1]));
            }
        }
        assertThat(nonEmpty).isGreaterThan(20);
        assertThat(agentsSeen).isGreaterThan(2);
    }

    @Test
    void aRebuildFromScratchGivesTheSameFactsAndDayCellsAsTheIncrementalUpkeep() throws Exception {
        List<Map<String, Object>> facts = facts();
        List<Map<String, Object>> cells = cells();
        Measures before = measures.of(lead, MeasureScope.AGENT, String.valueOf(x.id()), FROM, TO);
        assertThat(facts).isNotEmpty();

        long derived = upkeep.rebuild(200, Duration.ofMinutes(5));

        assertThat(derived).isGreaterThanOrEqualTo(8);
        assertThat(facts()).isEqualTo(facts);
        assertThat(cells()).isEqualTo(cells);
        assertThat(measures.of(lead, MeasureScope.AGENT, String.valueOf(x.id()), FROM, TO)).isEqualTo(before);
    }

    private List<Map<String, Object>> facts() {
        return jdbc.queryForList("select ticket_id, seq, agent_id, line, group_id, category_id, at, on_day, handled, handling_ms, "
                + "first_response_ms, " + String.join(", ", io.linia.quality.internal.MeasureStore.SUMS.subList(1,
                io.linia.quality.internal.MeasureStore.SUMS.size())) + " from quality_fact order by ticket_id, seq");
    }

    private List<Map<String, Object>> cells() {
        return jdbc.queryForList("select * from quality_measure_day order by on_day, agent_id, group_id, line, category_id");
    }
}
