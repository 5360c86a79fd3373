package io.linia.workforce.web;

import io.linia.workforce.staff.AvailabilitySheets.DeskShift;
import io.linia.workforce.staff.PeriodView;
import io.linia.workforce.staff.ShiftTemplateView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The desk's answers for a period laid out like an agent's grid: per date and shift, how many cannot and how many would like to. */
public record DeskTable(List<ShiftTemplateView> columns, List<Row> rows) {

    public record Row(LocalDate date, List<DeskShift> shifts) {
    }

    static DeskTable of(PeriodView period, List<DeskShift> desk, List<ShiftTemplateView> templates) {
        Map<Long, ShiftTemplateView> byId = new LinkedHashMap<>();
        templates.forEach(t -> byId.put(t.id(), t));
        List<ShiftTemplateView> columns = desk.stream().map(DeskShift::templateId).distinct().map(byId::get).filter(Objects::nonNull)
                .sorted(Comparator.comparing(ShiftTemplateView::dayKind).thenComparing(ShiftTemplateView::start)
                        .thenComparingLong(ShiftTemplateView::id)).toList();
        Map<LocalDate, Map<Long, DeskShift>> byDate = new LinkedHashMap<>();
        desk.forEach(d -> byDate.computeIfAbsent(d.date(), k -> new LinkedHashMap<>()).put(d.templateId(), d));
        List<Row> rows = new ArrayList<>();
        for (LocalDate date = period.firstDay(); !date.isAfter(period.lastDay()); date = date.plusDays(1)) {
            Map<Long, DeskShift> shifts = byDate.getOrDefault(date, Map.of());
            rows.add(new Row(date, columns.stream().map(t -> shifts.get(t.id())).toList()));
        }
        return new DeskTable(columns, rows);
    }
}
