package io.linia.training.web;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.shared.DomainException;
import io.linia.tickets.AgentWork;
import io.linia.training.Enrolments;
import io.linia.training.ShadowFeed;
import io.linia.training.Shadowing;
import io.linia.training.TrainingProgrammes;
import io.linia.training.TrainingProperties;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Shadowing pages: the trainee's live view of the trainer's ticket work (polled every two seconds by htmx), a watched
 * ticket read only with the trainee's questions on it, and the trainer's page of questions to answer. No page here
 * offers an action on a ticket.
 */
@Controller
class ShadowingPages {

    private final Shadowing shadowing;
    private final Refusals refusals;
    private final DateTimeFormatter time;

    ShadowingPages(Shadowing shadowing, Refusals refusals, TrainingProperties settings) {
        this.shadowing = shadowing;
        this.refusals = refusals;
        this.time = DateTimeFormatter.ofPattern("dd.MM HH:mm:ss").withZone(settings.zone());
    }

    private void common(Actor actor, Model model, String tab) {
        model.addAttribute("tab", tab);
        model.addAttribute("isTrainer", actor.has(Role.TRAINER));
        model.addAttribute("oversees", actor.has(Role.TEAM_LEAD) || actor.has(Role.ADMIN));
        model.addAttribute("isLead", Enrolments.mayEnrol(actor));
        model.addAttribute("mayEdit", TrainingProgrammes.mayEdit(actor));
        model.addAttribute("time", time);
    }

    @GetMapping("/agent/training/shadowing")
    String live(Actor actor, Model model) {
        common(actor, model, "shadowing");
        model.addAttribute("stage", shadowing.stage(actor, null));
        return "training/shadowing";
    }

    @GetMapping("/agent/training/shadowing/live")
    String liveFragment(Actor actor, Model model) {
        ShadowFeed feed = shadowing.watch(actor, null, null);
        model.addAttribute("feed", feed);
        model.addAttribute("time", time);
        return "training/shadowing :: live";
    }

    @GetMapping("/agent/training/shadowing/tickets/{number}")
    String ticket(Actor actor, @PathVariable String number, Model model) {
        return ticketPage(actor, number, model, null, null);
    }

    private String ticketPage(Actor actor, String number, Model model, String question, String error) {
        common(actor, model, "shadowing");
        AgentWork.WorkedTicket t = shadowing.ticket(actor, number);
        model.addAttribute("t", t);
        model.addAttribute("stage", shadowing.stage(actor, null));
        model.addAttribute("questions", shadowing.questionsOn(actor, t.ticketId()));
        model.addAttribute("question", question);
        model.addAttribute("error", error);
        return "training/shadow-ticket";
    }

    @PostMapping("/agent/training/shadowing/tickets/{number}/questions")
    String ask(Actor actor, @PathVariable String number, @RequestParam(required = false) String question, Model model,
               RedirectAttributes redirect, HttpServletResponse response) {
        try {
            shadowing.ask(actor, number, question);
            redirect.addFlashAttribute("success", refusals.text("shadowing.asked"));
            return "redirect:/agent/training/shadowing/tickets/" + number;
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.INVALID_INPUT) {
                throw e;
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return ticketPage(actor, number, model, question, refusals.explain(e));
        }
    }

    @GetMapping("/agent/training/questions")
    String questions(Actor actor, Model model) {
        return questionsPage(actor, model, Map.of(), Map.of());
    }

    private String questionsPage(Actor actor, Model model, Map<Long, String> errors, Map<Long, String> drafts) {
        common(actor, model, "questions");
        model.addAttribute("open", shadowing.openQuestions(actor));
        model.addAttribute("answered", shadowing.answeredQuestions(actor, 20));
        model.addAttribute("errors", errors);
        model.addAttribute("drafts", drafts);
        return "training/questions";
    }

    @PostMapping("/agent/training/questions/{id}/answer")
    String answer(Actor actor, @PathVariable long id, @RequestParam(required = false) String answer, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        try {
            shadowing.answer(actor, id, answer);
            redirect.addFlashAttribute("success", refusals.text("shadowing.answeredDone"));
            return "redirect:/agent/training/questions";
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.CONFLICT) {
                redirect.addFlashAttribute("problem", refusals.explain(e));
                return "redirect:/agent/training/questions";
            }
            if (e.kind() != DomainException.Kind.INVALID_INPUT) {
                throw e;
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return questionsPage(actor, model, Map.of(id, refusals.explain(e)), Map.of(id, answer == null ? "" : answer));
        }
    }
}
