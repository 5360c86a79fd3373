package io.linia.recovery.web;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.recovery.requests.DecisionCommand;
import io.linia.recovery.requests.DecisionKind;
import io.linia.recovery.requests.RecoveryDeciders;
import io.linia.recovery.requests.RecoveryEvidence;
import io.linia.recovery.requests.RecoveryRequests;
import io.linia.recovery.requests.RefusalReason;
import io.linia.recovery.requests.RequestState;
import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agent's side of access recovery: the "ownership check" panel on a recovery ticket (answers next to the
 * directory's masked facts, the score and its explanation, the decisions), the decision forms, the list of
 * requests with their deadlines, and the recovery certifications (granted by team leads and admins).
 */
@Controller
class RecoveryAgentController {

    private final RecoveryRequests requests;
    private final RecoveryDeciders deciders;
    private final UserDirectory users;
    private final Refusals refusals;
    private final java.time.Clock clock;

    RecoveryAgentController(RecoveryRequests requests, RecoveryDeciders deciders, UserDirectory users, Refusals refusals,
                            java.time.Clock clock) {
        this.clock = clock;
        this.requests = requests;
        this.deciders = deciders;
        this.users = users;
        this.refusals = refusals;
    }

    /** The panel on the ticket page; an empty answer for a ticket without a recovery request (nothing is audited then). */
    @GetMapping("/agent/tickets/{number}/recovery")
    String panel(Actor actor, @PathVariable String number, Model model) {
        Optional<RecoveryEvidence> evidence = requests.evidenceOfTicket(actor, number);
        if (evidence.isEmpty()) {
            return "recovery/panel :: none";
        }
        return panel(model, evidence.get(), Map.of(), null);
    }

    @PostMapping("/agent/recovery/{id}/decisions")
    String decide(Actor actor, @PathVariable long id, @RequestParam(required = false) String kind,
                  @RequestParam(defaultValue = "false") boolean resetLink, @RequestParam(defaultValue = "false") boolean unblock,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String comment,
                  @RequestParam(defaultValue = "false") boolean confirmed, @RequestParam(required = false) Long version,
                  @RequestHeader(name = "HX-Request", required = false) String htmx,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        DecisionKind decision = parse(DecisionKind.class, kind);
        try {
            if (decision == null) {
                throw DomainException.invalid("kind", "recovery.decision.kindRequired");
            }
            if (decision == DecisionKind.POLICY && !confirmed) {
                throw DomainException.invalid("confirmed", "recovery.panel.policy.tickRequired");
            }
            RefusalReason why = reason == null || reason.isBlank() ? null : parse(RefusalReason.class, reason);
            if (reason != null && !reason.isBlank() && why == null) {
                throw DomainException.invalid("reason", "recovery.decision.reasonRequired");
            }
            RecoveryEvidence after = requests.decide(actor, id, new DecisionCommand(decision, resetLink, unblock, why, comment, version));
            String ticket = "/agent/tickets/" + after.ticketNumber();
            if (htmx != null) {
                response.setHeader("HX-Redirect", ticket);
                return panel(model, after, Map.of(), refusals.text("recovery.panel.done." + decision.name()));
            }
            redirect.addFlashAttribute("success", refusals.text("recovery.panel.done." + decision.name()));
            return "redirect:" + ticket;
        } catch (DomainException e) {
            response.setStatus(switch (e.kind()) {
                case NOT_FOUND -> HttpStatus.NOT_FOUND.value();
                case FORBIDDEN -> HttpStatus.FORBIDDEN.value();
                case CONFLICT -> HttpStatus.CONFLICT.value();
                default -> HttpStatus.UNPROCESSABLE_ENTITY.value();
            });
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put((decision == null ? "" : decision.name()) + "." + (e.field() == null ? "form" : e.field()), refusals.explain(e));
            return panel(model, requests.evidence(actor, id), errors, null);
        }
    }

    @GetMapping("/agent/recovery")
    String list(Actor actor, @RequestParam(required = false) String state, Model model) {
        RequestState filter = state == null || state.isBlank() ? null : parse(RequestState.class, state);
        model.addAttribute("state", filter);
        model.addAttribute("now", clock.instant());
        model.addAttribute("states", RequestState.values());
        model.addAttribute("requests", requests.list(actor, filter, 300));
        model.addAttribute("mayDecide", deciders.mayDecide(actor));
        model.addAttribute("mayManage", deciders.mayManage(actor));
        model.addAttribute("certifications", deciders.all());
        model.addAttribute("candidates", users.withAnyRole(Set.of(Role.AGENT_L2, Role.TEAM_LEAD)).stream()
                .filter(UserRef::enabled).toList());
        return "recovery/list";
    }

    @PostMapping("/agent/recovery/deciders")
    String grant(Actor actor, @RequestParam(required = false) Long userId, @RequestParam(required = false) String validUntil,
                 RedirectAttributes redirect) {
        try {
            if (userId == null) {
                throw DomainException.invalid("userId", "linia.validation.required");
            }
            LocalDate until = validUntil == null || validUntil.isBlank() ? null : LocalDate.parse(validUntil.strip());
            RecoveryDeciders.Certification c = deciders.grant(actor, userId, until);
            redirect.addFlashAttribute("success", refusals.text("recovery.deciders.grantedDone", c.userName()));
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("deciderError", refusals.text("recovery.form.badDate"));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("deciderError", refusals.explain(e));
        }
        return "redirect:/agent/recovery#deciders";
    }

    @PostMapping("/agent/recovery/deciders/{id}/revoke")
    String revoke(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        try {
            deciders.revoke(actor, id);
            redirect.addFlashAttribute("success", refusals.text("recovery.deciders.revokedDone"));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("deciderError", refusals.explain(e));
        }
        return "redirect:/agent/recovery#deciders";
    }

    private String panel(Model model, RecoveryEvidence e, Map<String, String> errors, String done) {
        model.addAttribute("r", e);
        model.addAttribute("errors", errors);
        model.addAttribute("done", done);
        model.addAttribute("reasons", RefusalReason.values());
        model.addAttribute("can", e.available());
        return "recovery/panel :: panel";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        for (E e : EnumSet.allOf(type)) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        return null;
    }
}
