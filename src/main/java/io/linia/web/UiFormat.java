package io.linia.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Times on pages, as {@code ${@ui.time(t.createdAt)}}: in the desk's time zone, waiting times in words. */
@Component("ui")
public class UiFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final ZoneId zone;
    private final Clock clock;

    UiFormat(@Value("${linia.ui.time-zone:Europe/Moscow}") String zone, Clock clock) {
        this.zone = ZoneId.of(zone);
        this.clock = clock;
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    /**
     * A decimal in the page's language with {@code digits} after the separator: "4,5" in Russian, "4.5" in English;
     * empty for none.
     */
    public String number(Number value, int digits) {
        if (value == null) {
            return "";
        }
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        format.setGroupingUsed(false);
        format.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return format.format(value);
    }

    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** "2 ч 05 мин" / "2 h 05 min" since the instant. */
    public String since(Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration d = Duration.between(instant, clock.instant());
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return en ? days + " d " + hours + " h" : days + " д " + hours + " ч";
        }
        if (hours > 0) {
            return en ? hours + " h " + String.format("%02d", minutes) + " min" : hours + " ч " + String.format("%02d", minutes) + " мин";
        }
        return en ? minutes + " min" : minutes + " мин";
    }

    /**
     * A length of time in words, in the page's language: "45 с", "12 мин", "1 ч 05 мин", "2 д 3 ч" ("45 s", "12 min",
     * "1 h 05 min", "2 d 3 h"); empty for none.
     */
    public String duration(Long millis) {
        if (millis == null) {
            return "";
        }
        Duration d = Duration.ofMillis(Math.max(0, millis));
        boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return en ? days + " d " + hours + " h" : days + " д " + hours + " ч";
        }
        if (hours > 0) {
            return en ? hours + " h " + String.format("%02d", minutes) + " min" : hours + " ч " + String.format("%02d", minutes) + " мин";
        }
        if (minutes > 0) {
            return en ? minutes + " min" : minutes + " мин";
        }
        return en ? d.toSecondsPart() + " s" : d.toSecondsPart() + " с";
    }

    /** Minutes since the instant, for colouring long waits. */
    /** Time left until {@code due} ("45 мин", "2 ч 05 мин"), or how late with a minus ("−10 мин"); "" when none. */
    public String until(Instant due) {
        if (due == null) {
            return "";
        }
        Instant now = clock.instant();
        return due.isBefore(now) ? "−" + since(due) : since(now.minus(Duration.between(now, due)));
    }

    public long minutesSince(Instant instant) {
        return instant == null ? 0 : Math.max(0, Duration.between(instant, clock.instant()).toMinutes());
    }

    /** The current page's address with {@code lang} set: switching language keeps filters and paging. */
    public String langUrl(String lang) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return "?lang=" + lang;
        }
        HttpServletRequest request = attributes.getRequest();
        String query = request.getQueryString();
        return UriComponentsBuilder.fromUriString(query == null ? "" : "?" + query)
                .replaceQueryParam("lang", lang).build().toUriString();
    }

    public String lang() {
        Locale locale = LocaleContextHolder.getLocale();
        return "en".equals(locale.getLanguage()) ? "en" : "ru";
    }
}
