package io.linia.training.attestation;

import java.time.Instant;
import java.util.List;

/**
 * The trainee's view of the attestation of one enrolment: the rules (no questions), whether they may start now or
 * from when ({@code retakeFrom}), why not ({@code blockedBy}: a message key), the open attempt and those before.
 */
public record AttestationPage(long enrolmentId, long traineeId, String traineeName, long trainerId, String programmeName,
                              boolean atAttestation, boolean ready, int questionCount, int timeLimitMinutes, int passMark,
                              int retakePauseMinutes, int practicalWeight, int taskCount, boolean mayStart, String blockedBy,
                              Instant retakeFrom, Attempt open, List<Attempt> past) {
}
