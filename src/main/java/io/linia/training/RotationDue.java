package io.linia.training;

import java.time.LocalDate;

/**
 * An agent due for a rotation course: in the group since {@code since} (the group certification, else the
 * account's creation), last rotated on {@code lastRotation} (null: never), due from {@code dueFrom} and by
 * {@code dueBy}; {@code overdue} when the day asked about is after {@code dueBy}.
 */
public record RotationDue(long ruleId, long userId, String userName, long groupId, LocalDate since, LocalDate lastRotation,
                          LocalDate dueFrom, LocalDate dueBy, boolean overdue) {
}
