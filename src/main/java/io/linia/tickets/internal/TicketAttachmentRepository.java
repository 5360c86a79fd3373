package io.linia.tickets.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TicketAttachmentRepository extends JpaRepository<TicketAttachment, Long> {

    List<TicketAttachment> findByTicketIdOrderById(long ticketId);
}
