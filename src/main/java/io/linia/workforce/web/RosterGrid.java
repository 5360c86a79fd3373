package io.linia.workforce.web;

import io.linia.tickets.Line;
import io.linia.workforce.AgentProfile;
import io.linia.workforce.Availability;
import io.linia.workforce.AvailabilityEntry;
import io.linia.workforce.DayKind;
import io.linia.workforce.RosterExplanation;
import io.linia.workforce.RosterNeed;
import io.linia.workforce.ShiftSlot;
import io.linia.workforce.schedule.RosterView;
import io.linia.workforce.schedule.ScheduledShift;
import io.linia.workforce.staff.ShiftTemplateView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * One week of a period's roster laid out for the page: by agent (a row per agent, a cell per day with the
 * day's shifts: worked or not, pinned, and what the agent said about it) and by shift (each day's shifts
 * with the need per queue against the agents on it now, the shortfall, and who is on it). The need is
 * the last solve's (from its explanation); the agents on each queue are counted from the roster as it
 * stands, hand edits included (a shift given by hand sits on a seat beyond the need until a solve places it).
 */
public record RosterGrid(int week, int weeks, LocalDate from, LocalDate to, List<Day> days, List<AgentRow> agents,
                         List<ShiftDay> shiftDays) {

    public record Day(LocalDate date, boolean weekend) {
    }

    /** A template on a date, with its name and hours for the page. */
    public record SlotLabel(ShiftSlot slot, String name, String hours) {
        public String key() {
            return slot.date() + "." + slot.templateId();
        }
    }

    /**
     * One shift of one agent's day.
     *
     * @param availability what the agent said about it (AVAILABLE when nothing)
     */
    public record CellShift(SlotLabel label, boolean assigned, boolean pinned, Availability availability) {
        public boolean unavailable() {
            return availability == Availability.UNAVAILABLE;
        }

        public boolean preferred() {
            return availability == Availability.PREFERRED;
        }
    }

    public record Cell(LocalDate date, List<CellShift> shifts) {
        public boolean worked() {
            return shifts.stream().anyMatch(CellShift::assigned);
        }
    }

    public record AgentRow(long userId, String name, Line line, boolean planned, boolean self, int weekShifts, List<Cell> cells) {
    }

    /** A queue of a shift: the need, the agents on it now. {@code groupId} {@link RosterNeed#WHOLE_LINE} is the first line as a whole; null the seats beyond the need. */
    public record QueueRow(Line line, Long groupId, String label, int required, int assigned) {
        public int shortfall() {
            return Math.max(0, required - assigned);
        }
    }

    public record AgentOnShift(long userId, String name, boolean pinned, boolean self, String queue) {
    }

    public record ShiftBlock(SlotLabel label, List<QueueRow> queues, List<AgentOnShift> agents) {
        public int required() {
            return queues.stream().mapToInt(QueueRow::required).sum();
        }

        public int assigned() {
            return agents.size();
        }

        public int shortfall() {
            return queues.stream().mapToInt(QueueRow::shortfall).sum();
        }
    }

    public record ShiftDay(LocalDate date, boolean weekend, List<ShiftBlock> shifts) {
    }

    /**
     * @param week        1-based week of the period (clamped)
     * @param profiles    the planned agents; agents on the roster but no longer planned get a row too
     * @param names       names of users who are not among the profiles
     * @param queueLabel  the label of a queue (line, group id; null group: beyond the need)
     * @param viewer      the signed-in user, whose row and shifts are highlighted
     */
    static RosterGrid of(LocalDate firstDay, LocalDate lastDay, int week, RosterView roster, RosterExplanation explanation,
                         List<AgentProfile> profiles, List<ShiftSlot> slots, List<AvailabilityEntry> availability,
                         List<ShiftTemplateView> templates, java.util.Locale locale, LongFunction<String> names,
                         QueueLabels queueLabel, long viewer) {
        int weeks = (int) ((java.time.temporal.ChronoUnit.DAYS.between(firstDay, lastDay) + 7) / 7);
        int w = Math.max(1, Math.min(weeks, week));
        LocalDate from = firstDay.plusWeeks(w - 1L);
        LocalDate to = from.plusDays(6).isAfter(lastDay) ? lastDay : from.plusDays(6);
        Map<Long, ShiftTemplateView> byId = new HashMap<>();
        templates.forEach(t -> byId.put(t.id(), t));
        List<Day> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(new Day(d, false));
        }
        Map<LocalDate, List<SlotLabel>> labels = new LinkedHashMap<>();
        Map<LocalDate, Boolean> weekend = new HashMap<>();
        slots.stream().filter(s -> !s.date().isBefore(from) && !s.date().isAfter(to)).sorted(Comparator.comparing(ShiftSlot::start))
                .forEach(s -> {
                    ShiftTemplateView t = byId.get(s.templateId());
                    labels.computeIfAbsent(s.date(), d -> new ArrayList<>())
                            .add(new SlotLabel(s, t == null ? "#" + s.templateId() : t.name(locale), t == null ? "" : t.hours()));
                    if (s.dayKind() == DayKind.WEEKEND_OR_HOLIDAY) {
                        weekend.put(s.date(), true);
                    }
                });
        days = days.stream().map(d -> new Day(d.date(), weekend.getOrDefault(d.date(), false))).toList();

        Map<String, Availability> said = new HashMap<>();
        availability.forEach(e -> said.put(e.userId() + "/" + e.date() + "/" + e.templateId(), e.availability()));
        List<ScheduledShift> shifts = roster == null ? List.of() : roster.shifts();
        Map<String, ScheduledShift> worked = new HashMap<>();
        shifts.forEach(s -> worked.put(s.userId() + "/" + s.date() + "/" + s.templateId(), s));

        Map<Long, AgentRow> rows = new LinkedHashMap<>();
        Map<Long, String> nameOf = new HashMap<>();
        for (AgentProfile p : profiles) {
            nameOf.put(p.userId(), p.name());
        }
        for (ScheduledShift s : shifts) {
            nameOf.computeIfAbsent(s.userId(), names::apply);
        }
        Map<Long, Line> lineOf = new HashMap<>();
        profiles.forEach(p -> lineOf.put(p.userId(), p.line()));
        shifts.forEach(s -> lineOf.putIfAbsent(s.userId(), s.line()));
        List<Long> users = new ArrayList<>(nameOf.keySet());
        users.sort(Comparator.comparing((Long u) -> lineOf.get(u) == null ? 9 : lineOf.get(u).ordinal())
                .thenComparing(u -> Objects.toString(nameOf.get(u), "")));
        java.util.Set<Long> planned = new java.util.HashSet<>();
        profiles.forEach(p -> planned.add(p.userId()));
        for (long user : users) {
            List<Cell> cells = new ArrayList<>();
            int count = 0;
            for (Day day : days) {
                List<CellShift> cs = new ArrayList<>();
                for (SlotLabel l : labels.getOrDefault(day.date(), List.of())) {
                    String key = user + "/" + day.date() + "/" + l.slot().templateId();
                    ScheduledShift s = worked.get(key);
                    cs.add(new CellShift(l, s != null, s != null && s.pinned(), said.getOrDefault(key, Availability.AVAILABLE)));
                    count += s != null ? 1 : 0;
                }
                cells.add(new Cell(day.date(), cs));
            }
            rows.put(user, new AgentRow(user, nameOf.get(user), lineOf.get(user), planned.contains(user), user == viewer, count, cells));
        }

        Map<String, RosterExplanation.ShiftCoverage> coverage = new HashMap<>();
        if (explanation != null) {
            explanation.shifts().forEach(c -> coverage.put(c.slot().date() + "/" + c.slot().templateId(), c));
        }
        List<ShiftDay> shiftDays = new ArrayList<>();
        for (Day day : days) {
            List<ShiftBlock> blocks = new ArrayList<>();
            for (SlotLabel l : labels.getOrDefault(day.date(), List.of())) {
                List<ScheduledShift> on = shifts.stream().filter(s -> s.date().equals(day.date()) && s.templateId() == l.slot().templateId())
                        .toList();
                Map<String, QueueRow> queues = new LinkedHashMap<>();
                RosterExplanation.ShiftCoverage c = coverage.get(day.date() + "/" + l.slot().templateId());
                if (c != null) {
                    for (RosterExplanation.QueueCoverage q : c.queues()) {
                        queues.put(q.line() + "/" + q.groupId(), new QueueRow(q.line(), q.groupId(), queueLabel.label(q.line(), q.groupId()),
                                q.required(), 0));
                    }
                }
                for (ScheduledShift s : on) {
                    String key = s.groupId() == null ? "extra" : s.line() + "/" + s.groupId();
                    QueueRow q = queues.get(key);
                    queues.put(key, q == null
                            ? new QueueRow(s.line(), s.groupId(), queueLabel.label(s.groupId() == null ? null : s.line(), s.groupId()), 0, 1)
                            : new QueueRow(q.line(), q.groupId(), q.label(), q.required(), q.assigned() + 1));
                }
                List<AgentOnShift> agents = on.stream().map(s -> new AgentOnShift(s.userId(), nameOf.get(s.userId()), s.pinned(),
                                s.userId() == viewer, queueLabel.label(s.groupId() == null ? null : s.line(), s.groupId())))
                        .sorted(Comparator.comparing(a -> Objects.toString(a.name(), ""))).toList();
                blocks.add(new ShiftBlock(l, new ArrayList<>(queues.values()), agents));
            }
            shiftDays.add(new ShiftDay(day.date(), day.weekend(), blocks));
        }
        return new RosterGrid(w, weeks, from, to, days, new ArrayList<>(rows.values()), shiftDays);
    }

    /** Names a queue for the page. */
    @FunctionalInterface
    interface QueueLabels {
        /** @param line null for the seats beyond the need */
        String label(Line line, Long groupId);
    }
}
