package io.linia.analytics.api;

import io.linia.tickets.Channel;
import io.linia.tickets.Line;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What a series is asked for: the desk's days [{@code from}, {@code to}] (both included) in its zone, and the
 * filters. Turned into a range of UTC hours and a SQL condition over the rollup's key columns.
 */
public record SeriesQuery(LocalDate from, LocalDate to, ZoneId zone, Channel channel, Line line, Long groupId, Long categoryId) {

    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public long startHour() {
        return Math.floorDiv(start().getEpochSecond(), 3600);
    }

    /** The first hour after the range (a zone with a half-hour offset rounds its days to whole UTC hours). */
    public long endHour() {
        return Math.floorDiv(end().getEpochSecond() + 3599, 3600);
    }

    /** The same number of days just before this range. */
    public SeriesQuery previous() {
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        return new SeriesQuery(from.minusDays(days), from.minusDays(1), zone, channel, line, groupId, categoryId);
    }

    SeriesQuery days(LocalDate from, LocalDate to) {
        return new SeriesQuery(from, to, zone, channel, line, groupId, categoryId);
    }

    /** " and …" for the filters, its arguments appended to {@code args}. */
    String filters(List<Object> args) {
        StringBuilder sql = new StringBuilder();
        if (channel != null) {
            sql.append(" and channel = ?");
            args.add(channel.name());
        }
        if (line != null) {
            sql.append(" and line = ?");
            args.add(line.name());
        }
        if (groupId != null) {
            sql.append(" and group_id = ?");
            args.add(groupId);
        }
        if (categoryId != null) {
            sql.append(" and category_id = ?");
            args.add(categoryId);
        }
        return sql.toString();
    }

    /** " where hour_no >= ? and hour_no < ?" plus the filters. */
    String hours(List<Object> args) {
        args.add(startHour());
        args.add(endHour());
        return " where hour_no >= ? and hour_no < ?" + filters(args);
    }

    static List<Object> args() {
        return new ArrayList<>();
    }

    /** Inflow into a second-line place is what was passed there; into the desk, what was created. */
    public boolean secondLine() {
        return line == Line.SECOND || groupId != null;
    }
}
