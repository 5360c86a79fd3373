package io.linia.training.api;

import io.linia.accounts.Actor;
import io.linia.training.attestation.Attempt;
import io.linia.training.attestation.AttestationDefinition;
import io.linia.training.attestation.AttestationDefinitions;
import io.linia.training.attestation.AttestationPage;
import io.linia.training.attestation.Attestations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Attestation over the API: the definition of a programme's attestation (editors only — it holds the right answers),
 * the trainee's attempts (start, save answers, submit; an attempt never carries right answers, and says which answers
 * were right only once closed), the trainer's rubric grading. Bad input answers 400 naming the field; a retake too
 * early answers 409 with {@code retakeFrom}.
 */
@RestController
@RequestMapping("/api/v1/training/attestation")
@Tag(name = "Training: attestation")
class AttestationApi {

    private final org.springframework.context.MessageSource messages;

    /** Answers by question position (an option number, numbers separated by commas, or text); practical work by task position. */
    record AnswersBody(Map<Integer, String> answers, Map<Integer, String> works) {
    }

    /** Rubric points by criterion id. */
    record GradeBody(Map<Long, Integer> points, String note) {
    }

    private final AttestationDefinitions definitions;
    private final Attestations attestations;

    AttestationApi(AttestationDefinitions definitions, Attestations attestations,
                   org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.definitions = definitions;
        this.attestations = attestations;
    }

    @GetMapping("/programmes/{id}")
    @Operation(summary = "The attestation of a programme's current version, right answers included (administrators and trainers)")
    AttestationDefinition definition(Actor actor, @PathVariable long id) {
        return definitions.definition(actor, id);
    }

    @PutMapping("/programmes/{id}/settings")
    @Operation(summary = "Questions per attempt, time limit (minutes), pass mark (%), retake pause (minutes), practical weight (%)")
    AttestationDefinition settings(Actor actor, @PathVariable long id, @RequestBody AttestationDefinitions.Settings body) {
        return definitions.saveSettings(actor, id, body);
    }

    @PostMapping("/programmes/{id}/questions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Adds a question to the pool")
    AttestationDefinition addQuestion(Actor actor, @PathVariable long id, @RequestBody AttestationDefinitions.QuestionCommand body) {
        return definitions.addQuestion(actor, id, body);
    }

    @PutMapping("/programmes/{id}/questions/{questionId}")
    @Operation(summary = "Replaces a question (attempts that drew the old one keep it)")
    AttestationDefinition replaceQuestion(Actor actor, @PathVariable long id, @PathVariable long questionId,
                                          @RequestBody AttestationDefinitions.QuestionCommand body) {
        return definitions.replaceQuestion(actor, id, questionId, body);
    }

    @DeleteMapping("/programmes/{id}/questions/{questionId}")
    @Operation(summary = "Takes a question out of the pool")
    AttestationDefinition removeQuestion(Actor actor, @PathVariable long id, @PathVariable long questionId) {
        return definitions.removeQuestion(actor, id, questionId);
    }

    @PostMapping("/programmes/{id}/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Adds a practical task with its rubric")
    AttestationDefinition addTask(Actor actor, @PathVariable long id, @RequestBody AttestationDefinitions.TaskCommand body) {
        return definitions.addTask(actor, id, body);
    }

    @DeleteMapping("/programmes/{id}/tasks/{taskId}")
    @Operation(summary = "Takes a practical task out of the attestation")
    AttestationDefinition removeTask(Actor actor, @PathVariable long id, @PathVariable long taskId) {
        return definitions.removeTask(actor, id, taskId);
    }

    @GetMapping("/enrolments/{id}")
    @Operation(summary = "The attestation of an enrolment: rules, whether an attempt may start (or from when), the attempts",
            description = "`blockedBy` is the reason's message key (stable, for programs), `blockedReason` the same reason as "
                    + "text in the request's language (Accept-Language; Russian by default).")
    PageAnswer page(Actor actor, @PathVariable long id, java.util.Locale locale) {
        AttestationPage page = attestations.page(actor, id);
        String reason = page.blockedBy() == null ? null : messages.getMessage(page.blockedBy(),
                page.retakeFrom() == null ? null : new Object[] {attestations.when(page.retakeFrom())}, page.blockedBy(), locale);
        return new PageAnswer(page, reason);
    }

    /** The attestation page with its blocking reason as text. */
    record PageAnswer(@com.fasterxml.jackson.annotation.JsonUnwrapped AttestationPage page, String blockedReason) {
    }

    @PostMapping("/enrolments/{id}/attempts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The trainee starts an attempt: questions drawn from the pool, the clock starts")
    Attempt start(Actor actor, @PathVariable long id) {
        return attestations.start(actor, id);
    }

    @GetMapping("/attempts/{id}")
    Attempt attempt(Actor actor, @PathVariable long id) {
        return attestations.attempt(actor, id);
    }

    @PutMapping("/attempts/{id}/answers")
    @Operation(summary = "Saves answers (positions not given keep theirs); refused after the deadline")
    Attempt answer(Actor actor, @PathVariable long id, @RequestBody AnswersBody body) {
        return attestations.answer(actor, id, body.answers(), body.works());
    }

    @PostMapping("/attempts/{id}/submit")
    @Operation(summary = "Saves the answers given and hands the attempt in")
    Attempt submit(Actor actor, @PathVariable long id, @RequestBody(required = false) AnswersBody body) {
        return attestations.submit(actor, id, body == null ? null : body.answers(), body == null ? null : body.works());
    }

    @GetMapping("/grading")
    @Operation(summary = "Attempts waiting for the actor's rubric grading")
    List<Attempt> grading(Actor actor) {
        return attestations.awaitingGrading(actor);
    }

    @PostMapping("/attempts/{id}/grade")
    @Operation(summary = "The trainer grades the practical tasks: points for every rubric criterion")
    Attempt grade(Actor actor, @PathVariable long id, @RequestBody GradeBody body) {
        return attestations.grade(actor, id, body.points(), body.note());
    }
}
