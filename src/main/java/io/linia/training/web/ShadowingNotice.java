package io.linia.training.web;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.training.Shadowing;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * On every training page: whether the actor is shadowing now (the tab to the live view) and, for a trainer, how many
 * of their trainees' questions wait for an answer (the badge on the questions tab).
 */
@ControllerAdvice(assignableTypes = {TrainingPages.class, ProgrammePages.class, ShadowingPages.class})
class ShadowingNotice {

    private final Shadowing shadowing;

    ShadowingNotice(Shadowing shadowing) {
        this.shadowing = shadowing;
    }

    @ModelAttribute("shadowingNow")
    boolean shadowingNow(Actor actor) {
        return actor != null && shadowing.isShadowing(actor);
    }

    @ModelAttribute("openQuestions")
    long openQuestions(Actor actor) {
        return actor != null && actor.has(Role.TRAINER) ? shadowing.openQuestionCount(actor.id()) : 0;
    }
}
