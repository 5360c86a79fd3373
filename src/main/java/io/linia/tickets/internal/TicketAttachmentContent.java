package io.linia.tickets.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * The bytes of an attachment: an entity of its own so that reading a ticket never loads them. Its id
 * is the attachment's, so it says itself whether it is new (no read before the insert).
 */
@Entity
@Table(name = "ticket_attachment_content")
class TicketAttachmentContent implements Persistable<Long> {

    @Id
    private Long attachmentId;
    /** Named as an association so that its row is always written after the attachment's. */
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @MapsId
    @JoinColumn(name = "attachment_id")
    private TicketAttachment attachment;
    private byte[] content;
    @Transient
    private boolean fresh;

    protected TicketAttachmentContent() {
    }

    TicketAttachmentContent(TicketAttachment attachment, byte[] content) {
        this.attachment = attachment;
        this.attachmentId = attachment.id();
        this.content = content;
        this.fresh = true;
    }

    byte[] content() {
        return content;
    }

    @Override
    public Long getId() {
        return attachmentId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }
}
