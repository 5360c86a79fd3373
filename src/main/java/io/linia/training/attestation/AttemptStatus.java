package io.linia.training.attestation;

/** An attempt is open until submitted (or its time is up); with practical tasks it then waits for the trainer's grading. */
public enum AttemptStatus {
    OPEN, AWAITING_GRADING, PASSED, FAILED;

    public boolean graded() {
        return this == PASSED || this == FAILED;
    }
}
