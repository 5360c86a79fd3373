package io.linia.workforce.staff;

import io.linia.workforce.DayKind;
import io.linia.workforce.ShiftTemplate;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Locale;

/** A shift template as pages and the API show it, with the version an edit must send back. */
public record ShiftTemplateView(long id, String code, String nameRu, String nameEn, DayKind dayKind,
                                @Schema(type = "string", example = "09:00:00") LocalTime start,
                                @Schema(type = "string", example = "15:00:00", description = "00:00 is midnight at the end of the day") LocalTime end,
                                boolean active, long version) {

    public ShiftTemplate toTemplate() {
        return new ShiftTemplate(id, code, nameRu, nameEn, dayKind, start, end, active);
    }

    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameRu;
    }

    /** {@code 09:00–15:00}; an end at midnight is shown as {@code 24:00}. */
    public String hours() {
        return clock(start) + "–" + (end.equals(LocalTime.MIDNIGHT) ? "24:00" : clock(end));
    }

    /** Length on an ordinary day (no clock change), e.g. 6 hours. */
    public Duration length() {
        long startMinute = start.toSecondOfDay() / 60;
        long endMinute = end.equals(LocalTime.MIDNIGHT) ? 24 * 60 : end.toSecondOfDay() / 60;
        return Duration.ofMinutes(endMinute - startMinute);
    }

    static String clock(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}
