package io.linia.training.api;

import io.linia.accounts.Actor;
import io.linia.tickets.DraftRates;
import io.linia.tickets.DraftView;
import io.linia.tickets.TicketDrafts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Supervised work over the API: drafts held for a trainer (the trainer's own; all for team leads) with their waiting
 * time and the ticket's SLA due, approving (as written, or with {@code body} edited), rejecting with a comment, an
 * author's drafts (their feedback) and the edit and reject rates per trainee. Refusals are problem details (RFC 9457):
 * 400 naming the field, 403 to anyone but the draft's trainer or a team lead, 404, 409 when already decided or stale.
 */
@RestController
@RequestMapping("/api/v1/training/supervision")
@Tag(name = "Training")
class SupervisionApi {

    /** {@code body}: the edited text (omit to approve as written); {@code version}: the draft's version seen. */
    record ApproveBody(@Size(max = 65536) String body, @Size(max = TicketDrafts.MAX_COMMENT) String comment, Long version) {
    }

    record RejectBody(@NotBlank @Size(max = TicketDrafts.MAX_COMMENT) String comment, Long version) {
    }

    private final TicketDrafts drafts;

    SupervisionApi(TicketDrafts drafts) {
        this.drafts = drafts;
    }

    @GetMapping("/drafts")
    @Operation(summary = "Drafts waiting for the caller's decision (trainer: their trainees'; team lead: all), longest waiting first")
    List<DraftView> held(Actor actor, @RequestParam(defaultValue = "200") int limit) {
        return drafts.held(actor, limit);
    }

    @GetMapping("/drafts/{id}")
    @Operation(summary = "One draft (its author, trainer, team leads)")
    DraftView draft(Actor actor, @PathVariable long id) {
        return drafts.draft(actor, id);
    }

    @PostMapping("/drafts/{id}/approve")
    @Operation(summary = "Approve a held draft, optionally with the text edited: it is carried out as the trainee's command")
    DraftView approve(Actor actor, @PathVariable long id, @Valid @RequestBody(required = false) ApproveBody body) {
        ApproveBody b = body == null ? new ApproveBody(null, null, null) : body;
        return drafts.approve(actor, id, b.body(), b.comment(), b.version());
    }

    @PostMapping("/drafts/{id}/reject")
    @Operation(summary = "Reject a held draft with a comment for the trainee; nothing reaches the customer")
    DraftView reject(Actor actor, @PathVariable long id, @Valid @RequestBody RejectBody body) {
        return drafts.reject(actor, id, body.comment(), body.version());
    }

    @GetMapping("/mine")
    @Operation(summary = "The caller's own drafts with the decisions and comments (newest first)")
    List<DraftView> mine(Actor actor, @RequestParam(defaultValue = "100") int limit) {
        return drafts.ofAuthor(actor, actor.id(), limit);
    }

    @GetMapping("/trainees/{userId}/drafts")
    @Operation(summary = "A trainee's drafts the caller may read (their trainer's, or all for team leads)")
    List<DraftView> ofTrainee(Actor actor, @PathVariable long userId, @RequestParam(defaultValue = "100") int limit) {
        return drafts.ofAuthor(actor, userId, limit);
    }

    @GetMapping("/metrics")
    @Operation(summary = "Edited and rejected share of decided drafts per trainee (the caller's trainees; all for team leads)")
    List<DraftRates> metrics(Actor actor) {
        return drafts.rates(actor);
    }

    @GetMapping("/metrics/{userId}")
    @Operation(summary = "One trainee's edited and rejected share of decided drafts")
    DraftRates metricsOf(Actor actor, @PathVariable long userId) {
        return drafts.ratesOf(actor, userId);
    }
}
