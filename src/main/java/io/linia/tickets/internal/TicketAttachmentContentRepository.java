package io.linia.tickets.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface TicketAttachmentContentRepository extends JpaRepository<TicketAttachmentContent, Long> {
}
