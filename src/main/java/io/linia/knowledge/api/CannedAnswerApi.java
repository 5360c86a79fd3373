package io.linia.knowledge.api;

import io.linia.accounts.Actor;
import io.linia.knowledge.CannedAnswerCommand;
import io.linia.knowledge.CannedAnswerView;
import io.linia.knowledge.CannedAnswers;
import io.linia.knowledge.RenderedCannedAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Canned answers over REST: staff read the ones meant for them, team leads and administrators
 * write; rendering one for a ticket returns its text and changes nothing.
 */
@RestController
@RequestMapping("/api/v1/kb/canned-answers")
@Tag(name = "Canned answers")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "basic")
class CannedAnswerApi {

    private final CannedAnswers canned;

    CannedAnswerApi(CannedAnswers canned) {
        this.canned = canned;
    }

    @GetMapping
    @Operation(summary = "Canned answers the caller may use, by name (inactive ones too with includeInactive=true)")
    List<CannedAnswerView> list(Actor actor, @RequestParam(defaultValue = "false") boolean includeInactive) {
        return canned.list(actor, includeInactive);
    }

    @PostMapping
    @Operation(summary = "Create a canned answer (team leads and administrators)")
    ResponseEntity<CannedAnswerView> create(Actor actor, @Valid @RequestBody CannedAnswerCommand body) {
        CannedAnswerView created = canned.create(actor, body);
        return ResponseEntity.created(URI.create("/api/v1/kb/canned-answers/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One canned answer with its placeholders")
    CannedAnswerView get(Actor actor, @PathVariable long id) {
        return canned.get(actor, id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a canned answer; send the version you read (a stale one answers 409); active=false switches it off")
    CannedAnswerView update(Actor actor, @PathVariable long id, @Valid @RequestBody CannedAnswerCommand body) {
        return canned.update(actor, id, body);
    }

    @PostMapping("/{id}/render")
    @Operation(summary = "The canned answer's text for a ticket, placeholders filled in; the ticket is not changed")
    RenderedCannedAnswer render(Actor actor, @PathVariable long id, @RequestParam String ticket) {
        return canned.render(actor, id, ticket);
    }
}
