package io.linia.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Moments to and from the stores' {@code timestamp with time zone} columns, the same on H2 and PostgreSQL: written as
 * UTC offset date-times, read as instants; null stays null.
 */
public final class SqlTime {

    private SqlTime() {
    }

    /** A moment as a parameter. */
    public static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A column's moment. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
