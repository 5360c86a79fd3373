package io.linia.knowledge.api;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.knowledge.ArticleFeedback;
import io.linia.knowledge.ArticleFlag;
import io.linia.knowledge.FeedbackCounts;
import io.linia.knowledge.FeedbackReport;
import io.linia.shared.CleanText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Article feedback over REST: the public part (votes and deflections, no sign-in needed) and the
 * staff part (out-of-date flags, their resolution, the team lead's report).
 */
@RestController
@RequestMapping("/api/v1/kb")
@Tag(name = "Knowledge base: feedback")
class FeedbackApi {

    private final ArticleFeedback feedback;
    private final UserDirectory users;

    FeedbackApi(ArticleFeedback feedback, UserDirectory users) {
        this.feedback = feedback;
        this.users = users;
    }

    /**
     * A vote. A signed-in caller votes under their user id; a visitor under {@code visitor}, a random
     * id of their own (8–64 letters, digits, dashes) — without one, a fresh id is issued in the answer,
     * to be sent with later votes so that a change of mind replaces the first vote.
     */
    record VoteRequest(@NotNull Boolean helpful,
                       @Size(max = ArticleFeedback.MAX_COMMENT) @CleanText String comment,
                       @Pattern(regexp = "[A-Za-z0-9-]{8,64}") String visitor) {
    }

    record VoteAnswer(long articleId, boolean helpful, String visitor, long helpfulVotes, long notHelpfulVotes) {
    }

    record DeflectionRequest(@Size(max = 1000) @CleanText String query) {
    }

    record DeflectionAnswer(long id, long articleId, long deflections) {
    }

    record PublicCounts(long articleId, long helpfulVotes, long notHelpfulVotes, long deflections) {
    }

    record FlagRequest(@NotBlank @Size(max = ArticleFeedback.MAX_REASON) @CleanText String reason) {
    }

    // ------------------------------------------------------------------ public

    @PostMapping("/public/articles/{id}/feedback")
    @Operation(summary = "Rate a public article helpful or not (one vote per reader, a second vote replaces the first)")
    VoteAnswer vote(@PathVariable long id, @Valid @RequestBody VoteRequest body, Principal principal) {
        Optional<UserRef> user = signedIn(principal);
        String visitor = user.isPresent() ? null : body.visitor() != null ? body.visitor() : UUID.randomUUID().toString();
        String voter = user.map(u -> ArticleFeedback.voterOf(u.id())).orElseGet(() -> ArticleFeedback.visitorVoter(visitor));
        FeedbackCounts counts = feedback.vote(voter, id, body.helpful(), body.comment());
        return new VoteAnswer(id, body.helpful(), visitor, counts.helpful(), counts.notHelpful());
    }

    @GetMapping("/public/articles/{id}/feedback")
    @Operation(summary = "Votes and deflections of a public article")
    PublicCounts counts(@PathVariable long id) {
        FeedbackCounts counts = feedback.countsOfPublic(id);
        return new PublicCounts(id, counts.helpful(), counts.notHelpful(), counts.deflections());
    }

    @PostMapping("/public/articles/{id}/deflections")
    @Operation(summary = "Self-service: the article solved the reader's problem, no request is written")
    ResponseEntity<DeflectionAnswer> deflection(@PathVariable long id, @Valid @RequestBody(required = false) DeflectionRequest body,
                                                Principal principal) {
        Long userId = signedIn(principal).map(UserRef::id).orElse(null);
        long deflectionId = feedback.recordDeflection(id, userId, body == null ? null : body.query());
        return ResponseEntity.created(URI.create("/api/v1/kb/public/articles/" + id + "/deflections/" + deflectionId))
                .body(new DeflectionAnswer(deflectionId, id, feedback.counts(id).deflections()));
    }

    // ------------------------------------------------------------------ staff

    @PostMapping("/articles/{id}/flags")
    @Operation(summary = "Flag an article as out of date (staff); the reason is required")
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "basic")
    ResponseEntity<ArticleFlag> flag(Actor actor, @PathVariable long id, @Valid @RequestBody FlagRequest body) {
        ArticleFlag flag = feedback.flagOutdated(actor, id, body.reason());
        return ResponseEntity.created(URI.create("/api/v1/kb/articles/" + id + "/flags")).body(flag);
    }

    @GetMapping("/articles/{id}/flags")
    @Operation(summary = "The article's flags, newest first (staff)")
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "basic")
    List<ArticleFlag> flags(Actor actor, @PathVariable long id) {
        return feedback.flags(actor, id);
    }

    @PostMapping("/flags/{flagId}/resolve")
    @Operation(summary = "Resolve a flag (team leads and administrators)")
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "basic")
    ArticleFlag resolve(Actor actor, @PathVariable long flagId) {
        return feedback.resolveFlag(actor, flagId);
    }

    @GetMapping("/feedback-report")
    @Operation(summary = "Open flags, least helpful and most deflecting articles (team leads and administrators)")
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "basic")
    FeedbackReport report(Actor actor, @RequestParam(required = false) Integer minVotes) {
        return feedback.report(actor, minVotes);
    }

    private Optional<UserRef> signedIn(Principal principal) {
        return principal == null ? Optional.empty() : users.userByLogin(principal.getName());
    }
}
