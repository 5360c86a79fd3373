package io.linia.quality.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linia.quality.WeekMeasures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weekly trend charts (Chart.js line charts, data only, drawn by {@code /js/charts.js}): one per charted measure,
 * one line per side (the agent, their group dashed). Times in minutes. The trend table next to them shows the same
 * values (its cells carry them in {@code data-value}).
 */
public final class TrendCharts {

    /** The measures charted, in order. */
    static final List<MeasureColumn> METRICS = MeasureColumn.ALL.stream().filter(c -> List.of("handled", "handlingMedian",
            "firstResponseMedian", "slaMetPercent", "escalationPercent", "reopenPercent", "repeatPercent", "csatAverage",
            "reviewAverage").contains(c.id())).toList();
    private static final String[] COLORS = {"#0d6efd", "#6c757d"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrendCharts() {
    }

    /** A value as charted (and in the trend table's {@code data-value}): a count, minutes (two decimals), a percent or decimal; null when none. */
    public static Object chartValue(MeasureColumn c, Object v) {
        if (v == null) {
            return null;
        }
        return switch (c.kind()) {
            case COUNT -> v;
            case DURATION -> minutes((Long) v).doubleValue();
            case PERCENT, DECIMAL -> ((BigDecimal) v).doubleValue();
        };
    }

    static BigDecimal minutes(long ms) {
        return BigDecimal.valueOf(ms).divide(BigDecimal.valueOf(60_000), 2, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** Chart configurations by metric id. */
    static Map<String, String> configs(List<String> sides, List<List<WeekMeasures>> weeks) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> labels = weeks.get(0).stream().map(w -> w.week().toString()).toList();
        for (MeasureColumn c : METRICS) {
            List<Map<String, Object>> sets = new ArrayList<>();
            for (int s = 0; s < sides.size(); s++) {
                List<Object> data = new ArrayList<>();
                for (WeekMeasures w : weeks.get(s)) {
                    data.add(chartValue(c, c.of(w.measures())));
                }
                Map<String, Object> set = new LinkedHashMap<>();
                set.put("label", sides.get(s));
                set.put("data", data);
                set.put("borderColor", COLORS[s % COLORS.length]);
                set.put("backgroundColor", COLORS[s % COLORS.length]);
                set.put("borderWidth", 2);
                set.put("pointRadius", 3);
                set.put("spanGaps", true);
                if (s > 0) {
                    set.put("borderDash", List.of(6, 4));
                }
                sets.add(set);
            }
            Map<String, Object> y = new LinkedHashMap<>();
            y.put("beginAtZero", true);
            if (c.kind() == MeasureColumn.Kind.PERCENT) {
                y.put("suggestedMax", 100);
            }
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("animation", false);
            options.put("responsive", true);
            options.put("maintainAspectRatio", false);
            options.put("interaction", Map.of("mode", "index", "intersect", false));
            options.put("scales", Map.of("y", y));
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("type", "line");
            config.put("data", Map.of("labels", labels, "datasets", sets));
            config.put("options", options);
            try {
                out.put(c.id(), JSON.writeValueAsString(config));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
