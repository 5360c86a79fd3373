package io.linia.tickets;

/** Everything that can happen to a ticket; each history entry names one. */
public enum TicketAction {
    // agents' commands
    ANSWER, ASK_FOR_INFORMATION, CLOSE, ESCALATE, REPLY, SOLVE, RETURN_TO_FIRST_LINE,
    ADD_NOTE, TAKE, RELEASE, ASSIGN, CHANGE_PRIORITY, RECATEGORISE,
    // what customers and Linia itself do
    CREATED, CUSTOMER_REPLIED, REOPENED, FOLLOW_UP_CREATED, AUTO_CLOSED,
    // categorisation: Linia set the suggested category; a person chose another than the suggested one
    AUTO_CATEGORISED, SUGGESTION_CORRECTED,
    // tags put on or taken off (by agents or automation rules)
    TAGGED, UNTAGGED;

    /** The commands an agent may be offered on the ticket page. */
    public static final java.util.List<TicketAction> AGENT_COMMANDS = java.util.List.of(
            ANSWER, ASK_FOR_INFORMATION, CLOSE, ESCALATE, REPLY, SOLVE, RETURN_TO_FIRST_LINE,
            ADD_NOTE, TAKE, RELEASE, ASSIGN, CHANGE_PRIORITY, RECATEGORISE);
}
