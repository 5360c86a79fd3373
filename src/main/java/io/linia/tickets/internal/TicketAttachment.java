package io.linia.tickets.internal;

import io.linia.tickets.TicketView.AttachmentView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** The facts of a file that came with a message; its bytes live apart ({@link TicketAttachments}). */
@Entity
@Table(name = "ticket_attachment")
public class TicketAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_attachment_seq")
    @SequenceGenerator(name = "ticket_attachment_seq", sequenceName = "ticket_attachment_seq", allocationSize = 50)
    private Long id;
    private long ticketId;
    private long messageId;
    private String fileName;
    private String contentType;
    private String contentId;
    @Column(name = "inline_part")
    private boolean inline;
    private long sizeBytes;
    private Instant createdAt;

    protected TicketAttachment() {
    }

    TicketAttachment(long ticketId, long messageId, String fileName, String contentType, String contentId,
                     boolean inline, long sizeBytes, Instant createdAt) {
        this.ticketId = ticketId;
        this.messageId = messageId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.contentId = contentId;
        this.inline = inline;
        this.sizeBytes = sizeBytes;
        this.createdAt = createdAt;
    }

    public Long id() { return id; }

    public long ticketId() { return ticketId; }

    public long messageId() { return messageId; }

    public String fileName() { return fileName; }

    public String contentType() { return contentType; }

    public AttachmentView toView() {
        return new AttachmentView(id, fileName, contentType, contentId, inline, sizeBytes);
    }
}
