package io.linia.knowledge;

import io.linia.tickets.TicketAction;

/** Which of the ticket page's reply forms a canned answer fills. */
public enum CannedAction {
    ANSWER(TicketAction.ANSWER), ASK_FOR_INFORMATION(TicketAction.ASK_FOR_INFORMATION), REPLY(TicketAction.REPLY),
    SOLVE(TicketAction.SOLVE);

    private final TicketAction ticketAction;

    CannedAction(TicketAction ticketAction) {
        this.ticketAction = ticketAction;
    }

    public TicketAction ticketAction() {
        return ticketAction;
    }
}
