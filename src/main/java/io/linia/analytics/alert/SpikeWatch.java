package io.linia.analytics.alert;

import io.linia.accounts.Role;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.analytics.SpikeAlertRaised;
import io.linia.routing.BusinessCalendars;
import io.linia.routing.RoutingDirectory;
import io.linia.tickets.Channel;
import io.linia.tickets.TicketTexts;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches the inflow for spikes: every {@code linia.analytics.alerts.every} it counts the tickets created in the last
 * {@code window} per category and per channel, judges each count against the same window of the past weeks
 * ({@link ArrivalBaselines}, {@link SpikeRule}), opens an alert for a new spike — with sample tickets and the words
 * new in them ({@link NewWords}), an in-app notice to every team lead and {@link SpikeAlertRaised} for the mail — and
 * closes an open one once the inflow is back to normal. At most one alert is open per category or channel (a unique
 * key in the table, so two nodes evaluating at once cannot both open one): a spike that lasts is not told twice.
 */
@Component
public class SpikeWatch {

    /** What one evaluation did. */
    public record Evaluation(Instant at, int keys, List<Long> opened, List<Long> closed) {
    }

    private static final Logger log = LoggerFactory.getLogger(SpikeWatch.class);
    /** Most tickets of a window read to count it (far above any real desk's hour). */
    static final int MAX_ARRIVALS = 100_000;
    /** Tickets of the spike and of the background whose words are compared. */
    static final int WORD_TICKETS = 300;
    static final int BACKGROUND_TICKETS = 1000;
    static final int MAX_SUBJECT = 255;

    private final JdbcTemplate jdbc;
    private final TicketTexts texts;
    private final ArrivalBaselines baselines;
    private final AlertProperties settings;
    private final BusinessCalendars calendars;
    private final RoutingDirectory routing;
    private final UserDirectory users;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private volatile Instant lastRun;

    SpikeWatch(JdbcTemplate jdbc, TicketTexts texts, ArrivalBaselines baselines, AlertProperties settings,
               BusinessCalendars calendars, RoutingDirectory routing, UserDirectory users, MessageSource messages,
               ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.texts = texts;
        this.baselines = baselines;
        this.settings = settings;
        this.calendars = calendars;
        this.routing = routing;
        this.users = users;
        this.messages = messages;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public AlertProperties settings() {
        return settings;
    }

    /** Checked every minute; evaluates when {@code every} has passed since the last evaluation. */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void scheduled() {
        if (!settings.enabled()) {
            return;
        }
        Instant now = clock.instant();
        if (lastRun != null && now.isBefore(lastRun.plus(settings.every()))) {
            return;
        }
        try {
            evaluate();
        } catch (RuntimeException e) {
            log.warn("Spike alerts not evaluated; the next try in a minute: {}", e.toString());
        }
    }

    /** One evaluation at the clock's instant. */
    public synchronized Evaluation evaluate() {
        Instant now = clock.instant();
        lastRun = now;
        Instant start = now.minus(settings.window());
        ZoneId zone = calendars.defaultCalendar().zone();
        List<TicketTexts.Arrival> arrivals = texts.created(start, now.plusMillis(1), null, null, MAX_ARRIVALS);
        Map<AlertKey, List<TicketTexts.Arrival>> byKey = new TreeMap<>();
        for (TicketTexts.Arrival a : arrivals) {
            byKey.computeIfAbsent(AlertKey.channel(a.channel().name()), k -> new ArrayList<>()).add(a);
            byKey.computeIfAbsent(AlertKey.category(a.categoryId()), k -> new ArrayList<>()).add(a);
        }
        Map<AlertKey, Long> open = new HashMap<>();
        jdbc.query("select id, dimension, dim_key from analytics_alert where open_key is not null", rs -> {
            open.put(new AlertKey(AlertKey.Dimension.valueOf(rs.getString(2)), rs.getString(3)), rs.getLong(1));
        });
        TreeSet<AlertKey> keys = new TreeSet<>(byKey.keySet());
        keys.addAll(open.keySet());
        if (keys.isEmpty()) {
            return new Evaluation(now, 0, List.of(), List.of());
        }
        Map<AlertKey, double[]> samples = baselines.samples(start, now, zone, settings.weeks(), byKey.keySet());
        List<Long> opened = new ArrayList<>();
        List<Long> closed = new ArrayList<>();
        for (AlertKey key : keys) {
            List<TicketTexts.Arrival> these = byKey.getOrDefault(key, List.of());
            SpikeRule.Judgement j = SpikeRule.judge(these.size(), ArrivalBaselines.of(samples, key), settings);
            Long alert = open.get(key);
            if (alert != null) {
                if (j.normal(settings)) {
                    tx.executeWithoutResult(s -> jdbc.update("update analytics_alert set open_key = null, closed_at = ?, last_count = ?,"
                            + " evaluated_at = ? where id = ? and open_key is not null", Timestamp.from(now), these.size(),
                            Timestamp.from(now), alert));
                    closed.add(alert);
                } else {
                    tx.executeWithoutResult(s -> jdbc.update("update analytics_alert set last_count = ?, peak_count = greatest(peak_count, ?),"
                            + " evaluated_at = ? where id = ?", these.size(), these.size(), Timestamp.from(now), alert));
                }
            } else if (j.spike(settings)) {
                Long id = open(key, j, these, start, now);
                if (id != null) {
                    opened.add(id);
                }
            }
        }
        if (!opened.isEmpty() || !closed.isEmpty()) {
            log.info("Spike alerts: opened {}, closed {}", opened, closed);
        }
        return new Evaluation(now, keys.size(), opened, closed);
    }

    private Long open(AlertKey key, SpikeRule.Judgement j, List<TicketTexts.Arrival> these, Instant start, Instant now) {
        List<TicketTexts.Arrival> newest = these.stream()
                .sorted(Comparator.comparing(TicketTexts.Arrival::createdAt).reversed().thenComparing(TicketTexts.Arrival::ticketId))
                .toList();
        List<TicketTexts.Arrival> samples = newest.subList(0, Math.min(settings.samples(), newest.size()));
        Channel channel = key.dimension() == AlertKey.Dimension.CHANNEL ? Channel.valueOf(key.key()) : null;
        Long category = key.dimension() == AlertKey.Dimension.CATEGORY ? Long.parseLong(key.key()) : null;
        List<Long> spikeIds = newest.stream().limit(WORD_TICKETS).map(TicketTexts.Arrival::ticketId).toList();
        List<Long> backgroundIds = texts.created(start.minus(java.time.Duration.ofDays(settings.backgroundDays())), start, channel,
                category, BACKGROUND_TICKETS).stream().map(TicketTexts.Arrival::ticketId).toList();
        Map<Long, String> spikeTexts = texts.texts(spikeIds);
        Map<Long, String> backgroundTexts = texts.texts(backgroundIds);
        List<String> words = NewWords.of(spikeTexts.values(), backgroundTexts.values(), settings.words());
        String sampleText = String.join("\n", samples.stream().map(a -> a.ticketId() + "\t" + oneLine(a.subject())).toList());
        String wordText = String.join(" ", words);
        List<Long> leads = users.staff().stream().filter(u -> u.enabled() && u.roles().contains(Role.TEAM_LEAD))
                .map(UserRef::id).sorted().toList();
        try {
            return tx.execute(s -> {
                long id = jdbc.queryForObject("select nextval('analytics_alert_seq')", Long.class);
                Timestamp at = Timestamp.from(now);
                jdbc.update("insert into analytics_alert (id, dimension, dim_key, open_key, opened_at, closed_at, window_count, usual, spread,"
                                + " z_score, weeks, peak_count, last_count, evaluated_at, samples, words) values (?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        id, key.dimension().name(), key.key(), key.openKey(), at, these.size(), j.usual(), j.spread(), j.z(), j.weeks(),
                        these.size(), these.size(), at, sampleText, wordText);
                jdbc.batchUpdate("insert into analytics_alert_notice (alert_id, user_id, read_at) values (?, ?, null)",
                        leads.stream().map(u -> new Object[] {id, u}).toList());
                events.publishEvent(new SpikeAlertRaised(id, key.dimension().name(), label(key, Locale.forLanguageTag("ru")),
                        label(key, Locale.ENGLISH), now, these.size(), round(j.usual()),
                        samples.stream().map(a -> new SpikeAlertRaised.Sample(a.ticketId(), a.number(), oneLine(a.subject()))).toList(),
                        words, leads));
                return id;
            });
        } catch (DuplicateKeyException anotherNode) {
            // another node opened this key's alert meanwhile: the spike is told once
            return null;
        }
    }

    /** A category's or channel's name in the viewer's language. */
    public String label(AlertKey key, Locale locale) {
        boolean en = locale != null && "en".equals(locale.getLanguage());
        if (key.dimension() == AlertKey.Dimension.CHANNEL) {
            return messages.getMessage("analytics.dash.channel." + key.key(), null, key.key(), locale);
        }
        long id = Long.parseLong(key.key());
        if (id == 0) {
            return messages.getMessage("analytics.none.category", null, "—", locale);
        }
        return routing.category(id).map(c -> en ? c.nameEn() : c.nameRu()).orElse("#" + id);
    }

    private static String oneLine(String s) {
        String t = s == null ? "" : s.replaceAll("[\\t\\r\\n]+", " ").strip();
        return t.length() > MAX_SUBJECT ? t.substring(0, MAX_SUBJECT) : t;
    }

    private static double round(double v) {
        return Math.round(v * 10.0) / 10.0;
    }
}
