package io.linia.training;

import java.time.Instant;

/** A question the trainee asked on a ticket of the trainer's while shadowing, with the trainer's answer once given. */
public record ShadowQuestion(long id, long enrolmentId, long traineeId, String traineeName, long trainerId, long ticketId, String number,
                             String subject, String question, Instant askedAt, String answer, Instant answeredAt, String answeredBy) {

    public boolean answered() {
        return answeredAt != null;
    }
}
