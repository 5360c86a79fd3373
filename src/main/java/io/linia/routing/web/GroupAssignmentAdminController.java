package io.linia.routing.web;

import io.linia.routing.AssignmentMode;
import io.linia.routing.AssignmentRules;
import io.linia.routing.QueueAssignment;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The "Assignment" part of a group's admin page: mode and certification. */
@Controller
@RequestMapping("/admin/groups/{id}/assignment")
class GroupAssignmentAdminController {

    private final AssignmentRules rules;
    private final RoutingDirectory directory;
    private final Refusals refusals;

    GroupAssignmentAdminController(AssignmentRules rules, RoutingDirectory directory, Refusals refusals) {
        this.rules = rules;
        this.directory = directory;
        this.refusals = refusals;
    }

    @PostMapping
    String save(@PathVariable long id, @RequestParam(defaultValue = "MANUAL") AssignmentMode mode,
                @RequestParam(defaultValue = "false") boolean certificationRequired, RedirectAttributes redirect) {
        String name = directory.group(id).orElseThrow(() -> DomainException.notFound("linia.error.groupNotFound", id)).nameRu();
        QueueAssignment saved = rules.configure(id, mode, certificationRequired);
        redirect.addFlashAttribute("success", refusals.text("assignment.saved", name,
                refusals.text("assignment.mode." + saved.mode())));
        return "redirect:/admin/groups/" + id;
    }
}
