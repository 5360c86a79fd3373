package io.linia.tickets;

/**
 * Where a ticket stands against its service-level targets, as the SLA module last said: no running
 * target, within time, past the warning point, or past a due time. Queues sort and colour by it.
 */
public enum SlaState {
    NONE, OK, WARNING, BREACHED
}
