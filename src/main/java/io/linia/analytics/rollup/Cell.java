package io.linia.analytics.rollup;

/**
 * One rollup cell's key: an hour (UTC, hours since the epoch), a channel, a category (0: none), a line and a
 * second-line group (0: none). Ordered, so that writers lock cells in one order and never deadlock each other.
 */
public record Cell(long hour, String channel, long categoryId, String line, long groupId) implements Comparable<Cell> {

    @Override
    public int compareTo(Cell o) {
        int c = Long.compare(hour, o.hour);
        if (c == 0) c = channel.compareTo(o.channel);
        if (c == 0) c = Long.compare(categoryId, o.categoryId);
        if (c == 0) c = line.compareTo(o.line);
        if (c == 0) c = Long.compare(groupId, o.groupId);
        return c;
    }

    /** The UTC day of the hour (days since the epoch). */
    public int day() {
        return (int) Math.floorDiv(hour, 24);
    }
}
