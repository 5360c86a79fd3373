package io.linia.intake;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.intake.OutboxView.OutboxState;
import io.linia.intake.QuarantineView.QuarantineState;
import io.linia.intake.internal.Mailbox;
import io.linia.intake.internal.MailboxAdministration;
import io.linia.shared.DomainException;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The e-mail channel as admins and tests see it: mailboxes (add, change, read now, test the
 * connection), the quarantine of unreadable mail (raw source, retry, dismiss), and the outbox
 * (what was sent, what waits, retry now). Everything here is for admins.
 */
@Service
public class MailChannel {

    private final MailboxAdministration admin;

    MailChannel(MailboxAdministration admin) {
        this.admin = admin;
    }

    public List<MailboxView> mailboxes(Actor actor) {
        requireAdmin(actor);
        return admin.mailboxes();
    }

    public MailboxView mailbox(Actor actor, long id) {
        requireAdmin(actor);
        return admin.mailbox(id).map(Mailbox::toView)
                .orElseThrow(() -> DomainException.notFound("mail.error.mailboxNotFound", id));
    }

    public MailboxView create(Actor actor, MailboxCommand command) {
        requireAdmin(actor);
        return admin.create(command);
    }

    public MailboxView update(Actor actor, long id, MailboxCommand command) {
        requireAdmin(actor);
        return admin.update(id, command);
    }

    /** Reads the mailbox now (all waiting mail); the result says what became of it. */
    public PollResult readNow(Actor actor, long id) {
        requireAdmin(actor);
        return admin.readNow(id);
    }

    /** Connects, logs in and opens the folder; the answer says how many mails wait, or why it failed. */
    public ConnectionCheck check(Actor actor, long id) {
        requireAdmin(actor);
        return admin.check(id);
    }

    public record ConnectionCheck(boolean ok, int messages, int unprocessed, boolean idle, String error) {
    }

    public List<QuarantineView> quarantine(Actor actor, QuarantineState state, int limit) {
        requireAdmin(actor);
        return admin.quarantine(state, limit);
    }

    public byte[] rawSource(Actor actor, long quarantineId) {
        requireAdmin(actor);
        return admin.raw(quarantineId);
    }

    /** Parses the mail again; when readable now it becomes a ticket (or joins one). Returns the updated entry. */
    public QuarantineView retryQuarantined(Actor actor, long quarantineId) {
        requireAdmin(actor);
        return admin.retry(quarantineId, actor.name());
    }

    public QuarantineView dismissQuarantined(Actor actor, long quarantineId) {
        requireAdmin(actor);
        return admin.dismiss(quarantineId, actor.name());
    }

    /** The newest mails read and what became of each (all outcomes when {@code outcome} is null). */
    public List<InboundView> journal(Actor actor, InboundView.Outcome outcome, int limit) {
        requireAdmin(actor);
        return admin.journal(outcome, limit);
    }

    public List<OutboxView> outbox(Actor actor, OutboxState state, int limit) {
        requireAdmin(actor);
        return admin.outbox(state, limit);
    }

    public OutboxView retryOutbox(Actor actor, long outboxId) {
        requireAdmin(actor);
        return admin.retryOutbox(outboxId);
    }

    /** Sends what is due now instead of waiting for the sender's next round; returns how many were sent. */
    public int sendNow(Actor actor) {
        requireAdmin(actor);
        return admin.sendDue();
    }

    /**
     * Takes mails given as raw RFC 822 bytes (e.g. .eml files) as if they had been read from the mailbox:
     * parsed, threaded, deduplicated, quarantined when unreadable. Nothing changes on the mail server.
     */
    public PollResult importMessages(Actor actor, long mailboxId, java.util.List<byte[]> raws) {
        requireAdmin(actor);
        return admin.importMessages(mailboxId, raws);
    }

    public record Overview(long mailboxes, long quarantined, long waiting, long failed, boolean sending) {
    }

    public Overview overview(Actor actor) {
        requireAdmin(actor);
        return admin.overview();
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw DomainException.forbidden("linia.error.forbidden");
        }
    }
}
