package io.linia.sla.web;

import io.linia.sla.SlaPolicyCommand;
import io.linia.sla.SlaPolicyView;
import io.linia.tickets.Line;
import io.linia.tickets.Priority;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The policy form as typed: every field as text, so that what the admin wrote comes back as written
 * when something is refused. Targets are an amount and a unit (minutes, hours, and for the resolution
 * also days); the queue is one choice: {@code FIRST}, {@code SECOND} (any group) or {@code group:<id>}.
 */
record SlaPolicyForm(String name, String queue, String priority, String categoryId,
                     String firstResponse, String firstResponseUnit, String nextResponse, String nextResponseUnit,
                     String resolution, String resolutionUnit, String time, String calendarId,
                     boolean raisePriority, String moveToGroupId, boolean notifyAssignee, String notifyUserId,
                     boolean active, String version) {

    static final String MINUTES = "MINUTES";
    static final String HOURS = "HOURS";
    static final String DAYS = "DAYS";
    static final String BUSINESS = "BUSINESS";
    static final String CALENDAR = "CALENDAR";

    /** The command's field → the form's field, for refusals named by the command (API names). */
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("name", "name"), Map.entry("line", "queue"), Map.entry("groupId", "queue"),
            Map.entry("priority", "priority"), Map.entry("categoryId", "categoryId"),
            Map.entry("firstResponseMinutes", "firstResponse"), Map.entry("nextResponseMinutes", "nextResponse"),
            Map.entry("resolutionMinutes", "resolution"), Map.entry("resolutionDays", "resolution"),
            Map.entry("businessTime", "time"), Map.entry("calendarId", "calendarId"),
            Map.entry("raisePriority", "raisePriority"), Map.entry("moveToGroupId", "moveToGroupId"),
            Map.entry("notifyAssignee", "notifyAssignee"), Map.entry("notifyUserId", "notifyUserId"),
            Map.entry("active", "active"), Map.entry("version", "form"));

    static String formField(String commandField) {
        return FIELDS.getOrDefault(commandField, "form");
    }

    /** A blank form: first line, business time by the default calendar, active. */
    static SlaPolicyForm blank() {
        return new SlaPolicyForm("", "FIRST", "", "", "", MINUTES, "", MINUTES, "", HOURS, BUSINESS, "",
                false, "", false, "", true, "");
    }

    /** The form showing a stored policy; {@code copy}: as the start of a new one (no version, name marked). */
    static SlaPolicyForm of(SlaPolicyView p, String copySuffix) {
        String queue = p.line() == Line.FIRST ? "FIRST" : p.groupId() == null ? "SECOND" : "group:" + p.groupId();
        String[] first = amount(p.firstResponseMinutes());
        String[] next = amount(p.nextResponseMinutes());
        String[] resolution = p.resolutionDays() != null ? new String[]{String.valueOf(p.resolutionDays()), DAYS}
                : amount(p.resolutionMinutes());
        boolean copy = copySuffix != null;
        return new SlaPolicyForm(copy ? p.name() + copySuffix : p.name(), queue, p.priority() == null ? "" : p.priority().name(),
                text(p.categoryId()), first[0], first[1], next[0], next[1], resolution[0], resolution[1],
                p.businessTime() ? BUSINESS : CALENDAR, text(p.calendarId()), p.raisePriority(), text(p.moveToGroupId()),
                p.notifyAssignee(), text(p.notifyUserId()), p.active(), copy ? "" : String.valueOf(p.version()));
    }

    static SlaPolicyForm read(Map<String, String> params) {
        return new SlaPolicyForm(get(params, "name"), get(params, "queue"), get(params, "priority"), get(params, "categoryId"),
                get(params, "firstResponse"), get(params, "firstResponseUnit"), get(params, "nextResponse"),
                get(params, "nextResponseUnit"), get(params, "resolution"), get(params, "resolutionUnit"),
                get(params, "time"), get(params, "calendarId"), checked(params, "raisePriority"), get(params, "moveToGroupId"),
                checked(params, "notifyAssignee"), get(params, "notifyUserId"), checked(params, "active"), get(params, "version"));
    }

    /** The same form with another version: after a conflict, saving again replaces what is stored now. */
    SlaPolicyForm withVersion(long version) {
        return new SlaPolicyForm(name, queue, priority, categoryId, firstResponse, firstResponseUnit, nextResponse,
                nextResponseUnit, resolution, resolutionUnit, time, calendarId, raisePriority, moveToGroupId, notifyAssignee,
                notifyUserId, active, String.valueOf(version));
    }

    public boolean businessTime() {
        return !CALENDAR.equals(time);
    }

    /** What the form says, or the refusals of its text (form field → message key and arguments) when it cannot be read. */
    record Reading(SlaPolicyCommand command, Map<String, Object[]> problems) {
    }

    /**
     * The command this form stands for. Text that is no number, an unknown choice, a fraction of a
     * minute or of a day are refused here, at the form's field; everything else (ranges, the desk's
     * data) is the command's validation, the same as the API's.
     */
    Reading toCommand() {
        Map<String, Object[]> problems = new LinkedHashMap<>();
        Line line = null;
        Long groupId = null;
        if ("FIRST".equals(queue)) {
            line = Line.FIRST;
        } else if ("SECOND".equals(queue)) {
            line = Line.SECOND;
        } else if (queue != null && queue.startsWith("group:")) {
            line = Line.SECOND;
            groupId = id(queue.substring("group:".length()), "queue", problems);
        } else {
            problems.put("queue", new Object[]{"sla.form.queueRequired"});
        }
        Priority p = null;
        if (!blank(priority)) {
            try {
                p = Priority.valueOf(priority.strip());
            } catch (IllegalArgumentException e) {
                problems.put("priority", new Object[]{"sla.form.choice"});
            }
        }
        Integer first = minutes(firstResponse, firstResponseUnit, "firstResponse", problems);
        Integer next = minutes(nextResponse, nextResponseUnit, "nextResponse", problems);
        Integer resolutionMinutes = null;
        Integer resolutionDays = null;
        if (DAYS.equals(resolutionUnit)) {
            resolutionDays = whole(resolution, "resolution", problems);
        } else {
            resolutionMinutes = minutes(resolution, resolutionUnit, "resolution", problems);
        }
        boolean business = businessTime();
        SlaPolicyCommand command = new SlaPolicyCommand(name, line, groupId, p, id(categoryId, "categoryId", problems),
                first, next, resolutionMinutes, resolutionDays, business,
                // the calendar belongs to business time; in calendar time the (hidden) choice is not sent on
                business ? id(calendarId, "calendarId", problems) : null,
                raisePriority, id(moveToGroupId, "moveToGroupId", problems), notifyAssignee,
                id(notifyUserId, "notifyUserId", problems), active, blank(version) ? null : id(version, "form", problems));
        return new Reading(command, problems);
    }

    /** Minutes from an amount in minutes or hours (fractions of an hour allowed when they make whole minutes). */
    private static Integer minutes(String amount, String unit, String field, Map<String, Object[]> problems) {
        if (blank(amount)) {
            return null;
        }
        BigDecimal value = decimal(amount);
        if (value == null) {
            problems.put(field, new Object[]{"sla.form.number", amount.strip()});
            return null;
        }
        if (HOURS.equals(unit)) {
            value = value.multiply(BigDecimal.valueOf(60));
        } else if (!MINUTES.equals(unit)) {
            problems.put(field, new Object[]{"sla.form.choice"});
            return null;
        }
        if (value.stripTrailingZeros().scale() > 0) {
            problems.put(field, new Object[]{"sla.form.wholeMinutes"});
            return null;
        }
        return clamp(value);
    }

    private static Integer whole(String amount, String field, Map<String, Object[]> problems) {
        if (blank(amount)) {
            return null;
        }
        BigDecimal value = decimal(amount);
        if (value == null) {
            problems.put(field, new Object[]{"sla.form.number", amount.strip()});
            return null;
        }
        if (value.stripTrailingZeros().scale() > 0) {
            problems.put(field, new Object[]{"sla.form.wholeDays"});
            return null;
        }
        return clamp(value);
    }

    /** Out-of-range numbers stay out of range (the command's bounds then refuse them) without overflowing. */
    private static Integer clamp(BigDecimal value) {
        BigDecimal v = value.setScale(0, RoundingMode.UNNECESSARY);
        if (v.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return Integer.MAX_VALUE;
        }
        if (v.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
            return Integer.MIN_VALUE;
        }
        return v.intValueExact();
    }

    private static BigDecimal decimal(String text) {
        String t = text.strip().replace(',', '.').replace(" ", "").replace("\u00a0", "");
        if (t.length() > 18) {
            return null;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long id(String text, String field, Map<String, Object[]> problems) {
        if (blank(text)) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            problems.putIfAbsent(field, new Object[]{"sla.form.choice"});
            return null;
        }
    }

    /** {@code 90} → 90 minutes; {@code 240} → 4 hours (whole hours are shown in hours). */
    private static String[] amount(Integer minutes) {
        if (minutes == null) {
            return new String[]{"", MINUTES};
        }
        return minutes % 60 == 0 ? new String[]{String.valueOf(minutes / 60), HOURS} : new String[]{String.valueOf(minutes), MINUTES};
    }

    private static String text(Long id) {
        return id == null ? "" : String.valueOf(id);
    }

    private static String get(Map<String, String> params, String name) {
        String v = params.get(name);
        return v == null ? "" : v;
    }

    private static boolean checked(Map<String, String> params, String name) {
        String v = params.get(name);
        return v != null && !v.isBlank() && !"false".equalsIgnoreCase(v.strip());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
