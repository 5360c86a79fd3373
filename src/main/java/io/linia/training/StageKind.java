package io.linia.training;

/** The five kinds of stage, in the order the desk usually runs them (a programme may order them its own way). */
public enum StageKind {
    STUDY, TRAINER_SESSION, SHADOWING, SUPERVISED_WORK, ATTESTATION;

    /** Shadowing and supervised work are complete when a minimum of tickets or hours is reached. */
    public boolean counted() {
        return this == SHADOWING || this == SUPERVISED_WORK;
    }
}
