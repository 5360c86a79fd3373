package io.linia.tickets;

import java.util.List;

/**
 * A message that arrived by a channel other than Linia's own pages (e-mail): who sent it, what it
 * says (plain text always; sanitised HTML when the mail had it) and what it carried. {@code note}
 * is shown to staff beside the message (e.g. attachments that were over the size limit).
 */
public record IncomingMail(String fromEmail, String fromName, String subject, String text, String html,
                           List<NewAttachment> attachments, String note) {

    public IncomingMail {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A file that came with a message; {@code contentId} names an inline part that the HTML shows. */
    public record NewAttachment(String fileName, String contentType, String contentId, boolean inline, byte[] content) {
    }
}
