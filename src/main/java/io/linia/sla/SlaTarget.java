package io.linia.sla;

/** What is promised: the first public answer, the next answer after a customer writes, the solution. */
public enum SlaTarget {
    FIRST_RESPONSE, NEXT_RESPONSE, RESOLUTION
}
