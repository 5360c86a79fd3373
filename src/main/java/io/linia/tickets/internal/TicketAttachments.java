package io.linia.tickets.internal;

import io.linia.tickets.IncomingMail.NewAttachment;
import io.linia.tickets.TicketView.AttachmentView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Files that came with messages. The facts are read with the ticket (one query per ticket); the
 * bytes are a separate entity, read only for a download.
 */
@Component
public class TicketAttachments {

    /** File names are cut to what the column holds, keeping the extension; control characters removed. */
    private static final int NAME_MAX = 255;

    private final TicketAttachmentRepository repository;
    private final TicketAttachmentContentRepository contents;

    TicketAttachments(TicketAttachmentRepository repository, TicketAttachmentContentRepository contents) {
        this.repository = repository;
        this.contents = contents;
    }

    /** Stores the files of a message; the ids come from the sequence at once, the rows go with the transaction's batch. */
    public void store(long ticketId, long messageId, List<NewAttachment> files, Instant now) {
        for (NewAttachment f : files) {
            TicketAttachment a = repository.save(new TicketAttachment(ticketId, messageId, fileName(f.fileName()),
                    f.contentType() == null || f.contentType().isBlank() ? "application/octet-stream" : cut(f.contentType(), 255),
                    f.contentId() == null ? null : cut(f.contentId(), 255), f.inline(), f.content().length, now));
            contents.save(new TicketAttachmentContent(a, f.content()));
        }
    }

    /** Each message's attachments of one ticket, in one query. */
    public Map<Long, List<AttachmentView>> ofTicket(long ticketId) {
        return repository.findByTicketIdOrderById(ticketId).stream().collect(Collectors.groupingBy(
                TicketAttachment::messageId, Collectors.mapping(TicketAttachment::toView, Collectors.toList())));
    }

    public Optional<TicketAttachment> find(long attachmentId) {
        return repository.findById(attachmentId);
    }

    public byte[] content(long attachmentId) {
        return contents.findById(attachmentId).map(TicketAttachmentContent::content).orElseThrow();
    }

    static String fileName(String name) {
        String clean = name == null ? "" : name.replaceAll("[\\p{Cntrl}/\\\\]", "_").strip();
        if (clean.isEmpty()) {
            clean = "attachment";
        }
        if (clean.length() <= NAME_MAX) {
            return clean;
        }
        int dot = clean.lastIndexOf('.');
        String ext = dot > 0 && clean.length() - dot <= 10 ? clean.substring(dot) : "";
        return clean.substring(0, NAME_MAX - ext.length()) + ext;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
