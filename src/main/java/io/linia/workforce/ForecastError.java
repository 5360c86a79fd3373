package io.linia.workforce;

/**
 * How far a forecast was from what happened, hour by hour.
 *
 * <p>MAPE is undefined for an hour with no arrivals (division by zero), and a desk has many such hours
 * (nights, weekends). So: <b>MAPE</b> = mean of |actual − forecast| / actual × 100 over the hours with
 * actual &gt; 0 ({@link #hoursInMape()} of them); the hours with no arrivals still count in <b>WAPE</b> =
 * Σ|actual − forecast| / Σ actual × 100 over all hours, which also weighs busy hours more, as staffing does.
 * Either is {@code NaN} when it has nothing to divide by.
 *
 * @param mape        percent, over the hours with arrivals
 * @param wape        percent, over all hours
 * @param hoursInMape hours with arrivals (those in the MAPE)
 * @param hours       all hours compared
 */
public record ForecastError(double mape, double wape, int hoursInMape, int hours) {

    /** Compares two series of the same hours. */
    public static ForecastError of(HourlySeries actual, HourlySeries forecast) {
        if (!actual.start().equals(forecast.start()) || actual.hours() != forecast.hours()) {
            throw new IllegalArgumentException("the forecast " + forecast + " does not cover the hours of " + actual);
        }
        double percentSum = 0;
        int withArrivals = 0;
        double absoluteSum = 0;
        double actualSum = 0;
        for (int i = 0; i < actual.hours(); i++) {
            double a = actual.value(i);
            double miss = Math.abs(a - forecast.value(i));
            absoluteSum += miss;
            actualSum += a;
            if (a > 0) {
                percentSum += miss / a;
                withArrivals++;
            }
        }
        double mape = withArrivals == 0 ? Double.NaN : 100 * percentSum / withArrivals;
        double wape = actualSum == 0 ? Double.NaN : 100 * absoluteSum / actualSum;
        return new ForecastError(mape, wape, withArrivals, actual.hours());
    }
}
