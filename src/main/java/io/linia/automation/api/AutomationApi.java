package io.linia.automation.api;

import io.linia.accounts.Actor;
import io.linia.automation.AutomationRules;
import io.linia.automation.RuleCommand;
import io.linia.automation.RuleNoticeView;
import io.linia.automation.RuleNotices;
import io.linia.automation.RuleRunView;
import io.linia.automation.RuleView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Automation rules over the API (admins change them, team leads read them) and one's own notices. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Automation rules")
class AutomationApi {

    private final AutomationRules rules;
    private final RuleNotices notices;

    AutomationApi(AutomationRules rules, RuleNotices notices) {
        this.rules = rules;
        this.notices = notices;
    }

    @GetMapping("/automation/rules")
    @Operation(summary = "Every rule in the order they run, with what each did in the last 7 days")
    List<RuleView> list(Actor actor) {
        return rules.list(actor);
    }

    @GetMapping("/automation/rules/{id}")
    RuleView get(Actor actor, @PathVariable long id) {
        return rules.get(actor, id);
    }

    @PostMapping("/automation/rules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a rule (admins); checked whole, the first problem answers 400 naming its field, e.g. conditions[0].value")
    RuleView create(Actor actor, @Valid @RequestBody RuleCommand command) {
        return rules.create(actor, command);
    }

    @PutMapping("/automation/rules/{id}")
    @Operation(summary = "Change a rule (admins); send the version you read, a stale one answers 409")
    RuleView update(Actor actor, @PathVariable long id, @Valid @RequestBody RuleCommand command) {
        return rules.update(actor, id, command);
    }

    @DeleteMapping("/automation/rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Actor actor, @PathVariable long id, @RequestParam(required = false) Long version) {
        rules.delete(actor, id, version);
    }

    @GetMapping("/automation/rules/{id}/runs")
    @Operation(summary = "The rule's latest runs, newest first: applied (what changed) or failed and skipped (why)")
    List<RuleRunView> runs(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "false") boolean failedOnly,
                           @RequestParam(defaultValue = "50") int limit) {
        return rules.runs(actor, id, failedOnly, limit);
    }

    @PostMapping("/automation/idle-rules/run")
    @Operation(summary = "Run the \"no activity\" rules now (admins; they also run every linia.automation.idle-check-every)")
    Map<String, Integer> runIdle(Actor actor) {
        return Map.of("applied", rules.runIdleRulesNow(actor));
    }

    @GetMapping("/notices")
    @Operation(summary = "Notices automation rules sent to me, newest first")
    List<RuleNoticeView> notices(Actor actor, @RequestParam(defaultValue = "50") int limit) {
        return notices.mine(actor, limit);
    }

    @PostMapping("/notices/read")
    Map<String, Integer> readAll(Actor actor) {
        return Map.of("read", notices.markAllRead(actor));
    }
}
