package io.linia.training.api;

import io.linia.accounts.Actor;
import io.linia.tickets.AgentWork;
import io.linia.training.ShadowFeed;
import io.linia.training.ShadowQuestion;
import io.linia.training.Shadowing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shadowing over the API: the trainee's feed of their trainer's ticket work after a cursor, a watched ticket read only,
 * questions and the trainer's answers. A trainee not in a shadowing stage, or naming another trainer, gets 403;
 * bad input 400 naming the field ({@code question}, {@code answer}).
 */
@RestController
@RequestMapping("/api/v1/training/shadowing")
@Tag(name = "Training")
class ShadowingApi {

    record QuestionBody(String question) {
    }

    record AnswerBody(String answer) {
    }

    private final Shadowing shadowing;

    ShadowingApi(Shadowing shadowing) {
        this.shadowing = shadowing;
    }

    @GetMapping("/feed")
    @Operation(summary = "The trainer's steps after a cursor (the trainee, in the shadowing stage)",
            description = "after: the cursor from the previous answer (omit for the latest steps); trainerId: optional, must be the "
                    + "trainee's own trainer. Each call counts as watching: the time since the previous call (at most "
                    + "linia.training.heartbeat-cap) and the tickets the trainer works meanwhile count towards the stage.")
    ShadowFeed feed(Actor actor, @RequestParam(required = false) Long after, @RequestParam(required = false) Long trainerId) {
        return shadowing.watch(actor, trainerId, after);
    }

    @GetMapping("/tickets/{number}")
    @Operation(summary = "A ticket of the trainer's, read only: the customer's messages and the trainer's replies and notes")
    AgentWork.WorkedTicket ticket(Actor actor, @PathVariable String number) {
        return shadowing.ticket(actor, number);
    }

    @PostMapping("/tickets/{number}/questions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The trainee asks the trainer a question on a watched ticket")
    ShadowQuestion ask(Actor actor, @PathVariable String number, @RequestBody(required = false) QuestionBody body) {
        return shadowing.ask(actor, number, body == null ? null : body.question());
    }

    @GetMapping("/questions")
    @Operation(summary = "The trainee's questions with answers (role=trainee, default) or the trainer's open questions (role=trainer)")
    List<ShadowQuestion> questions(Actor actor, @RequestParam(defaultValue = "trainee") String role) {
        return "trainer".equals(role) ? shadowing.openQuestions(actor) : shadowing.myQuestions(actor);
    }

    @PostMapping("/questions/{id}/answer")
    @Operation(summary = "The trainer answers a question of their trainee's (once)")
    ShadowQuestion answer(Actor actor, @PathVariable long id, @RequestBody(required = false) AnswerBody body) {
        return shadowing.answer(actor, id, body == null ? null : body.answer());
    }
}
