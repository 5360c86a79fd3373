package io.linia.recovery.api;

import io.linia.accounts.Actor;
import io.linia.recovery.abuse.ProofOfWork;
import io.linia.recovery.requests.DecisionCommand;
import io.linia.recovery.requests.Questionnaire;
import io.linia.recovery.requests.RecoveryDeciders;
import io.linia.recovery.requests.RecoveryEvidence;
import io.linia.recovery.requests.RecoveryRequests;
import io.linia.recovery.requests.RequestState;
import io.linia.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * Access recovery over the API: the public questionnaire (a proof of work first, as on the page), and for staff the
 * requests, their evidence (every read is audited), the decisions and the recovery certifications.
 */
@RestController
@RequestMapping("/api/v1/recovery")
@Tag(name = "Access recovery")
class RecoveryApi {

    private final RecoveryRequests requests;
    private final RecoveryDeciders deciders;
    private final ProofOfWork proofOfWork;

    RecoveryApi(RecoveryRequests requests, RecoveryDeciders deciders, ProofOfWork proofOfWork) {
        this.requests = requests;
        this.deciders = deciders;
        this.proofOfWork = proofOfWork;
    }

    /** A questionnaire as the API takes it: the page's fields, and the solved proof of work. */
    record QuestionnaireBody(String mailbox, String contactEmail, String contactName, LocalDate registrationDate,
                             String registrationCity, List<String> passwords, List<String> folders, List<String> contacts,
                             List<String> filters, List<String> devices, LocalDate lastLoginDate, String freeText,
                             String powToken, String powSolution) {

        Questionnaire questionnaire() {
            return new Questionnaire(mailbox, contactEmail, contactName, new Questionnaire.Answers(registrationDate,
                    registrationCity, passwords, folders, contacts, filters, devices, lastLoginDate, freeText));
        }

        @Override
        public String toString() { // never print the passwords
            return "QuestionnaireBody[mailbox=" + mailbox + ", contactEmail=" + contactEmail + "]";
        }
    }

    record Received(String ticketNumber, boolean refusedByPolicy) {
    }

    @GetMapping("/questionnaire/challenge")
    @Operation(summary = "A proof-of-work challenge for the questionnaire (no sign-in)",
            description = "Find a decimal counter such that SHA-256(UTF-8 of token + \":\" + counter) starts with at least `bits` "
                    + "zero bits; send it as powSolution with the token as powToken. Single use, valid until expiresAt.")
    ProofOfWork.Challenge challenge() {
        return proofOfWork.issue();
    }

    @PostMapping("/questionnaire")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Submit the access-recovery questionnaire (no sign-in)",
            description = "Checked first (400 naming the field: mailbox, contactEmail, registrationDate, passwords (at most 5), "
                    + "folders/contacts/filters/devices (at most 10 lines of 200 characters), freeText (4000), answers (none "
                    + "given)), then the proof of work (400 at `proof`), then the rate limits per mailbox, contact address and "
                    + "IP address (429 with Retry-After). Passwords are checked against the directory at once and never kept. "
                    + "A request about someone else's mailbox is refused at once by policy (refusedByPolicy).")
    Received submit(@RequestBody QuestionnaireBody body, HttpServletRequest request) {
        if (body == null) {
            throw DomainException.invalid("mailbox", "recovery.address.required");
        }
        Questionnaire q = body.questionnaire();
        var problems = requests.problems(q);
        if (!problems.isEmpty()) {
            throw problems.values().iterator().next();
        }
        proofOfWork.verify(body.powToken(), body.powSolution());
        Locale locale = LocaleContextHolder.getLocale();
        RecoveryRequests.Submitted s = requests.submit(q, List.of(), locale, request.getRemoteAddr());
        return new Received(s.ticketNumber(), s.refusedByPolicy());
    }

    @GetMapping("/requests")
    @Operation(summary = "Recovery requests, newest first, with the ticket's SLA deadline (staff who see the tickets)")
    List<RecoveryRequests.RequestSummary> list(Actor actor, @RequestParam(required = false) RequestState state,
                                               @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) {
            throw DomainException.invalid("limit", "linia.validation.pageSize", 500);
        }
        return requests.list(actor, state, limit);
    }

    @GetMapping("/requests/{id}")
    @Operation(summary = "A request's evidence: answers, the directory's masked facts, score with explanation, decisions, "
            + "what the caller may decide; the read is written to the audit log",
            description = "otherRequests lists the other requests for the same mailbox (newest first: submitted date, ticket "
                    + "number, earlier or later, state, last decision, refusedByPolicy with its note). When any of them was "
                    + "refused by policy, fourEyesForced is true and autoRecommended false: a RESTORE then always waits for "
                    + "CONFIRM by another certified agent, whatever the score. It does not refuse the request by itself.")
    RecoveryEvidence evidence(Actor actor, @PathVariable long id) {
        return requests.evidence(actor, id);
    }

    @PostMapping("/requests/{id}/decisions")
    @Operation(summary = "Decide (certified agents of the recovery group): RESTORE, CONFIRM, REJECT, ASK_MORE, REFUSE, POLICY",
            description = "RESTORE needs resetLink and/or unblock; below the restore threshold, or whenever another request "
                    + "for the mailbox was refused by policy (fourEyesForced), it waits for CONFIRM by another certified agent (four eyes). ASK_MORE needs a comment (what to add; the person gets a link). REFUSE needs "
                    + "a reason (OTHER also a comment). POLICY refuses by the third-party policy; nothing overrides it. "
                    + "Send the version you read: a stale one answers 409.")
    RecoveryEvidence decide(Actor actor, @PathVariable long id, @RequestBody DecisionCommand command) {
        return requests.decide(actor, id, command);
    }

    record Grant(Long userId, LocalDate validUntil) {
    }

    @GetMapping("/deciders")
    @Operation(summary = "Recovery certifications, valid or not (staff)")
    List<RecoveryDeciders.Certification> deciders(Actor actor) {
        if (!actor.isStaff()) {
            throw DomainException.forbidden("linia.error.forbidden");
        }
        return deciders.all();
    }

    @PostMapping("/deciders")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Grant the recovery certification to a second-line agent or team lead (team leads, admins)")
    RecoveryDeciders.Certification grant(Actor actor, @RequestBody Grant grant) {
        if (grant == null || grant.userId() == null) {
            throw DomainException.invalid("userId", "linia.validation.required");
        }
        return deciders.grant(actor, grant.userId(), grant.validUntil());
    }

    @PostMapping("/deciders/{id}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a certification; the record stays (team leads, admins)")
    void revoke(Actor actor, @PathVariable long id) {
        deciders.revoke(actor, id);
    }
}
