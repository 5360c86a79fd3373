package io.linia.workforce;

/** Shift templates are per kind of day: weekdays, or weekends and public holidays (from the business calendar). */
public enum DayKind {
    WEEKDAY, WEEKEND_OR_HOLIDAY
}
