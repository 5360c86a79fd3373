package io.linia.tickets;

/**
 * What became of an incoming mail: the ticket and message that hold it, whether it opened a new
 * ticket (a new request, or a follow-up of a closed one) and whether its sender is someone other
 * than the ticket's customer.
 */
public record MailReceipt(long ticketId, String number, long messageId, boolean newTicket, boolean foreignSender) {
}
