package io.linia.routing.api;

import io.linia.routing.AssignmentMode;
import io.linia.routing.AssignmentRules;
import io.linia.routing.QueueAssignment;
import io.linia.shared.DomainException;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A group's assignment mode and certification rule (administrators; the path is admin-only). */
@RestController
@RequestMapping("/api/v1/admin/groups/{id}/assignment")
@Tag(name = "Assignment")
class GroupAssignmentApi {

    record AssignmentSettings(AssignmentMode mode, boolean certificationRequired) {
    }

    private final AssignmentRules rules;

    GroupAssignmentApi(AssignmentRules rules) {
        this.rules = rules;
    }

    @GetMapping
    QueueAssignment get(@PathVariable long id) {
        return rules.group(id).orElseThrow(() -> DomainException.notFound("linia.error.groupNotFound", id));
    }

    @PutMapping
    QueueAssignment put(@PathVariable long id, @RequestBody AssignmentSettings settings) {
        return rules.configure(id, settings.mode(), settings.certificationRequired());
    }
}
