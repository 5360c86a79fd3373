package io.linia.intake.web;

import io.linia.accounts.Actor;
import io.linia.intake.MailChannel;
import io.linia.intake.MailChannel.ConnectionCheck;
import io.linia.intake.MailChannel.Overview;
import io.linia.intake.MailboxCommand;
import io.linia.intake.MailboxView;
import io.linia.intake.OutboxView;
import io.linia.intake.OutboxView.OutboxState;
import io.linia.intake.PollResult;
import io.linia.intake.QuarantineView;
import io.linia.intake.QuarantineView.QuarantineState;
import io.linia.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
 * The e-mail channel's administration over REST (administrators only): mailboxes, the quarantine of
 * unreadable mail and the outbox. Errors are problem details like the rest of the API.
 */
@RestController
@RequestMapping("/api/v1/admin/mail")
@Tag(name = "Mail administration")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "basic")
class MailAdminApi {

    private static final MediaType RFC822 = MediaType.parseMediaType("message/rfc822");

    private final MailChannel mail;

    MailAdminApi(MailChannel mail) {
        this.mail = mail;
    }

    @GetMapping
    @Operation(summary = "Counts: mailboxes, open quarantine, mail waiting and failed; whether sending (SMTP) is configured")
    Overview overview(Actor actor) {
        return mail.overview(actor);
    }

    @GetMapping("/mailboxes")
    @Operation(summary = "All mailboxes by name (never their passwords)")
    List<MailboxView> mailboxes(Actor actor) {
        return mail.mailboxes(actor);
    }

    @GetMapping("/mailboxes/{id}")
    @Operation(summary = "One mailbox")
    MailboxView mailbox(Actor actor, @PathVariable long id) {
        return mail.mailbox(actor, id);
    }

    @PostMapping("/mailboxes")
    @Operation(summary = "Add a mailbox (a password is required)")
    ResponseEntity<MailboxView> create(Actor actor, @Valid @RequestBody MailboxCommand body) {
        MailboxView created = mail.create(actor, body);
        return ResponseEntity.created(URI.create("/api/v1/admin/mail/mailboxes/" + created.id())).body(created);
    }

    @PutMapping("/mailboxes/{id}")
    @Operation(summary = "Change a mailbox; send the version you read (a stale one answers 409); an empty password keeps the stored one")
    MailboxView update(Actor actor, @PathVariable long id, @Valid @RequestBody MailboxCommand body) {
        try {
            return mail.update(actor, id, body);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.CONFLICT && e.properties().containsKey("currentVersion")) {
                // the channel's refusal speaks of tickets; say it of the mailbox, keep the current version
                throw DomainException.conflict("mailadmin.stale", mail.mailbox(actor, id).name()).with("currentVersion", e.properties().get("currentVersion"));
            }
            throw e;
        }
    }

    @PostMapping("/mailboxes/{id}/check")
    @Operation(summary = "Connect, log in and open the folder: how many mails wait, whether IDLE works, or why it failed")
    ConnectionCheck check(Actor actor, @PathVariable long id) {
        return mail.check(actor, id);
    }

    @PostMapping("/mailboxes/{id}/read")
    @Operation(summary = "Read the mailbox now; the answer counts what became of each mail")
    PollResult read(Actor actor, @PathVariable long id) {
        return mail.readNow(actor, id);
    }

    @GetMapping("/quarantine")
    @Operation(summary = "Quarantined mail, newest first (state: OPEN, RETRIED, DISMISSED; none for all)")
    List<QuarantineView> quarantine(Actor actor, @RequestParam(required = false) QuarantineState state,
                                    @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return mail.quarantine(actor, state, limit);
    }

    @GetMapping("/quarantine/{id}/raw")
    @Operation(summary = "The quarantined mail's raw source, byte for byte (message/rfc822)")
    ResponseEntity<byte[]> raw(Actor actor, @PathVariable long id) {
        return ResponseEntity.ok()
                .contentType(RFC822)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("mail-" + id + ".eml").build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(mail.rawSource(actor, id));
    }

    @PostMapping("/quarantine/{id}/retry")
    @Operation(summary = "Parse the mail again; readable now, it becomes a ticket or joins one (409 when still unreadable)")
    QuarantineView retry(Actor actor, @PathVariable long id) {
        return mail.retryQuarantined(actor, id);
    }

    @PostMapping("/quarantine/{id}/dismiss")
    @Operation(summary = "Dismiss an open quarantined mail")
    QuarantineView dismiss(Actor actor, @PathVariable long id) {
        return mail.dismissQuarantined(actor, id);
    }

    @GetMapping("/outbox")
    @Operation(summary = "Mail sent and to be sent, newest first (state: PENDING, RETRYING, SENT, FAILED, BOUNCED; none for all)")
    List<OutboxView> outbox(Actor actor, @RequestParam(required = false) OutboxState state,
                            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return mail.outbox(actor, state, limit);
    }

    @PostMapping("/outbox/{id}/retry")
    @Operation(summary = "Send a failed or retrying mail at the next pass (409 for any other state)")
    OutboxView retryOutbox(Actor actor, @PathVariable long id) {
        return mail.retryOutbox(actor, id);
    }

    @PostMapping("/outbox/send")
    @Operation(summary = "Send what is due now instead of waiting for the sender's next round")
    Map<String, Integer> sendNow(Actor actor) {
        return Map.of("sent", mail.sendNow(actor));
    }
}
