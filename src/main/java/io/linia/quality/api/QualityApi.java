package io.linia.quality.api;

import io.linia.accounts.Actor;
import io.linia.quality.AnswerReviews;
import io.linia.quality.CalibrationView;
import io.linia.quality.CustomerRatings;
import io.linia.quality.DisputeView;
import io.linia.quality.DrawResult;
import io.linia.quality.FirstContactResolution;
import io.linia.quality.FollowUpView;
import io.linia.quality.MyQuality;
import io.linia.quality.QualityOverview;
import io.linia.quality.RatingInvitation;
import io.linia.quality.RatingView;
import io.linia.quality.RepeatContactView;
import io.linia.quality.RepeatContacts;
import io.linia.quality.ReviewCommand;
import io.linia.quality.ReviewView;
import io.linia.quality.RubricCommand;
import io.linia.quality.RubricView;
import io.linia.quality.SampleView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Quality over the API: the rubric (administrators change it), reviews, disputes, samples, calibration, customer
 * ratings (the public endpoints take the signed token instead of a sign-in), follow-ups, repeat contacts and FCR.
 */
@RestController
@RequestMapping("/api/v1/quality")
@Tag(name = "Quality")
class QualityApi {

    private final AnswerReviews reviews;
    private final CustomerRatings ratings;
    private final RepeatContacts repeats;
    private final QualityOverview overview;

    QualityApi(AnswerReviews reviews, CustomerRatings ratings, RepeatContacts repeats, QualityOverview overview) {
        this.reviews = reviews;
        this.ratings = ratings;
        this.repeats = repeats;
        this.overview = overview;
    }

    record Note(String note) {
    }

    record Reason(String reason) {
    }

    record Notes(String notes) {
    }

    record Change(List<ReviewCommand.Score> scores, String comment, String note) {
    }

    record Draw(LocalDate week, Long seed, Integer perAgent) {
    }

    record Rate(Integer score, String comment) {
    }

    // ------------------------------------------------------------------ rubric

    @GetMapping("/rubric")
    @Operation(summary = "The current rubric (staff)")
    RubricView rubric(Actor actor) {
        reviews.rubrics(actor);
        return reviews.currentRubric();
    }

    @GetMapping("/rubric/versions")
    @Operation(summary = "Every rubric version, newest first (staff)")
    List<RubricView> versions(Actor actor) {
        return reviews.rubrics(actor);
    }

    @PutMapping("/rubric")
    @Operation(summary = "Save the rubric as a new version (administrators); old reviews keep their version",
            description = "criteria: [{code, nameRu, nameEn, weight 1-100, allowsNotApplicable}] in order")
    RubricView saveRubric(Actor actor, @RequestBody RubricCommand command) {
        return reviews.saveRubric(actor, command);
    }

    // ------------------------------------------------------------------ reviews and disputes

    @PostMapping("/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Review a solved or closed ticket (team leads, trainers)",
            description = "scores: one per criterion code, 0 = no, 1 = partly, 2 = yes, null = not applicable where allowed; "
                    + "total = 100 × Σ(weight × score) / Σ(weight × 2) over the scored criteria")
    ReviewView review(Actor actor, @RequestBody ReviewCommand command) {
        return reviews.review(actor, command);
    }

    @GetMapping("/reviews/{id}")
    @Operation(summary = "One review (reviewers; the agent reviewed)")
    ReviewView reviewById(Actor actor, @PathVariable long id) {
        return reviews.get(actor, id);
    }

    @GetMapping("/reviews")
    @Operation(summary = "Reviews of a ticket (ticket=L-000123) or of an agent (agentId; default: me) in [from, to)")
    List<ReviewView> reviews(Actor actor, @RequestParam(required = false) String ticket,
                             @RequestParam(required = false) Long agentId,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        if (ticket != null) {
            return reviews.forTicket(actor, ticket);
        }
        return reviews.ofAgent(actor, agentId == null ? actor.id() : agentId, from, to);
    }

    @PostMapping("/reviews/{id}/dispute")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The agent disputes a review of their work, once, with a reason; another reviewer decides")
    DisputeView dispute(Actor actor, @PathVariable long id, @RequestBody Reason body) {
        return reviews.dispute(actor, id, body == null ? null : body.reason());
    }

    @GetMapping("/disputes")
    @Operation(summary = "Disputes (reviewers): mine=true those waiting for my decision; open=true/false filters")
    List<DisputeView> disputes(Actor actor, @RequestParam(defaultValue = "false") boolean mine,
                               @RequestParam(required = false) Boolean open) {
        return mine ? reviews.disputesToDecide(actor) : reviews.disputes(actor, open);
    }

    @GetMapping("/disputes/{id}")
    @Operation(summary = "One dispute (reviewers; the agent who raised it)")
    DisputeView disputeById(Actor actor, @PathVariable long id) {
        return reviews.dispute(actor, id);
    }

    @PostMapping("/disputes/{id}/uphold")
    @Operation(summary = "The resolver keeps the score")
    DisputeView uphold(Actor actor, @PathVariable long id, @RequestBody(required = false) Note body) {
        return reviews.uphold(actor, id, body == null ? null : body.note());
    }

    @PostMapping("/disputes/{id}/change")
    @Operation(summary = "The resolver scores the ticket anew (the disputed review's rubric version); both reviews are kept")
    DisputeView change(Actor actor, @PathVariable long id, @RequestBody Change body) {
        return reviews.change(actor, id, body == null ? null : new ReviewCommand(null, null, body.scores(), body.comment()),
                body == null ? null : body.note());
    }

    @GetMapping("/calibration")
    @Operation(summary = "Tickets reviewed by two or more reviewers (reviewers)")
    List<CalibrationView.Entry> calibrations(Actor actor, @RequestParam(defaultValue = "100") int limit) {
        return reviews.calibrations(actor, limit);
    }

    @GetMapping("/calibration/{number}")
    @Operation(summary = "The spread of the reviewers' scores of one ticket: per criterion and total, min/max/mean/stddev")
    CalibrationView calibration(Actor actor, @PathVariable String number) {
        return reviews.calibration(actor, number);
    }

    // ------------------------------------------------------------------ samples

    @PostMapping("/samples/draw")
    @Operation(summary = "Draw the weekly samples now (team leads): week (a date in it; default the last complete week), "
            + "seed (default from the week), perAgent (default linia.quality.sample-per-agent)")
    DrawResult draw(Actor actor, @RequestBody(required = false) Draw body) {
        return reviews.draw(actor, body == null ? null : body.week(), body == null ? null : body.seed(),
                body == null ? null : body.perAgent());
    }

    @GetMapping("/samples")
    @Operation(summary = "Samples: mine=true my queue (not yet reviewed), else the samples of a week (reviewers)")
    List<SampleView> samples(Actor actor, @RequestParam(defaultValue = "false") boolean mine,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week) {
        return mine ? reviews.queue(actor) : reviews.samples(actor, week);
    }

    // ------------------------------------------------------------------ ratings

    @GetMapping("/public/ratings/{token}")
    @Operation(summary = "What a signed rating link names and the rating given so far (no sign-in)")
    RatingInvitation invitation(@PathVariable String token) {
        return ratings.byToken(token);
    }

    @PostMapping("/public/ratings/{token}")
    @Operation(summary = "Rate, or change the rating and comment, through a signed link (no sign-in) until it expires",
            description = "score 1-5 (or 1 = bad, 2 = good on the TWO scale); comment optional")
    RatingView rate(@PathVariable String token, @RequestBody Rate body) {
        return ratings.rate(token, body == null ? null : body.score(), body == null ? null : body.comment(), false);
    }

    @GetMapping("/ratings")
    @Operation(summary = "Customer ratings in [from, to), of one agent's tickets when agentId is given (reviewers; agents their own)")
    List<RatingView> ratings(Actor actor, @RequestParam(required = false) Long agentId,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        return ratings.ratings(actor, agentId, from, to);
    }

    @GetMapping("/follow-ups")
    @Operation(summary = "Follow-ups of low ratings (team leads): state OPEN or DONE, all when absent")
    List<FollowUpView> followUps(Actor actor, @RequestParam(required = false) FollowUpView.State state) {
        return ratings.followUps(actor, state);
    }

    @PostMapping("/follow-ups/{id}/done")
    @Operation(summary = "Mark a follow-up done with notes (team leads)")
    FollowUpView done(Actor actor, @PathVariable long id, @RequestBody Notes body) {
        return ratings.done(actor, id, body == null ? null : body.notes());
    }

    // ------------------------------------------------------------------ repeat contacts

    @GetMapping("/repeat-contacts")
    @Operation(summary = "Repeat contacts in [from, to), against one solver's tickets when solverId is given")
    List<RepeatContactView> repeatContacts(Actor actor, @RequestParam(required = false) Long solverId,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        return repeats.list(actor, solverId, from, to);
    }

    @GetMapping("/fcr")
    @Operation(summary = "First-contact resolution over [from, to) (required), of one agent when agentId is given")
    FirstContactResolution fcr(Actor actor, @RequestParam(required = false) Long agentId,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        return repeats.firstContactResolution(actor, agentId, from, to);
    }

    @GetMapping("/me")
    @Operation(summary = "My quality over [from, to) (default: the last 30 days)")
    MyQuality me(Actor actor, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        Instant end = to == null ? overview.now() : to;
        return overview.of(actor, actor.id(), from == null ? end.minus(java.time.Duration.ofDays(30)) : from, end);
    }
}
