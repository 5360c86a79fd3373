package io.linia.quality.web;

import io.linia.quality.Measure;
import io.linia.quality.MeasureScope;
import io.linia.quality.Measures;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One row of a measures table: whose figures ({@code label}, a link to their page when there is one) and the links
 * from each count to the tickets behind it ({@code /agent/quality/measures/{by}/{key}/tickets}, within {@code groupId}
 * when the table is one group's, over the period's exact dates).
 */
public record MeasureRow(String label, String href, Measures m, Long groupId, Map<String, String> dates, boolean drills) {

    public MeasureRow(String label, String href, Measures m, Long groupId, Map<String, String> dates) {
        this(label, href, m, groupId, dates, true);
    }

    public String key() {
        return m.key();
    }

    /** The tickets behind a count of this row; null when the viewer may not open them (an agent: their group's). */
    public String link(Measure measure) {
        if (!drills) {
            return null;
        }
        return ticketsLink(m.by(), m.key(), groupId, measure, dates);
    }

    static String ticketsLink(MeasureScope by, String key, Long groupId, Measure measure, Map<String, String> dates) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/agent/quality/measures/{by}/{key}/tickets")
                .queryParam("measure", measure.slug());
        if (groupId != null) {
            b.queryParam("group", groupId);
        }
        dates.forEach(b::queryParam);
        return b.buildAndExpand(by.name().toLowerCase(Locale.ROOT), key).encode().toUriString();
    }
}
