package io.linia.training.attestation;

/** Single choice (one right option), multiple choice (exactly the right set), short answer (one of the accepted answers). */
public enum QuestionKind {
    SINGLE, MULTIPLE, SHORT;

    public boolean choice() {
        return this != SHORT;
    }
}
