package io.linia.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.quality.internal.SampleDraw;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.support.StoreTest;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** Answer reviews: the rubric's weights, versions, samples, disputes and calibration, on the real stores. */
@StoreTest
@Import(QualityContext.class)
@TestPropertySource(properties = {QualityContext.PROPERTIES_CONTEXT, QualityContext.PROPERTIES_SCHEMA,
        QualityContext.PROPERTIES_SECRET})
class AnswerReviewsTest {

    @Autowired
    QualityContext.Clock clock;
    @Autowired
    AnswerReviews reviews;
    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    RoutingDirectory routing;

    QualityContext.Desk desk;
    Actor lead;
    Actor trainer;
    Actor l1;

    @BeforeEach
    void desk() {
        desk = new QualityContext.Desk(tickets, users, routing);
        lead = desk.actor("lead");
        trainer = desk.actor("trainer");
        l1 = desk.actor("l1");
    }

    static List<ReviewCommand.Score> scores(Integer correct, Integer complete, Integer polite, Integer article, Integer policy,
                                            Integer category) {
        List<ReviewCommand.Score> s = new ArrayList<>();
        s.add(new ReviewCommand.Score("correct", correct, null));
        s.add(new ReviewCommand.Score("complete", complete, "мало деталей"));
        s.add(new ReviewCommand.Score("polite", polite, null));
        s.add(new ReviewCommand.Score("article", article, null));
        s.add(new ReviewCommand.Score("policy", policy, null));
        s.add(new ReviewCommand.Score("category", category, null));
        return s;
    }

    private TicketView solvedBy(String agent) {
        return desk.answered(desk.open(desk.newCustomer(), desk.category("mail-not-arriving")), agent);
    }

    @Test
    void theTotalIsTheWeightedShareOfTheScoredCriteriaAndARubricEditKeepsOldReviewsOnTheirVersion() {
        clock.set(QualityContext.at("2027-01-12T09:00:00Z"));
        RubricView v1 = reviews.currentRubric();
        assertThat(v1.criteria()).extracting(RubricView.Criterion::code)
                .containsExactly("correct", "complete", "polite", "article", "policy", "category");
        assertThat(v1.criteria()).extracting(RubricView.Criterion::weight).containsExactly(25, 20, 15, 10, 20, 10);

        // 25·2 + 20·1 + 15·2 + (article not applicable) + 20·2 + 10·0 = 140 of 2·90 = 180 → 77.78 %
        TicketView t = solvedBy("l1");
        ReviewView review = reviews.review(lead, new ReviewCommand(t.number(), null, scores(2, 1, 2, null, 2, 0), "Неплохо"));
        assertThat(review.totalPercent()).isEqualByComparingTo("77.78");
        assertThat(review.agentId()).isEqualTo(l1.id());
        assertThat(review.rubricVersion()).isEqualTo(v1.version());
        assertThat(review.scores()).extracting(ReviewView.ScoreView::score).containsExactly(2, 1, 2, null, 2, 0);
        assertThat(review.scores().get(1).comment()).isEqualTo("мало деталей");
        // with the article scored 1: 150 of 200 → 75.00 %
        assertThat(AnswerReviews.total(v1.criteria(), Map.of("correct", 2, "complete", 1, "polite", 2, "article", 1,
                "policy", 2, "category", 0))).isEqualByComparingTo("75.00");

        Actor admin = desk.actor("admin");
        RubricView v2 = reviews.saveRubric(admin, new RubricCommand(List.of(
                new RubricCommand.CriterionCommand("correct", "Верно", "Correct", 50, false),
                new RubricCommand.CriterionCommand("polite", "Вежливо", "Polite", 50, false))));
        try {
            assertThat(v2.version()).isEqualTo(v1.version() + 1);
            assertThat(reviews.currentRubric().id()).isEqualTo(v2.id());
            ReviewView old = reviews.get(lead, review.id());
            assertThat(old.rubricVersion()).isEqualTo(v1.version());
            assertThat(old.totalPercent()).isEqualByComparingTo("77.78");
            assertThat(old.scores()).hasSize(6);
            // the new version: 50·2 + 50·1 = 150 of 200
            ReviewView fresh = reviews.review(trainer, new ReviewCommand(t.number(), null, List.of(
                    new ReviewCommand.Score("correct", 2, null), new ReviewCommand.Score("polite", 1, null)), null));
            assertThat(fresh.rubricVersion()).isEqualTo(v2.version());
            assertThat(fresh.totalPercent()).isEqualByComparingTo("75.00");

            assertThatThrownBy(() -> reviews.saveRubric(admin, new RubricCommand(List.of(
                    new RubricCommand.CriterionCommand("correct", "Верно", "Correct", 0, false)))))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("criteria[0].weight"));
            assertThatThrownBy(() -> reviews.saveRubric(lead, new RubricCommand(List.of())))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
            assertThat(reviews.currentRubric().id()).isEqualTo(v2.id());
        } finally {
            // the other tests score on the seeded criteria: put them back as the newest version
            reviews.saveRubric(admin, new RubricCommand(v1.criteria().stream().map(c -> new RubricCommand.CriterionCommand(
                    c.code(), c.nameRu(), c.nameEn(), c.weight(), c.allowsNotApplicable())).toList()));
        }
    }

    @Test
    void badScoresAreRefusedNamingTheCriterionAndNothingIsSaved() {
        clock.set(QualityContext.at("2027-01-19T09:00:00Z"));
        TicketView t = solvedBy("l1");
        assertThatThrownBy(() -> reviews.review(lead, new ReviewCommand(t.number(), null, scores(2, 3, 2, null, 2, 2), null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("scores.complete"));
        assertThatThrownBy(() -> reviews.review(lead, new ReviewCommand(t.number(), null, scores(2, 2, null, null, 2, 2), null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("scores.polite"));
        assertThat(reviews.forTicket(lead, t.number())).isEmpty();
        // an open ticket is not reviewed; an agent does not review; nobody reviews their own handling
        TicketView open = desk.open(desk.newCustomer(), null);
        assertThatThrownBy(() -> reviews.review(lead, new ReviewCommand(open.number(), null, scores(2, 2, 2, 2, 2, 2), null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("ticket"));
        assertThatThrownBy(() -> reviews.review(desk.actor("l1b"), new ReviewCommand(t.number(), null, scores(2, 2, 2, 2, 2, 2), null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
        TicketView own = solvedBy("trainer");
        assertThatThrownBy(() -> reviews.review(trainer, new ReviewCommand(own.number(), null, scores(2, 2, 2, 2, 2, 2), null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
    }

    @Test
    void theWeeklySampleIsStratifiedByLineAndCategoryAndNeverGoesToTheAgentOrSomeoneWhoHandledTheTicket() {
        clock.set(QualityContext.at("2027-02-02T08:00:00Z")); // Tuesday of the week starting Monday 2027-02-01
        long a = desk.category("mail-not-arriving");
        long b = desk.category("spam-filtering");
        long c = desk.category("web-errors");
        Map<Long, Long> categoryOf = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            categoryOf.put(desk.answered(desk.open(desk.newCustomer(), a), "l1").id(), a);
        }
        for (int i = 0; i < 3; i++) {
            categoryOf.put(desk.answered(desk.open(desk.newCustomer(), b), "l1").id(), b);
        }
        TicketView noted = desk.open(desk.newCustomer(), c);
        tickets.addNote(trainer, noted.number(), new TicketCommands.Note("Посмотрите настройки фильтров"));
        categoryOf.put(desk.answered(noted, "l1").id(), c);
        TicketView t1 = solvedBy("trainer");
        TicketView t2 = solvedBy("trainer");

        clock.set(QualityContext.at("2027-02-08T01:00:00Z")); // Monday 04:00 in Moscow: last week is complete
        DrawResult draw = reviews.draw(lead, null, 42L, 5);
        assertThat(draw.weekStart()).isEqualTo(LocalDate.of(2027, 2, 1));
        List<SampleView> ofL1 = draw.samples().stream().filter(s -> s.agentId() == l1.id()).toList();
        assertThat(ofL1).hasSize(5);
        // 6 : 3 : 1 of 10 → 3, 1.5, 0.5 places → 3, 1, 1 (every category represented)
        Map<Long, Long> perCategory = ofL1.stream().collect(Collectors.groupingBy(SampleView::categoryId, Collectors.counting()));
        assertThat(perCategory).containsEntry(a, 3L).containsEntry(b, 1L).containsEntry(c, 1L);
        assertThat(ofL1).allSatisfy(s -> {
            assertThat(s.line()).isEqualTo("FIRST");
            assertThat(s.categoryId()).isEqualTo(categoryOf.get(s.ticketId()));
            assertThat(s.reviewerId()).isIn(lead.id(), trainer.id());
        });
        assertThat(ofL1).filteredOn(s -> s.ticketId() == noted.id()).singleElement()
                .satisfies(s -> assertThat(s.reviewerId()).isEqualTo(lead.id()));
        List<SampleView> ofTrainer = draw.samples().stream().filter(s -> s.agentId() == trainer.id()).toList();
        assertThat(ofTrainer).extracting(SampleView::ticketId).containsExactlyInAnyOrder(t1.id(), t2.id());
        assertThat(ofTrainer).allSatisfy(s -> assertThat(s.reviewerId()).isEqualTo(lead.id()));

        // drawing the same week again adds nothing; the queue shows what is assigned until it is reviewed
        assertThat(reviews.draw(lead, LocalDate.of(2027, 2, 3), 42L, 5).samples()).isEmpty();
        assertThat(reviews.samples(lead, LocalDate.of(2027, 2, 1))).hasSize(draw.samples().size());
        SampleView mine = reviews.queue(lead).stream().filter(s -> s.ticketId() == t1.id()).findFirst().orElseThrow();
        ReviewView review = reviews.review(lead, new ReviewCommand(t1.number(), null, scores(2, 2, 2, 2, 2, 2), null));
        assertThat(review.sampleId()).isEqualTo(mine.id());
        assertThat(reviews.queue(lead)).noneMatch(s -> s.id() == mine.id());
        assertThatThrownBy(() -> reviews.draw(l1, null, null, null))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
    }

    @Test
    void theSameSeedDrawsTheSameSampleAndEveryStratumIsRepresentedWhilePlacesAllow() {
        List<SampleDraw.Candidate> candidates = new ArrayList<>();
        for (long i = 1; i <= 40; i++) {
            candidates.add(new SampleDraw.Candidate(i, i <= 30 ? "FIRST" : "SECOND", i % 4 == 0 ? null : i % 3));
        }
        List<Long> reviewers = List.of(100L, 200L, 300L);
        List<SampleDraw.Drawn> one = SampleDraw.draw(7, candidates, 8, 99, reviewers, t -> t == 5 ? Set.of(100L, 200L) : Set.of(), new HashMap<>());
        List<SampleDraw.Drawn> two = SampleDraw.draw(7, candidates, 8, 99, reviewers, t -> t == 5 ? Set.of(100L, 200L) : Set.of(), new HashMap<>());
        List<SampleDraw.Drawn> other = SampleDraw.draw(7, candidates, 8, 100, reviewers, t -> Set.of(), new HashMap<>());
        assertThat(one).isEqualTo(two).hasSize(8);
        assertThat(other.stream().map(SampleDraw.Drawn::ticketId).toList())
                .isNotEqualTo(one.stream().map(SampleDraw.Drawn::ticketId).toList());
        // strata: FIRST × {0, 1, 2, none} and SECOND × {0, 1, 2, none}: 8 places, 8 strata → one each
        assertThat(one.stream().map(d -> d.line() + ":" + d.categoryId()).distinct()).hasSize(8);
        assertThat(one).filteredOn(d -> d.ticketId() == 5).allSatisfy(d -> assertThat(d.reviewerId()).isEqualTo(300L));
        // reviewers share the work evenly
        Map<Long, Long> load = one.stream().collect(Collectors.groupingBy(SampleDraw.Drawn::reviewerId, Collectors.counting()));
        assertThat(load.values()).allSatisfy(n -> assertThat(n).isBetween(2L, 3L));
        // the agent is never their own reviewer
        assertThat(SampleDraw.draw(100, candidates, 10, 1, reviewers, t -> Set.of(), new HashMap<>()))
                .noneMatch(d -> d.reviewerId() == 100L);
    }

    @Test
    void anAgentDisputesAReviewOnceAnotherReviewerDecidesAndBothScoresAreKept() {
        clock.set(QualityContext.at("2027-03-02T09:00:00Z"));
        TicketView t = solvedBy("l1");
        ReviewView review = reviews.review(lead, new ReviewCommand(t.number(), null, scores(1, 1, 2, null, 2, 2), "Неполно"));
        assertThat(review.totalPercent()).isEqualByComparingTo("75.00"); // 25 + 20 + 30 + 40 + 20 = 135 of 180
        assertThat(reviews.ofAgent(l1, l1.id(), null, null)).extracting(ReviewView::id).contains(review.id());

        assertThatThrownBy(() -> reviews.dispute(l1, review.id(), " "))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> reviews.dispute(desk.actor("l1b"), review.id(), "Не моя"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
        DisputeView dispute = reviews.dispute(l1, review.id(), "Ответ был полным: клиент больше не писал");
        assertThat(dispute.resolverId()).isEqualTo(trainer.id()); // not the reviewer, not the agent
        assertThat(dispute.open()).isTrue();
        assertThatThrownBy(() -> reviews.dispute(l1, review.id(), "Ещё раз"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
        assertThat(reviews.disputesToDecide(trainer)).extracting(DisputeView::id).contains(dispute.id());
        assertThatThrownBy(() -> reviews.uphold(lead, dispute.id(), "Нет"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));

        DisputeView changed = reviews.change(trainer, dispute.id(),
                new ReviewCommand(null, null, scores(2, 2, 2, null, 2, 2), "Согласен с агентом"), "Пересмотрено");
        assertThat(changed.outcome()).isEqualTo(DisputeView.Outcome.CHANGED);
        assertThat(changed.resolvedPercent()).isEqualByComparingTo("100.00");
        assertThat(changed.originalPercent()).isEqualByComparingTo(review.totalPercent());
        ReviewView original = reviews.get(l1, review.id());
        assertThat(original.totalPercent()).isEqualByComparingTo(review.totalPercent());
        assertThat(original.effectivePercent()).isEqualByComparingTo("100.00");
        ReviewView resolution = reviews.get(lead, changed.resolutionReviewId());
        assertThat(resolution.disputeOf()).isEqualTo(review.id());
        assertThat(resolution.reviewerId()).isEqualTo(trainer.id());
        assertThat(reviews.forTicket(lead, t.number())).hasSize(2);
        assertThatThrownBy(() -> reviews.uphold(trainer, dispute.id(), "Ещё"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));

        // upheld: the original score stands
        TicketView u = solvedBy("l1");
        ReviewView byTrainer = reviews.review(trainer, new ReviewCommand(u.number(), null, scores(0, 0, 0, null, 0, 0), null));
        DisputeView second = reviews.dispute(l1, byTrainer.id(), "Несправедливо");
        assertThat(second.resolverId()).isEqualTo(lead.id());
        DisputeView upheld = reviews.uphold(lead, second.id(), "Оценка верна");
        assertThat(upheld.outcome()).isEqualTo(DisputeView.Outcome.UPHELD);
        assertThat(reviews.get(l1, byTrainer.id()).effectivePercent()).isEqualByComparingTo("0.00");
    }

    @Test
    void calibrationShowsTheSpreadOfSeveralReviewersPerCriterionAndTotal() {
        clock.set(QualityContext.at("2027-03-09T09:00:00Z"));
        TicketView t = solvedBy("l1b");
        reviews.review(lead, new ReviewCommand(t.number(), null, scores(2, 2, 2, null, 2, 2), null));
        reviews.review(trainer, new ReviewCommand(t.number(), null, scores(1, 1, 1, 2, 1, 1), null));
        assertThatThrownBy(() -> reviews.review(lead, new ReviewCommand(t.number(), null, scores(0, 0, 0, 0, 0, 0), null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));

        CalibrationView view = reviews.calibration(lead, t.number());
        assertThat(view.reviews()).hasSize(2);
        CalibrationView.Spread correct = view.criteria().stream().filter(s -> s.code().equals("correct")).findFirst().orElseThrow();
        assertThat(correct.count()).isEqualTo(2);
        assertThat(correct.min()).isEqualByComparingTo("1");
        assertThat(correct.max()).isEqualByComparingTo("2");
        assertThat(correct.mean()).isEqualByComparingTo("1.50");
        assertThat(correct.stddev()).isEqualByComparingTo("0.50");
        CalibrationView.Spread article = view.criteria().stream().filter(s -> s.code().equals("article")).findFirst().orElseThrow();
        assertThat(article.count()).isEqualTo(1);
        assertThat(article.stddev()).isEqualByComparingTo("0.00");
        // totals 100.00 (lead) and 55.00 (trainer: 1 everywhere, the article 2: 25+20+15+20+20+10 = 110 of 200 → 55.00)
        assertThat(view.total().min()).isEqualByComparingTo("55.00");
        assertThat(view.total().max()).isEqualByComparingTo("100.00");
        assertThat(view.total().mean()).isEqualByComparingTo("77.50");
        assertThat(view.total().stddev()).isEqualByComparingTo("22.50");
        assertThat(reviews.calibrations(lead, 100)).anySatisfy(e -> {
            assertThat(e.ticketId()).isEqualTo(t.id());
            assertThat(e.reviews()).isEqualTo(2);
        });
        assertThatThrownBy(() -> reviews.calibration(desk.actor("l1"), t.number()))
                .isInstanceOf(DomainException.class);
    }
}
