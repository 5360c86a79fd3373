package io.linia.workforce.staff;

import io.linia.shared.DomainException;
import io.linia.workforce.DayKind;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a planner enters for a shift template. {@code end} 00:00 means midnight at the end of the day;
 * otherwise the shift must end after it starts (a shift never runs past midnight). {@code version} is
 * the one the form was opened with (null for a new template); {@code active} null means active.
 *
 * <p>Field names in refusals: {@code code}, {@code nameRu}, {@code nameEn}, {@code dayKind}, {@code start}, {@code end}.
 */
public record ShiftTemplateCommand(
        @Schema(description = "Short unique code: lower-case letters, digits, '-', '_' or '.'", example = "weekday-morning") String code,
        @Schema(example = "Утренняя (будни)") String nameRu,
        @Schema(example = "Morning (weekdays)") String nameEn,
        DayKind dayKind,
        @Schema(type = "string", example = "09:00") LocalTime start,
        @Schema(type = "string", example = "15:00", description = "00:00 is midnight at the end of the day") LocalTime end,
        Boolean active,
        Long version) {

    public static final int MAX_CODE = 40;
    public static final int MAX_NAME = 80;
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    /** Every refusal by field, in the form's order; empty when it can be saved (uniqueness, use and version aside). */
    public Map<String, DomainException> problems() {
        Map<String, DomainException> problems = new LinkedHashMap<>();
        String c = normalisedCode();
        if (c.isEmpty()) {
            problems.put("code", DomainException.invalid("code", "wfstaff.template.codeRequired"));
        } else if (c.length() > MAX_CODE || !CODE.matcher(c).matches()) {
            problems.put("code", DomainException.invalid("code", "wfstaff.template.codeFormat", MAX_CODE));
        }
        name("nameRu", nameRu, problems);
        name("nameEn", nameEn, problems);
        if (dayKind == null) {
            problems.put("dayKind", DomainException.invalid("dayKind", "wfstaff.template.dayKindRequired"));
        }
        if (start == null) {
            problems.put("start", DomainException.invalid("start", "wfstaff.template.timeRequired"));
        } else if (start.getSecond() != 0 || start.getNano() != 0) {
            problems.put("start", DomainException.invalid("start", "wfstaff.template.wholeMinutes"));
        }
        if (end == null) {
            problems.put("end", DomainException.invalid("end", "wfstaff.template.timeRequired"));
        } else if (end.getSecond() != 0 || end.getNano() != 0) {
            problems.put("end", DomainException.invalid("end", "wfstaff.template.wholeMinutes"));
        } else if (start != null && !end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
            problems.put("end", DomainException.invalid("end", "wfstaff.template.endBeforeStart", ShiftTemplateView.clock(start),
                    ShiftTemplateView.clock(end)));
        }
        return problems;
    }

    public String normalisedCode() {
        return code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
    }

    public boolean activeOrDefault() {
        return active == null || active;
    }

    private static void name(String field, String value, Map<String, DomainException> problems) {
        if (value == null || value.isBlank()) {
            problems.put(field, DomainException.invalid(field, "wfstaff.template.nameRequired"));
        } else if (value.strip().length() > MAX_NAME) {
            problems.put(field, DomainException.invalid(field, "wfstaff.template.nameLong", MAX_NAME));
        }
    }
}
