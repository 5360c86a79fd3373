package io.linia.quality.web;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.quality.AnswerReviews;
import io.linia.quality.CustomerRatings;
import io.linia.quality.DisputeView;
import io.linia.quality.FollowUpView;
import io.linia.quality.GroupComparison;
import io.linia.quality.QualityMeasures;
import io.linia.quality.QualityOverview;
import io.linia.quality.RatingInvitation;
import io.linia.quality.ReviewCommand;
import io.linia.quality.ReviewView;
import io.linia.quality.RubricCommand;
import io.linia.quality.RubricView;
import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The quality pages: the review panel of a ticket and the review form, "my reviews" with disputes, the reviewer's
 * queue (samples and disputes to decide, "draw now"), calibration, follow-ups of low ratings, "my quality", the
 * rubric editor (administrators), and the customers' rating page and portal panel.
 */
@Controller
class QualityController {

    private final AnswerReviews reviews;
    private final CustomerRatings ratings;
    private final QualityOverview overview;
    private final Refusals refusals;
    private final QualityMeasures measures;
    private final MeasureViews views;

    QualityController(AnswerReviews reviews, CustomerRatings ratings, QualityOverview overview, Refusals refusals,
                      QualityMeasures measures, MeasureViews views) {
        this.reviews = reviews;
        this.ratings = ratings;
        this.overview = overview;
        this.refusals = refusals;
        this.measures = measures;
        this.views = views;
    }

    private static void roles(Model model, Actor actor) {
        model.addAttribute("reviewer", AnswerReviews.isReviewer(actor));
        model.addAttribute("lead", actor.has(Role.TEAM_LEAD) || actor.has(Role.ADMIN));
        model.addAttribute("admin", actor.has(Role.ADMIN));
    }

    // ------------------------------------------------------------------ ticket panel and review form

    @GetMapping("/agent/tickets/{number}/quality")
    String panel(Actor actor, @PathVariable String number, Model model) {
        roles(model, actor);
        model.addAttribute("number", number);
        model.addAttribute("reviews", reviews.forTicket(actor, number));
        return "quality/ticket-panel :: panel";
    }

    @GetMapping("/agent/quality/review")
    String reviewForm(Actor actor, @RequestParam(required = false) String ticket, @RequestParam(required = false) Long dispute,
                      Model model) {
        if (!AnswerReviews.isReviewer(actor)) {
            throw DomainException.forbidden("quality.error.notReviewer");
        }
        RubricView rubric = reviews.currentRubric();
        DisputeView d = null;
        if (dispute != null) {
            d = reviews.dispute(actor, dispute);
            ticket = d.ticketNumber();
            ReviewView original = reviews.get(actor, d.reviewId());
            rubric = reviews.rubrics(actor).stream().filter(r -> r.version() == original.rubricVersion()).findFirst().orElse(rubric);
            model.addAttribute("original", original);
        }
        return form(actor, model, rubric, ticket, d, Map.of(), Map.of(), Map.of(), null, null, null);
    }

    private String form(Actor actor, Model model, RubricView rubric, String ticket, DisputeView dispute, Map<String, String> scores,
                        Map<String, String> comments, Map<String, String> errors, String comment, String note, Long agentId) {
        roles(model, actor);
        model.addAttribute("rubric", rubric);
        model.addAttribute("ticket", ticket);
        model.addAttribute("dispute", dispute);
        model.addAttribute("scores", scores);
        model.addAttribute("comments", comments);
        model.addAttribute("errors", errors);
        model.addAttribute("comment", comment);
        model.addAttribute("note", note);
        model.addAttribute("agentId", agentId);
        model.addAttribute("previous", ticket == null || ticket.isBlank() ? List.of() : safeForTicket(actor, ticket));
        return "quality/review-form";
    }

    private List<ReviewView> safeForTicket(Actor actor, String ticket) {
        try {
            return reviews.forTicket(actor, ticket);
        } catch (DomainException e) {
            return List.of();
        }
    }

    @PostMapping("/agent/quality/review")
    String review(Actor actor, HttpServletRequest request, @RequestParam(required = false) String ticket,
                  @RequestParam(required = false) Long agentId, @RequestParam(required = false) Long dispute,
                  @RequestParam(required = false) String comment, @RequestParam(required = false) String note,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        RubricView rubric = reviews.currentRubric();
        DisputeView d = null;
        if (dispute != null) {
            d = reviews.dispute(actor, dispute);
            ticket = d.ticketNumber();
            ReviewView original = reviews.get(actor, d.reviewId());
            rubric = reviews.rubrics(actor).stream().filter(r -> r.version() == original.rubricVersion()).findFirst().orElse(rubric);
            model.addAttribute("original", original);
        }
        Map<String, String> raw = new HashMap<>();
        Map<String, String> comments = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        List<ReviewCommand.Score> scores = new ArrayList<>();
        for (RubricView.Criterion c : rubric.criteria()) {
            String value = request.getParameter("score_" + c.code());
            String text = request.getParameter("comment_" + c.code());
            raw.put(c.code(), value == null ? "" : value);
            comments.put(c.code(), text == null ? "" : text);
            Integer score = null;
            if (value != null && !value.isBlank() && !"na".equals(value)) {
                if (!value.matches("[0-2]")) {
                    errors.put("scores." + c.code(), refusals.text("quality.error.scoreRange"));
                    continue;
                }
                score = Integer.valueOf(value);
            }
            scores.add(new ReviewCommand.Score(c.code(), score, text));
        }
        if (errors.isEmpty()) {
            try {
                if (d != null) {
                    reviews.change(actor, d.id(), new ReviewCommand(null, null, scores, comment), note);
                    redirect.addFlashAttribute("success", refusals.text("quality.dispute.changed"));
                    return "redirect:/agent/quality/queue";
                }
                ReviewView saved = reviews.review(actor, new ReviewCommand(ticket, agentId, scores, comment));
                redirect.addFlashAttribute("success", refusals.text("quality.review.saved", saved.totalPercent()));
                return "redirect:/agent/quality/review?ticket=" + saved.ticketNumber();
            } catch (DomainException e) {
                if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                    throw e;
                }
                errors.put(e.field() == null ? "form" : e.field(), refusals.explain(e));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(actor, model, rubric, ticket, d, raw, comments, errors, comment, note, agentId);
    }

    // ------------------------------------------------------------------ my reviews and disputes

    @GetMapping("/agent/quality/mine")
    String mine(Actor actor, Model model) {
        roles(model, actor);
        model.addAttribute("reviews", reviews.ofAgent(actor, actor.id(), null, null));
        model.addAttribute("errors", Map.of());
        return "quality/mine";
    }

    @PostMapping("/agent/quality/reviews/{id}/dispute")
    String dispute(Actor actor, @PathVariable long id, @RequestParam(required = false) String reason, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        try {
            DisputeView d = reviews.dispute(actor, id, reason);
            redirect.addFlashAttribute("success", refusals.text("quality.dispute.sent", d.resolverName()));
            return "redirect:/agent/quality/mine";
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            response.setStatus(e.kind() == DomainException.Kind.CONFLICT ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
            roles(model, actor);
            model.addAttribute("reviews", reviews.ofAgent(actor, actor.id(), null, null));
            model.addAttribute("errors", Map.of(id, refusals.explain(e)));
            model.addAttribute("reason", reason);
            return "quality/mine";
        }
    }

    // ------------------------------------------------------------------ reviewer's queue

    @GetMapping("/agent/quality/queue")
    String queue(Actor actor, Model model) {
        roles(model, actor);
        model.addAttribute("samples", reviews.queue(actor));
        model.addAttribute("disputes", reviews.disputesToDecide(actor));
        model.addAttribute("lastWeek", reviews.lastWeekStart(overview.now()));
        return "quality/queue";
    }

    @PostMapping("/agent/quality/draw")
    String draw(Actor actor, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
                @RequestParam(required = false) Integer perAgent, RedirectAttributes redirect) {
        try {
            var result = reviews.draw(actor, week, null, perAgent);
            redirect.addFlashAttribute("success", refusals.text("quality.draw.done", result.samples().size(),
                    result.weekStart().toString()));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("problem", refusals.explain(e));
        }
        return "redirect:/agent/quality/queue";
    }

    @PostMapping("/agent/quality/disputes/{id}/uphold")
    String uphold(Actor actor, @PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            reviews.uphold(actor, id, note);
            redirect.addFlashAttribute("success", refusals.text("quality.dispute.upheld"));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("problem", refusals.explain(e));
        }
        return "redirect:/agent/quality/queue";
    }

    // ------------------------------------------------------------------ calibration

    @GetMapping("/agent/quality/calibration")
    String calibrations(Actor actor, Model model) {
        roles(model, actor);
        model.addAttribute("entries", reviews.calibrations(actor, 200));
        return "quality/calibrations";
    }

    @GetMapping("/agent/quality/calibration/{number}")
    String calibration(Actor actor, @PathVariable String number, Model model) {
        roles(model, actor);
        model.addAttribute("c", reviews.calibration(actor, number));
        return "quality/calibration";
    }

    // ------------------------------------------------------------------ follow-ups

    @GetMapping("/agent/quality/follow-ups")
    String followUps(Actor actor, @RequestParam(required = false) FollowUpView.State state, Model model) {
        roles(model, actor);
        FollowUpView.State shown = state == null ? FollowUpView.State.OPEN : state;
        model.addAttribute("state", shown);
        model.addAttribute("followUps", ratings.followUps(actor, shown));
        model.addAttribute("errors", Map.of());
        return "quality/follow-ups";
    }

    @PostMapping("/agent/quality/follow-ups/{id}/done")
    String done(Actor actor, @PathVariable long id, @RequestParam(required = false) String notes, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        try {
            ratings.done(actor, id, notes);
            redirect.addFlashAttribute("success", refusals.text("quality.followUp.closed"));
            return "redirect:/agent/quality/follow-ups";
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            response.setStatus(e.kind() == DomainException.Kind.CONFLICT ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
            roles(model, actor);
            model.addAttribute("state", FollowUpView.State.OPEN);
            model.addAttribute("followUps", ratings.followUps(actor, FollowUpView.State.OPEN));
            model.addAttribute("errors", Map.of(id, refusals.explain(e)));
            return "quality/follow-ups";
        }
    }

    // ------------------------------------------------------------------ my quality

    /**
     * The agent's own quality for a period (presets or dates, as on the leads' pages): reviews, ratings and repeat
     * contacts, every derived measure next to their group's, and the weekly trend charts of both.
     */
    @GetMapping("/agent/quality/me")
    String me(Actor actor, @RequestParam(required = false) String days, @RequestParam(required = false) String from,
              @RequestParam(required = false) String to, java.util.Locale locale, Model model, HttpServletResponse response) {
        if (!actor.isStaff()) {
            throw DomainException.forbidden("quality.error.notStaff");
        }
        roles(model, actor);
        MeasureLabels labels = views.labels(locale);
        MeasurePeriod period = views.period(days, from, to);
        views.picker(model, "/agent/quality/me", period, Map.of(), labels);
        model.addAttribute("columns", MeasureColumn.ALL);
        if (!period.valid()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "quality/me";
        }
        model.addAttribute("q", overview.of(actor, actor.id(), period.start(), period.end()));
        GroupComparison c = measures.compare(actor, actor.id(), null, period.start(), period.end());
        views.comparison(model, c, labels, period, QualityMeasures.readsAll(actor));
        return "quality/me";
    }

    // ------------------------------------------------------------------ rubric (administrators)

    @GetMapping("/admin/quality/rubric")
    String rubric(Actor actor, Model model) {
        return rubricPage(actor, model, null, Map.of());
    }

    private String rubricPage(Actor actor, Model model, List<RubricCommand.CriterionCommand> rows, Map<String, String> errors) {
        roles(model, actor);
        RubricView current = reviews.currentRubric();
        model.addAttribute("current", current);
        model.addAttribute("versions", reviews.rubrics(actor));
        model.addAttribute("rows", rows != null ? rows : current.criteria().stream().map(c -> new RubricCommand.CriterionCommand(
                c.code(), c.nameRu(), c.nameEn(), c.weight(), c.allowsNotApplicable())).toList());
        model.addAttribute("errors", errors);
        return "quality/rubric";
    }

    @PostMapping("/admin/quality/rubric")
    String saveRubric(Actor actor, @RequestParam(name = "code", required = false) List<String> codes,
                      @RequestParam(name = "nameRu", required = false) List<String> namesRu,
                      @RequestParam(name = "nameEn", required = false) List<String> namesEn,
                      @RequestParam(name = "weight", required = false) List<String> weights,
                      @RequestParam(name = "na", required = false) List<String> na,
                      Model model, HttpServletResponse response, RedirectAttributes redirect) {
        List<RubricCommand.CriterionCommand> rows = new ArrayList<>();
        Map<String, String> errors = new HashMap<>();
        int n = codes == null ? 0 : codes.size();
        for (int i = 0; i < n; i++) {
            String code = codes.get(i);
            String ru = at(namesRu, i);
            String en = at(namesEn, i);
            String w = at(weights, i);
            if ((code == null || code.isBlank()) && (ru == null || ru.isBlank()) && (en == null || en.isBlank())) {
                continue; // an empty row: nothing entered
            }
            Integer weight = null;
            if (w != null && w.strip().matches("\\d{1,3}")) {
                weight = Integer.valueOf(w.strip());
            }
            rows.add(new RubricCommand.CriterionCommand(code, ru, en, weight, "yes".equals(at(na, i))));
        }
        try {
            RubricView saved = reviews.saveRubric(actor, new RubricCommand(rows));
            redirect.addFlashAttribute("success", refusals.text("quality.rubric.saved", saved.version()));
            return "redirect:/admin/quality/rubric";
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            errors.put(e.field() == null ? "form" : e.field(), refusals.explain(e));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return rubricPage(actor, model, rows, errors);
        }
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() ? null : list.get(i);
    }

    // ------------------------------------------------------------------ customers: the rating page and the portal panel

    /**
     * The rating link of the solved mail and the portal. Opening it records nothing: mail scanners and link previews
     * fetch every link of a mail, and a rating recorded on GET would be theirs. The page shows the chosen score
     * selected in a form that its script ({@code linia.js}) sends at once — one click for a person, nothing for a
     * fetcher; without the script the person presses "save". The form says it came from the link, so it counts
     * as the link's one click (a later click of another score does not change a given rating; the form does).
     */
    @GetMapping("/rate/{token}")
    String ratePage(@PathVariable String token, @RequestParam(required = false) String score, Model model,
                    HttpServletResponse response) {
        try {
            RatingInvitation invitation = ratings.byToken(token);
            if (score != null) {
                Integer value = score.matches("\\d{1,2}") ? Integer.valueOf(score) : -1;
                if (value < 1 || value > invitation.scale().max()) {
                    model.addAttribute("scoreError", refusals.explain(
                            DomainException.invalid("score", "quality.rating.scoreRange", invitation.scale().max())));
                    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                } else if (invitation.expired()) {
                    throw DomainException.conflict("quality.rating.expired");
                } else if (invitation.rating() == null) {
                    model.addAttribute("clicked", value);
                }
            }
            return ratingPage(invitation, model);
        } catch (DomainException e) {
            return refused(e, model, response);
        }
    }

    @PostMapping("/rate/{token}")
    String rate(@PathVariable String token, @RequestParam(required = false) String score,
                @RequestParam(required = false) String comment, @RequestParam(required = false) String via, Model model,
                HttpServletResponse response) {
        try {
            Integer value = score == null || score.isBlank() ? null : score.matches("\\d{1,2}") ? Integer.valueOf(score) : -1;
            try {
                ratings.rate(token, value, comment, "link".equals(via));
                model.addAttribute("saved", true);
            } catch (DomainException e) {
                if (e.kind() != DomainException.Kind.INVALID_INPUT) {
                    throw e;
                }
                model.addAttribute(e.field() != null && e.field().equals("comment") ? "commentError" : "scoreError", refusals.explain(e));
                model.addAttribute("comment", comment);
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
            return ratingPage(ratings.byToken(token), model);
        } catch (DomainException e) {
            return refused(e, model, response);
        }
    }

    private String ratingPage(RatingInvitation invitation, Model model) {
        model.addAttribute("i", invitation);
        model.addAttribute("number", io.linia.tickets.TicketNumber.format(invitation.ticketId()));
        return "quality/rate";
    }

    private String refused(DomainException e, Model model, HttpServletResponse response) {
        response.setStatus(e.kind() == DomainException.Kind.CONFLICT ? HttpServletResponse.SC_GONE : HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("reason", refusals.explain(e));
        return "quality/rate-refused";
    }

    @GetMapping("/portal/tickets/{number}/rating")
    String portalPanel(Actor actor, @PathVariable String number, Model model) {
        model.addAttribute("i", ratings.invitationFor(actor, number).orElse(null));
        return "quality/portal-rating :: panel";
    }
}
