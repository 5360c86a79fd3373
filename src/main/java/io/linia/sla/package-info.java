/**
 * Service levels: SLA policies (per line, group, priority and category; first response, next response,
 * resolution; in business or calendar time), each ticket's targets with a clock that pauses while the
 * ticket waits for the customer, warnings and breaches found by a periodic pass, notices to team
 * leads and the actions a breach triggers. Listens to the tickets module's events; tells it each
 * ticket's nearest due time for queues. Public API: {@link io.linia.sla.ServiceLevels}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service levels")
package io.linia.sla;
