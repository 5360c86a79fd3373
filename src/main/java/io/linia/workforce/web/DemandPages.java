package io.linia.workforce.web;

import java.text.NumberFormat;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Numbers of the demand pages as {@code ${@demandPages.…}}: counts, rates and percentages in the viewer's language. */
@Component("demandPages")
public class DemandPages {

    /** {@code 9 412} / {@code 9,412}: a count rounded to whole tickets. */
    public String count(double value) {
        return format(value, 0);
    }

    /** {@code 12,5} / {@code 12.5}: one decimal. */
    public String decimal(double value) {
        return format(value, 1);
    }

    /** {@code 12,5 %}; {@code —} when undefined (no arrivals to divide by). */
    public String percent(double value) {
        return Double.isNaN(value) ? "—" : format(value, 1) + " %";
    }

    /** A share 0..1 as {@code 88,0 %}. */
    public String share(double value) {
        return percent(value * 100);
    }

    private static String format(double value, int digits) {
        Locale locale = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? Locale.UK : Locale.forLanguageTag("ru-RU");
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        // a narrow no-break space groups thousands in Russian; a plain space reads the same and tests can match it
        return f.format(value).replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
