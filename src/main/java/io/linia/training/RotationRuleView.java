package io.linia.training;

public record RotationRuleView(long id, String name, Long groupId, int monthsAfter, int withinMonths, long programmeId,
                               String programmeName, boolean active) {
}
