package io.linia.quality;

import java.math.BigDecimal;
import java.util.List;

/**
 * The reviews several reviewers made of one ticket and how far apart they are: per criterion (scores 0–2) and
 * for the total (percent): count, min, max, mean and population standard deviation (two decimals).
 */
public record CalibrationView(long ticketId, String ticketNumber, List<ReviewView> reviews, List<Spread> criteria,
                              Spread total) {

    public record Spread(String code, String nameRu, String nameEn, int count, BigDecimal min, BigDecimal max,
                         BigDecimal mean, BigDecimal stddev) {

        public String name(java.util.Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameRu;
        }
    }

    /** A ticket reviewed by two or more reviewers, for the calibration list. */
    public record Entry(long ticketId, String ticketNumber, int reviews, BigDecimal min, BigDecimal max) {
    }
}
