package io.linia.knowledge.web;

import io.linia.accounts.Actor;
import io.linia.knowledge.CannedAction;
import io.linia.knowledge.CannedAnswerCommand;
import io.linia.knowledge.CannedAnswerView;
import io.linia.knowledge.CannedAnswers;
import io.linia.routing.CategoryRef;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Canned answers: the list and the editor (team leads and administrators write, agents read), and
 * the picker on the ticket page, loaded by htmx.
 */
@Controller
class CannedAnswerController {

    private final CannedAnswers canned;
    private final RoutingDirectory routing;
    private final Refusals refusals;

    CannedAnswerController(CannedAnswers canned, RoutingDirectory routing, Refusals refusals) {
        this.canned = canned;
        this.routing = routing;
        this.refusals = refusals;
    }

    @ModelAttribute
    void reference(Model model) {
        model.addAttribute("groupsById", routing.groups().stream().collect(Collectors.toMap(GroupRef::id, Function.identity())));
        model.addAttribute("categoriesById", routing.categories().stream()
                .collect(Collectors.toMap(CategoryRef::id, Function.identity())));
    }

    // ---------------------------------------------------------------- the ticket page's picker

    @GetMapping("/agent/tickets/{number}/canned")
    String picker(Actor actor, @PathVariable String number, Model model) {
        model.addAttribute("number", number);
        model.addAttribute("answers", canned.forTicket(actor, number));
        return "knowledge/ticket-canned :: picker";
    }

    // ---------------------------------------------------------------- management

    @GetMapping("/agent/kb/canned")
    String list(Actor actor, Model model) {
        boolean editor = CannedAnswers.canEdit(actor);
        model.addAttribute("answers", canned.list(actor, editor));
        model.addAttribute("editor", editor);
        return "knowledge/canned-list";
    }

    @GetMapping("/agent/kb/canned/new")
    String create(Actor actor, Model model) {
        requireEditor(actor);
        return form(model, actor, new CannedAnswerCommand("", "", null, null, null, true, null), null, Map.of());
    }

    @GetMapping("/agent/kb/canned/{id}")
    String edit(Actor actor, @PathVariable long id, Model model) {
        CannedAnswerView a = canned.get(actor, id);
        return form(model, actor, new CannedAnswerCommand(a.name(), a.body(), a.groupId(), a.setCategoryId(), a.action(),
                a.active(), a.version()), id, Map.of());
    }

    @PostMapping({"/agent/kb/canned", "/agent/kb/canned/{id}"})
    String save(Actor actor, @PathVariable(required = false) Long id, @Valid @ModelAttribute("form") CannedAnswerCommand form,
                BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        requireEditor(actor);
        Map<String, String> errors = refusals.fieldErrors(binding);
        if (errors.isEmpty()) {
            try {
                CannedAnswerView saved = id == null ? canned.create(actor, form) : canned.update(actor, id, form);
                redirect.addFlashAttribute("success", refusals.text("kb.canned.saved", saved.name()));
                return "redirect:/agent/kb/canned";
            } catch (DomainException e) {
                if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
                    throw e;
                }
                if (e.field() == null) {
                    // a stale edit: say so above the form and keep what the editor typed
                    response.setStatus(e.kind() == DomainException.Kind.CONFLICT ? 409 : 400);
                    model.addAttribute("problem", refusals.explain(e));
                    return form(model, actor, form, id, errors);
                }
                errors = refusals.fieldErrors(binding, e);
            }
        }
        response.setStatus(400);
        return form(model, actor, form, id, errors);
    }

    @PostMapping("/agent/kb/canned/{id}/deactivate")
    String deactivate(Actor actor, @PathVariable long id, @RequestParam(required = false) Long version,
                      RedirectAttributes redirect) {
        try {
            CannedAnswerView off = canned.deactivate(actor, id, version);
            redirect.addFlashAttribute("success", refusals.text("kb.canned.deactivated", off.name()));
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.CONFLICT) {
                throw e;
            }
            redirect.addFlashAttribute("problem", refusals.explain(e));
        }
        return "redirect:/agent/kb/canned";
    }

    private String form(Model model, Actor actor, CannedAnswerCommand form, Long id, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("itemId", id);
        model.addAttribute("errors", errors);
        model.addAttribute("editor", CannedAnswers.canEdit(actor));
        model.addAttribute("groups", routing.activeGroups());
        model.addAttribute("categories", routing.activeCategories());
        model.addAttribute("actions", CannedAction.values());
        model.addAttribute("placeholders", CannedAnswers.placeholderTokens());
        return "knowledge/canned-form";
    }

    private static void requireEditor(Actor actor) {
        if (!CannedAnswers.canEdit(actor)) {
            throw DomainException.forbidden("kb.canned.editorsOnly");
        }
    }
}
