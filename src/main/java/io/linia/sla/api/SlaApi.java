package io.linia.sla.api;

import io.linia.accounts.Actor;
import io.linia.sla.ServiceLevels;
import io.linia.sla.SlaCoverage;
import io.linia.sla.SlaNoticeView;
import io.linia.sla.SlaPolicyCommand;
import io.linia.sla.SlaPolicyView;
import io.linia.sla.TicketTargetView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Service levels over the API: policies (admins change them), a ticket's targets, notices, a pass on demand. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Service levels")
class SlaApi {

    private final ServiceLevels levels;

    SlaApi(ServiceLevels levels) {
        this.levels = levels;
    }

    @GetMapping("/sla/policies")
    @Operation(summary = "All policies, active or not (staff)")
    List<SlaPolicyView> policies(Actor actor) {
        return levels.policies(actor);
    }

    @GetMapping("/sla/policies/{id}")
    @Operation(summary = "One policy (staff)")
    SlaPolicyView policy(Actor actor, @PathVariable long id) {
        return levels.policy(actor, id);
    }

    @GetMapping("/sla/coverage")
    @Operation(summary = "Which policy applies to which queue and priority; gaps (null) and policies that never apply (staff)")
    SlaCoverage coverage(Actor actor) {
        return levels.coverage(actor);
    }

    @PostMapping("/sla/policies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a policy (admins); the most specific active policy applies to tickets entering a queue from now on",
            description = "Scope: line, groupId (second line only; null = any group), priority and categoryId (null = any). "
                    + "Targets in minutes (1–525600), resolution alternatively in days (resolutionDays, 1–365: the end of the "
                    + "n-th open day). calendarId only with businessTime (null = the default calendar). On breach the group's "
                    + "team leads are always notified; raisePriority, moveToGroupId, notifyAssignee and notifyUserId add to that. "
                    + "Bad input answers 400 naming the field.")
    SlaPolicyView create(Actor actor, @Valid @RequestBody SlaPolicyCommand command) {
        return levels.create(actor, command);
    }

    @PutMapping("/sla/policies/{id}")
    @Operation(summary = "Change a policy (admins); send the version you read, a stale one answers 409")
    SlaPolicyView update(Actor actor, @PathVariable long id, @Valid @RequestBody SlaPolicyCommand command) {
        return levels.update(actor, id, command);
    }

    @GetMapping("/tickets/{number}/sla")
    @Operation(summary = "A ticket's targets: due time, business time left, running / paused / met / breached")
    List<TicketTargetView> ticket(Actor actor, @PathVariable String number) {
        return levels.forTicket(actor, number);
    }

    @GetMapping("/sla/notices")
    List<SlaNoticeView> notices(Actor actor, @RequestParam(defaultValue = "50") int limit) {
        return levels.notices(actor, limit);
    }

    @PostMapping("/sla/evaluate")
    @Operation(summary = "Run the warning and breach pass now (admins; it also runs every linia.sla.evaluate-every)")
    ServiceLevels.EvaluationResult evaluate(Actor actor) {
        return levels.evaluate(actor);
    }
}
