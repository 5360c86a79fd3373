package io.linia.analytics.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** A series' step, in the desk's wall-clock time: an hour, a day, a week from Monday. */
public enum Interval {
    HOUR, DAY, WEEK;

    /** The start of the step holding an hour (UTC hours since the epoch), as the desk writes it. */
    String bucket(long hour, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofEpochSecond(hour * 3600, 0, zone.getRules().getOffset(java.time.Instant.ofEpochSecond(hour * 3600)));
        return switch (this) {
            case HOUR -> local.truncatedTo(ChronoUnit.HOURS).toString();
            case DAY -> local.toLocalDate().toString();
            case WEEK -> local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
        };
    }

    /** The step holding a day of the desk (DAY or WEEK). */
    String bucket(LocalDate day) {
        return this == WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString() : day.toString();
    }

    /** Every step of the desk's days [from, to], in order. */
    List<String> buckets(LocalDate from, LocalDate to, ZoneId zone) {
        List<String> all = new ArrayList<>();
        switch (this) {
            case HOUR -> {
                long first = Math.floorDiv(from.atStartOfDay(zone).toEpochSecond(), 3600);
                long end = Math.floorDiv(to.plusDays(1).atStartOfDay(zone).toEpochSecond() + 3599, 3600);
                for (long h = first; h < end; h++) {
                    String b = bucket(h, zone);
                    if (all.isEmpty() || !all.get(all.size() - 1).equals(b)) {
                        all.add(b);
                    }
                }
            }
            case DAY -> {
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    all.add(d.toString());
                }
            }
            case WEEK -> {
                for (LocalDate d = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !d.isAfter(to); d = d.plusWeeks(1)) {
                    all.add(d.toString());
                }
            }
        }
        return all;
    }
}
