package io.linia.workforce.forecast;

import static io.linia.workforce.forecast.ArrivalDays.HOURS;
import static io.linia.workforce.forecast.ArrivalDays.TYPES;

import io.linia.workforce.Forecast.Basis;
import io.linia.workforce.HourlySeries;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.Predicate;

/**
 * The forecast when the history is too short for the model (under {@link DayProfileHoltWinters#MIN_DAYS}
 * whole days): plain means, as fine-grained as the history allows. From a week on, the mean of the same
 * hour of the same type of day; under a week, of the same hour over the days of the same kind (working
 * day, or weekend and holiday); under a day, of all hours. A slot that has no observation at its level
 * takes the next coarser one. No trend: too little history to tell one.
 */
public final class ShortHistory {

    private ShortHistory() {
    }

    public static Basis basis(HourlySeries history) {
        if (history.hours() >= 7 * HOURS) {
            return Basis.SAME_HOUR_OF_WEEK;
        }
        return history.hours() >= HOURS ? Basis.SAME_HOUR_OF_DAY : Basis.FLAT_MEAN;
    }

    public static double[] forecast(HourlySeries history, int hours, Predicate<LocalDate> holidays) {
        if (history.hours() == 0) {
            throw new IllegalArgumentException("no history to forecast from");
        }
        double[][] typeSum = new double[TYPES][HOURS];
        int[][] typeCount = new int[TYPES][HOURS];
        double[][] kindSum = new double[2][HOURS];
        int[][] kindCount = new int[2][HOURS];
        double[] hourSum = new double[HOURS];
        int[] hourCount = new int[HOURS];
        double all = 0;
        for (int i = 0; i < history.hours(); i++) {
            LocalDateTime t = history.hourAt(i);
            int k = ArrivalDays.type(t.toLocalDate(), holidays);
            int kind = ArrivalDays.workingDay(k) ? 0 : 1;
            int h = t.getHour();
            double v = history.value(i);
            typeSum[k][h] += v;
            typeCount[k][h]++;
            kindSum[kind][h] += v;
            kindCount[kind][h]++;
            hourSum[h] += v;
            hourCount[h]++;
            all += v;
        }
        double flat = all / history.hours();
        Basis basis = basis(history);
        double[] out = new double[hours];
        for (int i = 0; i < hours; i++) {
            LocalDateTime t = history.end().plusHours(i);
            int k = ArrivalDays.type(t.toLocalDate(), holidays);
            int kind = ArrivalDays.workingDay(k) ? 0 : 1;
            int h = t.getHour();
            double value = flat;
            if (basis == Basis.SAME_HOUR_OF_WEEK && typeCount[k][h] > 0) {
                value = typeSum[k][h] / typeCount[k][h];
            } else if (basis != Basis.FLAT_MEAN && kindCount[kind][h] > 0) {
                value = kindSum[kind][h] / kindCount[kind][h];
            } else if (basis != Basis.FLAT_MEAN && hourCount[h] > 0) {
                value = hourSum[h] / hourCount[h];
            }
            out[i] = value;
        }
        return out;
    }
}
