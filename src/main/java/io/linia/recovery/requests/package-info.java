/**
 * Access recovery requests: the questionnaire, the evidence and the decisions
 * ({@link io.linia.recovery.requests.RecoveryRequests}), and who may decide
 * ({@link io.linia.recovery.requests.RecoveryDeciders}, the recovery certification).
 */
@org.springframework.modulith.NamedInterface("requests")
package io.linia.recovery.requests;
