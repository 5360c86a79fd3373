package io.linia.workforce.web;

import io.linia.accounts.Actor;
import io.linia.workforce.staff.PlanningCalendar;
import io.linia.workforce.staff.StaffAccess;
import java.time.Instant;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Small helpers the workforce pages call as {@code ${@staffPages.…}}: dates with weekdays, who plans. */
@Component("staffPages")
public class StaffPages {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final PlanningCalendar calendar;

    StaffPages(PlanningCalendar calendar) {
        this.calendar = calendar;
    }

    /** {@code 02.12.2026 18:00} in the planning zone (the default business calendar's). */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(calendar.current().zone()));
    }

    /** {@code 18:00} in the planning zone. */
    public String clock(Instant instant) {
        return instant == null ? "" : CLOCK.format(instant.atZone(calendar.current().zone()));
    }

    /** The value of a {@code datetime-local} input for the instant, in the planning zone. */
    public String localInput(Instant instant) {
        return instant == null ? "" : LOCAL_INPUT.format(instant.atZone(calendar.current().zone()));
    }

    public String zone() {
        return calendar.current().zone().getId();
    }

    /** {@code 07.12.2026} */
    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** {@code 07.12} */
    public String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** {@code пн} / {@code Mon} */
    public String weekday(LocalDate date) {
        return weekday(date.getDayOfWeek());
    }

    public String weekday(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, locale());
    }

    /** {@code понедельник} / {@code Monday}, for lists of patterns. */
    public String weekdayLong(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL_STANDALONE, locale());
    }

    /** {@code 42 000,00 ₽} / {@code RUB 42,000.00}: the amount in the viewer's language. */
    public String money(io.linia.workforce.Money money) {
        if (money == null) {
            return "";
        }
        java.text.NumberFormat format = java.text.NumberFormat.getCurrencyInstance(locale());
        format.setCurrency(money.currency());
        format.setMinimumFractionDigits(Math.max(money.currency().getDefaultFractionDigits(), 0));
        format.setMaximumFractionDigits(Math.max(money.currency().getDefaultFractionDigits(), 0));
        return format.format(money.amount());
    }

    /** An amount for an input box: {@code 42000.00}. */
    public String amount(io.linia.workforce.Money money) {
        return money == null ? "" : money.amount().toPlainString();
    }

    public boolean plans(Actor actor) {
        return actor != null && StaffAccess.plans(actor);
    }

    public boolean isAgent(Actor actor) {
        return actor != null && StaffAccess.isAgent(actor.roles());
    }

    private static Locale locale() {
        Locale locale = LocaleContextHolder.getLocale();
        return "en".equals(locale.getLanguage()) ? Locale.UK : Locale.forLanguageTag("ru-RU");
    }
}
