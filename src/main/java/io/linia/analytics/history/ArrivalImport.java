package io.linia.analytics.history;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.routing.CategoryRef;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.tickets.Channel;
import io.linia.workforce.ArrivalCountsFile;
import io.linia.workforce.demand.ArrivalBatch;
import io.linia.workforce.demand.ArrivalHistory;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Arrival history imported from analytics' page and API: a desk that moves to Linia brings the counts of its previous
 * tool (a CSV of timestamp, count, optional channel and category; rows every 5 minutes to a day; the zone of timestamps
 * given), read by the workforce module's {@link ArrivalCountsFile} (the same rules as its own import). Analytics checks
 * more than the workforce does: channels must be Linia's channel names (WEB, EMAIL, API, any case) and categories Linia's
 * category codes; an unknown one refuses the file with the first line that has it, and nothing is stored. An accepted
 * file is stored by the workforce's {@link ArrivalHistory} (one transaction), the one store of imported history: it feeds
 * the workforce forecast, the spike alerts' usual level and the dashboards' usual inflow ({@code ArrivalBaselines}), as a
 * file imported on the workforce's demand page does. A row longer than an hour is spread evenly over the hours it covers
 * (a daily count of 48 is 2 an hour), shorter rows add up into their hour.
 *
 * <p>Administrators import and delete here; staff list (the workforce's batches, whichever page imported them).
 */
@Service
public class ArrivalImport {

    /** One imported file (or the demo's seeded history, {@code source} DEMO). */
    public record Batch(long id, String label, String source, String fileName, String zone, int intervalMinutes, int rows,
                        Instant firstHour, Instant endHour, boolean channels, boolean categories, double total, Instant importedAt,
                        Long importedBy) {

        static Batch of(ArrivalBatch b) {
            return new Batch(b.id(), b.label(), b.source(), b.fileName(), b.zone(), b.interval(), b.rows(), b.firstHour(), b.endHour(),
                    b.channels(), b.categories(), b.total(), b.importedAt(), b.importedById());
        }
    }

    static final int MAX_LABEL = 200;
    static final int MAX_COUNTS = 2_000_000;

    private final ArrivalHistory history;
    private final RoutingDirectory routing;

    ArrivalImport(ArrivalHistory history, RoutingDirectory routing) {
        this.history = history;
        this.routing = routing;
    }

    /**
     * Imports a CSV (administrators).
     *
     * @throws DomainException invalid at {@code file} (with {@code line}) when refused, at {@code zone} or {@code label};
     *                         forbidden unless an administrator
     */
    public Batch importCsv(Actor actor, String label, String fileName, String zone, String csv) {
        requireAdmin(actor);
        ZoneId zoneId = zone(zone);
        String name = fileName == null || fileName.isBlank() ? "arrivals.csv" : fileName.strip();
        String title = label == null || label.isBlank() ? name : label.strip();
        if (title.length() > MAX_LABEL) {
            throw DomainException.invalid("label", "analytics.history.labelLong", MAX_LABEL);
        }
        String text = csv == null ? "" : csv;
        ArrivalCountsFile.Read read;
        try {
            read = ArrivalCountsFile.read(new StringReader(text), name, zoneId);
        } catch (ArrivalCountsFile.Refused e) {
            throw refused(e.getMessage(), e.line());
        }
        if (read.hours().size() > MAX_COUNTS) {
            throw DomainException.invalid("file", "analytics.history.tooMany", read.hours().size(), MAX_COUNTS);
        }
        Set<String> channels = new HashSet<>();
        Set<String> categories = new HashSet<>();
        for (ArrivalCountsFile.HourCount h : read.hours()) {
            if (h.channel() != null && channels.add(h.channel())) {
                channel(h.channel(), text, name);
            }
            if (h.category() != null && categories.add(h.category())) {
                category(h.category(), text, name);
            }
        }
        // checked: the workforce's import reads the same file by the same rules and stores it in one transaction
        return Batch.of(history.importCsv(actor, title, name, zoneId.getId(), new StringReader(text)));
    }

    /** Every batch of imported history (the workforce's one store), the latest first. */
    public List<Batch> batches() {
        return history.batches().stream().map(Batch::of).toList();
    }

    /** Deletes a batch with its counts (administrators). */
    public void delete(Actor actor, long id) {
        requireAdmin(actor);
        if (history.batches().stream().noneMatch(b -> b.id() == id)) {
            throw DomainException.notFound("analytics.history.notFound", id);
        }
        history.delete(actor, id);
    }

    /** A file's bytes as UTF-8 text (a byte-order mark is kept for the reader to skip); anything else is refused at {@code file}. */
    public static String text(byte[] bytes) {
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw DomainException.invalid("file", "analytics.history.notUtf8");
        }
    }

    private static void channel(String code, String csv, String name) {
        try {
            Channel.valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            int line = lineWith(csv, code);
            throw refused(name + " line " + line + ": channel '" + code + "' is not one of " + java.util.Arrays.toString(Channel.values()), line);
        }
    }

    private void category(String code, String csv, String name) {
        Optional<CategoryRef> c = routing.categoryByCode(code.strip());
        if (c.isEmpty()) {
            int line = lineWith(csv, code);
            throw refused(name + " line " + line + ": category '" + code + "' is not a category code of this desk", line);
        }
    }

    /** The first data line with a field equal to {@code code} (the reader keeps no line numbers for codes it accepted). */
    static int lineWith(String csv, String code) {
        String[] lines = csv.split("\r\n|\n|\r", -1);
        for (int i = 1; i < lines.length; i++) {
            for (String field : lines[i].split("[,;\t]")) {
                if (field.strip().replaceAll("^\"|\"$", "").strip().equals(code)) {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    private static DomainException refused(String message, int line) {
        return DomainException.invalid("file", "analytics.history.refused", message).with("line", line);
    }

    private static void requireAdmin(Actor actor) {
        if (actor == null || !actor.roles().contains(Role.ADMIN)) {
            throw DomainException.forbidden("analytics.history.forbidden");
        }
    }

    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            throw DomainException.invalid("zone", "analytics.history.zoneRequired");
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw DomainException.invalid("zone", "analytics.history.zoneUnknown", zone.strip());
        }
    }
}
