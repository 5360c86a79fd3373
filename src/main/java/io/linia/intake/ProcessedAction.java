package io.linia.intake;

/**
 * What Linia does on the server with a mail it has taken (only after the ticket is committed):
 * set its own keyword flag ({@code $LiniaProcessed}; on servers without keywords, {@code \Seen}) or
 * move it to another folder.
 */
public enum ProcessedAction {
    FLAG, MOVE
}
