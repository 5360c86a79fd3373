package io.linia.workforce;

import java.time.LocalTime;

/** A shift the desk works on every day of its kind, e.g. weekdays 09:00–15:00, weekends and holidays 10:00–18:00. */
public record ShiftTemplate(long id, String code, String nameRu, String nameEn, DayKind dayKind, LocalTime start,
                            LocalTime end, boolean active) {

    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameRu;
    }
}
