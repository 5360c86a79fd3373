package io.linia.analytics.rollup;

import io.linia.tickets.Line;
import io.linia.tickets.TicketAction;
import io.linia.tickets.TicketState;
import io.linia.tickets.TicketTimelines.Step;
import io.linia.tickets.TicketTimelines.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one ticket adds to the rollups, read from its history alone — the one rule both the events' upkeep and the
 * rebuild apply, so that they cannot disagree. All of a ticket's figures go under its channel and its category now
 * (the group it is sorted into is what the desk studies); the line and group are where the ticket was at the step.
 * <ul>
 *   <li>created: the creation hour, first line;</li>
 *   <li>escalated: the ticket's first pass to the second line, at the group it went to (a return and a new pass do
 *       not count it again: the share passed is a share of tickets);</li>
 *   <li>returned: each return to the first line, at the group that returned it;</li>
 *   <li>solved: each move into SOLVED, where it was solved; reopened: each move out of SOLVED back into work;</li>
 *   <li>backlog: -1 where an unfinished ticket (new, open or waiting for the customer) leaves, +1 where it arrives,
 *       so the sum up to a moment is the number open at that moment per line and group;</li>
 *   <li>first-line wait: creation to the first answer, question, reply, solve, close or pass to the second line,
 *       in the creation hour's cell.</li>
 * </ul>
 */
public final class TicketFlows {

    private static final Set<TicketState> UNFINISHED = EnumSet.of(TicketState.NEW, TicketState.OPEN,
            TicketState.WAITING_FOR_CUSTOMER);
    private static final Set<TicketAction> RESPONSES = EnumSet.of(TicketAction.ANSWER, TicketAction.ASK_FOR_INFORMATION,
            TicketAction.REPLY, TicketAction.SOLVE, TicketAction.CLOSE);

    private TicketFlows() {
    }

    /** The whole ticket's figures under its current channel and category. */
    public static Map<Cell, long[]> of(Timeline t) {
        return of(t, t.channel().name(), key(t.categoryId()), Long.MAX_VALUE);
    }

    /** The figures of the steps up to {@code lastStepId}, under the given channel and category. */
    public static Map<Cell, long[]> of(Timeline t, String channel, long categoryId, long lastStepId) {
        Map<Cell, long[]> cells = new TreeMap<>();
        TicketState state = null;
        Line line = Line.FIRST;
        long group = 0;
        boolean escalated = false;
        boolean waited = false;
        for (Step s : t.steps()) {
            if (s.id() > lastStepId) {
                break;
            }
            long hour = hour(s.at());
            TicketState to = s.toState() == null ? state : s.toState();
            Line toLine = s.toLine() == null ? line : s.toLine();
            long toGroup = toLine == Line.FIRST ? 0 : key(s.toGroupId());
            if (s.action() == TicketAction.CREATED) {
                add(cells, new Cell(hour, channel, categoryId, Line.FIRST.name(), 0), Figures.CREATED, 1);
            }
            if (!waited && s.action() != TicketAction.CREATED && state != null
                    && (RESPONSES.contains(s.action()) || (s.action() == TicketAction.ESCALATE && line == Line.FIRST))) {
                waited = true;
                Duration wait = Duration.between(t.createdAt(), s.at());
                Cell created = new Cell(hour(t.createdAt()), channel, categoryId, Line.FIRST.name(), 0);
                add(cells, created, Figures.WAIT_COUNT, 1);
                add(cells, created, Figures.WAIT_SECONDS, Math.max(0, wait.toSeconds()));
                add(cells, created, Figures.W0 + Figures.bucket(wait), 1);
            }
            if (line == Line.FIRST && toLine == Line.SECOND && !escalated && state != null) {
                escalated = true;
                add(cells, new Cell(hour, channel, categoryId, Line.SECOND.name(), toGroup), Figures.ESCALATED, 1);
            }
            if (s.action() == TicketAction.RETURN_TO_FIRST_LINE) {
                add(cells, new Cell(hour, channel, categoryId, Line.SECOND.name(), group), Figures.RETURNED, 1);
            }
            if (to == TicketState.SOLVED && state != TicketState.SOLVED) {
                add(cells, new Cell(hour, channel, categoryId, line.name(), group), Figures.SOLVED, 1);
            }
            if (state == TicketState.SOLVED && UNFINISHED.contains(to)) {
                add(cells, new Cell(hour, channel, categoryId, toLine.name(), toGroup), Figures.REOPENED, 1);
            }
            boolean wasOpen = state != null && UNFINISHED.contains(state);
            boolean isOpen = to != null && UNFINISHED.contains(to);
            boolean moved = line != toLine || group != toGroup;
            if (wasOpen && (!isOpen || moved)) {
                add(cells, new Cell(hour, channel, categoryId, line.name(), group), Figures.BACKLOG, -1);
            }
            if (isOpen && (!wasOpen || moved)) {
                add(cells, new Cell(hour, channel, categoryId, toLine.name(), toGroup), Figures.BACKLOG, 1);
            }
            state = to;
            line = toLine;
            group = toGroup;
        }
        cells.values().removeIf(TicketFlows::zero);
        return cells;
    }

    /** {@code after - before}, cell by cell, leaving out cells that do not change. */
    public static Map<Cell, long[]> difference(Map<Cell, long[]> after, Map<Cell, long[]> before) {
        Map<Cell, long[]> diff = new TreeMap<>();
        after.forEach((cell, f) -> diff.put(cell, f.clone()));
        before.forEach((cell, f) -> {
            long[] d = diff.computeIfAbsent(cell, c -> new long[Figures.SIZE]);
            for (int i = 0; i < Figures.SIZE; i++) {
                d[i] -= f[i];
            }
        });
        diff.values().removeIf(TicketFlows::zero);
        return diff;
    }

    /** Adds {@code more} into {@code into}, cell by cell. */
    public static void addAll(Map<Cell, long[]> into, Map<Cell, long[]> more) {
        more.forEach((cell, f) -> {
            long[] d = into.computeIfAbsent(cell, c -> new long[Figures.SIZE]);
            for (int i = 0; i < Figures.SIZE; i++) {
                d[i] += f[i];
            }
        });
    }

    public static long hour(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 3600);
    }

    public static long key(Long id) {
        return id == null ? 0 : id;
    }

    public static boolean zero(long[] f) {
        for (long v : f) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    static List<String> columns() {
        return List.of(Figures.COLUMNS);
    }

    private static void add(Map<Cell, long[]> cells, Cell cell, int figure, long value) {
        cells.computeIfAbsent(cell, c -> new long[Figures.SIZE])[figure] += value;
    }
}
