package io.linia.training;

public enum EnrolmentStatus {
    ACTIVE, COMPLETED, CANCELLED
}
