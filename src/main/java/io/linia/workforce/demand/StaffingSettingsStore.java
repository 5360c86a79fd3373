package io.linia.workforce.demand;

import io.linia.accounts.Actor;
import io.linia.shared.DomainException;
import io.linia.workforce.ShiftStaffingAggregation;
import io.linia.workforce.staff.StaffAccess;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staffing settings planners set in the UI or the API, stored over the defaults of
 * {@code linia.workforce.staffing.*} (one row, or none while the defaults are in force). Each bad value is
 * refused at its field and nothing is saved; a save naming a stale version is refused (409).
 */
@Service
public class StaffingSettingsStore {

    private static final String COLUMNS = "first_line_handling_min, second_line_handling_min, service_level, answer_within_min,"
            + " shrinkage, aggregation, carry_closed_hours, first_line_minimum, second_line_minimum, second_line_share, share_min_tickets,"
            + " changed_at, changed_by, version";

    private final JdbcTemplate jdbc;
    private final DemandProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;

    StaffingSettingsStore(JdbcTemplate jdbc, DemandProperties properties, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The settings in force. */
    public StaffingSettings current() {
        List<StaffingSettings> stored = jdbc.query("select " + COLUMNS + " from staffing_settings where id = 1", (rs, i) ->
                new StaffingSettings(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getInt(4), rs.getDouble(5),
                        ShiftStaffingAggregation.valueOf(rs.getString(6)), rs.getBoolean(7), rs.getInt(8), rs.getInt(9), rs.getDouble(10),
                        rs.getInt(11), true, rs.getTimestamp(12).toInstant(), rs.getLong(13), rs.getLong(14)));
        return stored.isEmpty() ? StaffingSettings.defaults(properties) : stored.get(0);
    }

    /** The defaults of {@code linia.workforce.staffing.*}. */
    public StaffingSettings defaults() {
        return StaffingSettings.defaults(properties);
    }

    /** Each problem of the command by its field (empty when it can be saved). */
    public Map<String, DomainException> problems(StaffingSettingsCommand c) {
        Map<String, DomainException> problems = new LinkedHashMap<>();
        range(problems, "firstLineHandlingMinutes", c.firstLineHandlingMinutes(), 0.5, 1440);
        range(problems, "secondLineHandlingMinutes", c.secondLineHandlingMinutes(), 0.5, 1440);
        if (c.serviceLevelPercent() == null) {
            problems.put("serviceLevelPercent", required());
        } else if (!(c.serviceLevelPercent() >= 1 && c.serviceLevelPercent() <= 99.9)) {
            problems.put("serviceLevelPercent", DomainException.invalid("serviceLevelPercent", "wfdemand.settings.range", 1, 99.9));
        }
        range(problems, "answerWithinMinutes", c.answerWithinMinutes() == null ? null : c.answerWithinMinutes().doubleValue(), 0, 10080);
        range(problems, "shrinkagePercent", c.shrinkagePercent(), 0, 90);
        if (c.aggregation() == null || c.aggregation().isBlank()) {
            problems.put("aggregation", required());
        } else {
            try {
                ShiftStaffingAggregation.valueOf(c.aggregation());
            } catch (IllegalArgumentException e) {
                problems.put("aggregation", DomainException.invalid("aggregation", "wfdemand.settings.aggregationUnknown"));
            }
        }
        range(problems, "firstLineMinimum", c.firstLineMinimum() == null ? null : c.firstLineMinimum().doubleValue(), 0, 500);
        range(problems, "secondLineMinimum", c.secondLineMinimum() == null ? null : c.secondLineMinimum().doubleValue(), 0, 500);
        range(problems, "secondLineSharePercent", c.secondLineSharePercent(), 0, 100);
        range(problems, "shareMinTickets", c.shareMinTickets() == null ? null : c.shareMinTickets().doubleValue(), 0, 1_000_000);
        if (c.carryClosedHours() == null) {
            problems.put("carryClosedHours", required());
        }
        problems.replaceAll((field, e) -> e.field() == null ? DomainException.invalid(field, e.messageKey(), e.args()) : e);
        return problems;
    }

    /**
     * Saves the settings (planners).
     *
     * @throws DomainException forbidden unless a planner; invalid at the first bad field; conflict when the version is stale
     */
    public StaffingSettings save(Actor actor, StaffingSettingsCommand c) {
        StaffAccess.requirePlanner(actor);
        Map<String, DomainException> problems = problems(c);
        if (!problems.isEmpty()) {
            throw problems.values().iterator().next();
        }
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            StaffingSettings current = current();
            if (c.version() != null && c.version() != current.version()) {
                throw DomainException.conflict("wfdemand.settings.stale").with("currentVersion", current.version());
            }
            Object[] values = {c.firstLineHandlingMinutes(), c.secondLineHandlingMinutes(), c.serviceLevelPercent() / 100,
                    c.answerWithinMinutes(), c.shrinkagePercent() / 100, c.aggregation(), c.carryClosedHours(), c.firstLineMinimum(),
                    c.secondLineMinimum(), c.secondLineSharePercent() / 100, c.shareMinTickets(), Timestamp.from(now), actor.id()};
            if (current.stored()) {
                int updated = jdbc.update("update staffing_settings set first_line_handling_min = ?, second_line_handling_min = ?,"
                        + " service_level = ?, answer_within_min = ?, shrinkage = ?, aggregation = ?, carry_closed_hours = ?,"
                        + " first_line_minimum = ?, second_line_minimum = ?, second_line_share = ?, share_min_tickets = ?, changed_at = ?,"
                        + " changed_by = ?, version = version + 1 where id = 1 and version = ?", append(values, current.version()));
                if (updated == 0) {
                    throw DomainException.conflict("wfdemand.settings.stale");
                }
            } else {
                jdbc.update("insert into staffing_settings (id, " + COLUMNS + ") values (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", values);
            }
        });
        return current();
    }

    /** Back to the defaults of {@code linia.workforce.staffing.*} (planners). */
    public StaffingSettings reset(Actor actor) {
        StaffAccess.requirePlanner(actor);
        tx.executeWithoutResult(s -> jdbc.update("delete from staffing_settings where id = 1"));
        return current();
    }

    /** The settings as a form shows them before a change. */
    public static StaffingSettingsCommand commandOf(StaffingSettings s) {
        return new StaffingSettingsCommand(s.firstLineHandlingMinutes(), s.secondLineHandlingMinutes(), s.serviceLevelPercent(),
                s.answerWithinMinutes(), s.shrinkagePercent(), s.aggregation().name(), s.carryClosedHours(), s.firstLineMinimum(),
                s.secondLineMinimum(), s.secondLineSharePercent(), s.shareMinTickets(), s.version());
    }

    private static Object[] append(Object[] values, Object last) {
        Object[] all = java.util.Arrays.copyOf(values, values.length + 1);
        all[values.length] = last;
        return all;
    }

    private static DomainException required() {
        return DomainException.invalid(null, "wfdemand.settings.required");
    }

    private static void range(Map<String, DomainException> problems, String field, Double value, double min, double max) {
        if (value == null) {
            problems.put(field, required());
        } else if (!(value >= min && value <= max)) {
            problems.put(field, DomainException.invalid(field, "wfdemand.settings.range", fmt(min), fmt(max)));
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
