package io.linia.workforce.web;

import io.linia.workforce.Availability;
import io.linia.workforce.DayKind;
import io.linia.workforce.staff.SheetView;
import io.linia.workforce.staff.ShiftKey;
import io.linia.workforce.staff.ShiftTemplateView;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An availability sheet laid out for the page: weeks of dates as rows, the period's shifts as columns
 * (weekday shifts first, then the weekend-and-holiday ones), a cell where a date has that shift.
 */
public record AvailabilityGrid(List<ShiftTemplateView> columns, List<Week> weeks, long unavailable, long preferred) {

    public record Week(int number, LocalDate from, LocalDate to, List<Row> rows) {
    }

    public record Row(LocalDate date, DayKind kind, String holiday, List<Cell> cells) {

        public boolean weekend() {
            return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        }
    }

    /** A shift of the row's date (null template: the date has no such shift). */
    public record Cell(ShiftTemplateView template, Availability availability) {

        /** The form field of this cell: {@code c.2026-12-07.1}. */
        public String field(LocalDate date) {
            return "c." + date + "." + template.id();
        }
    }

    static String field(ShiftKey key) {
        return "c." + key.date() + "." + key.templateId();
    }

    /** The sheet's shifts with {@code values} (what the form holds) over the stored answers. */
    static AvailabilityGrid of(SheetView sheet, List<ShiftTemplateView> templates, Map<ShiftKey, Availability> values) {
        Map<Long, ShiftTemplateView> byId = new LinkedHashMap<>();
        templates.forEach(t -> byId.put(t.id(), t));
        List<ShiftTemplateView> columns = sheet.cells().stream().map(SheetView.Cell::templateId).distinct()
                .map(byId::get).filter(Objects::nonNull)
                .sorted(Comparator.comparing(ShiftTemplateView::dayKind).thenComparing(ShiftTemplateView::start)
                        .thenComparingLong(ShiftTemplateView::id)).toList();
        Map<LocalDate, Map<Long, Availability>> byDate = new LinkedHashMap<>();
        Map<LocalDate, DayKind> kinds = new LinkedHashMap<>();
        long unavailable = 0;
        long preferred = 0;
        for (SheetView.Cell c : sheet.cells()) {
            Availability value = values.getOrDefault(new ShiftKey(c.date(), c.templateId()), c.availability());
            byDate.computeIfAbsent(c.date(), d -> new LinkedHashMap<>()).put(c.templateId(), value);
            kinds.put(c.date(), c.dayKind());
            unavailable += value == Availability.UNAVAILABLE ? 1 : 0;
            preferred += value == Availability.PREFERRED ? 1 : 0;
        }
        List<Week> weeks = new ArrayList<>();
        LocalDate first = sheet.period().firstDay();
        for (int w = 0; w < sheet.period().weeks(); w++) {
            List<Row> rows = new ArrayList<>();
            for (int d = 0; d < 7; d++) {
                LocalDate date = first.plusDays(7L * w + d);
                Map<Long, Availability> shifts = byDate.getOrDefault(date, Map.of());
                List<Cell> cells = columns.stream().map(t -> shifts.containsKey(t.id()) ? new Cell(t, shifts.get(t.id()))
                        : new Cell(null, null)).toList();
                rows.add(new Row(date, kinds.get(date), sheet.holidays().get(date), cells));
            }
            weeks.add(new Week(w + 1, first.plusDays(7L * w), first.plusDays(7L * w + 6), rows));
        }
        return new AvailabilityGrid(columns, weeks, unavailable, preferred);
    }
}
