package io.linia.workforce.forecast;

/**
 * The two forecasts a backtest measures Linia's against, as a workforce planner would make them by hand.
 * Both repeat weeks of the training part: hour i after its end has the hour-of-week of the training hour
 * {@code n − 168 + (i mod 168)}.
 */
public final class Baselines {

    public static final int WEEK = 168;

    private Baselines() {
    }

    /** Same hour of the same weekday in the last training week. */
    public static double[] seasonalNaive(double[] training, int hours) {
        return meanOfLastWeeks(training, hours, 1);
    }

    /**
     * Mean of the same hour of the same weekday over the last {@code weeks} training weeks, or over as many
     * whole weeks as the training part has.
     */
    public static double[] meanOfLastWeeks(double[] training, int hours, int weeks) {
        int n = training.length;
        int used = Math.min(weeks, n / WEEK);
        if (used < 1) {
            throw new IllegalArgumentException("a baseline needs a week of training hours, there are " + n);
        }
        double[] out = new double[hours];
        for (int i = 0; i < hours; i++) {
            int position = i % WEEK;
            double sum = 0;
            for (int w = 1; w <= used; w++) {
                sum += training[n - WEEK * w + position];
            }
            out[i] = sum / used;
        }
        return out;
    }
}
