package io.linia.tickets;

import io.linia.shared.CleanText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What agents and customers send. {@code version}, where present, is the ticket version the
 * sender saw; when it is given and the ticket has changed since, the command is refused (409).
 */
public final class TicketCommands {

    private TicketCommands() {
    }

    public static final int MAX_SUBJECT = 255;
    public static final int MAX_BODY_BYTES = 65536;

    /** A new ticket. {@code customerEmail}/{@code customerName} are for staff creating on a customer's behalf. */
    public record NewTicket(
            @NotBlank @Size(max = MAX_SUBJECT) @CleanText(maxBytes = 1020) String subject,
            @NotBlank @CleanText(maxBytes = MAX_BODY_BYTES) String body,
            @Email(regexp = ".+@.+\\..+") @Size(max = 254) String customerEmail,
            @Size(max = 120) @CleanText String customerName,
            Long categoryId,
            Priority priority) {
    }

    public record Answer(@NotBlank @CleanText(maxBytes = MAX_BODY_BYTES) String body,
                         @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "{linia.validation.url}") String articleUrl,
                         @Size(max = 255) @CleanText String articleTitle,
                         Long version,
                         Long articleId) {

        public Answer(String body, String articleUrl, String articleTitle, Long version) {
            this(body, articleUrl, articleTitle, version, null);
        }
    }

    public record AskForInformation(@NotBlank @CleanText(maxBytes = MAX_BODY_BYTES) String body, Long version) {
    }

    public record Close(@NotNull CloseReason reason, @Size(max = 2000) @CleanText String note, Long version) {
    }

    public record Escalate(@NotNull Long categoryId, @NotNull Long groupId,
                           @CleanText(maxBytes = MAX_BODY_BYTES) String note, Long version) {
    }

    /** A second-line reply; {@code articleId} names the knowledge-base article it is based on, if any. */
    public record Reply(@NotBlank @CleanText(maxBytes = MAX_BODY_BYTES) String body, Long version, Long articleId) {

        public Reply(String body, Long version) {
            this(body, version, null);
        }
    }

    /** Solve, optionally with a final public reply. */
    public record Solve(@CleanText(maxBytes = MAX_BODY_BYTES) String body, Long version) {
    }

    public record ReturnToFirstLine(@NotBlank @CleanText(maxBytes = MAX_BODY_BYTES) String note, Long version) {
    }

    public record Note(@NotBlank @CleanText(maxBytes = MAX_BODY_BYTES) String body) {
    }

    public record Assign(@NotNull Long assigneeId, Long version) {
    }

    public record ChangePriority(@NotNull Priority priority, Long version) {
    }

    public record Recategorise(@NotNull Long categoryId, Long version) {
    }

    /** Take, release: nothing but the version seen. */
    public record Versioned(Long version) {
    }

    /** A customer writing on their ticket. */
    public record CustomerMessage(@NotBlank @CleanText(maxBytes = MAX_BODY_BYTES) String body) {
    }
}
