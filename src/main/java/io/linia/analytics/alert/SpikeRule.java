package io.linia.analytics.alert;

import java.util.Arrays;

/**
 * Whether a window's arrivals are abnormally many for its hour of the week. The usual level is the <b>median</b> of
 * the same window in the last weeks that have history (own tickets or imported counts), its spread the larger of
 * <ul>
 *   <li>the Poisson noise of that level, {@code sqrt(max(usual, 1))} — arrivals are counts, and even a perfectly
 *       regular desk varies so much from week to week;</li>
 *   <li>the robust spread of the weeks, {@code 1.4826 × MAD} (the median absolute deviation, scaled to a normal
 *       distribution's standard deviation) — a desk whose Mondays differ more than Poisson says widens its band.</li>
 * </ul>
 * The score is {@code z = (now − usual) / spread}. An alert is raised when {@code z ≥ threshold}, the window holds at
 * least {@code minCount} tickets and at least {@code minRatio × usual}, and at least {@code minWeeks} weeks had
 * history; an open alert closes when {@code z < closeThreshold}. The median and the MAD ignore one odd week (a past
 * outage) that a mean and a standard deviation would let raise the bar.
 */
public final class SpikeRule {

    /** What the rule says of one window. */
    public record Judgement(double count, double usual, double spread, double z, int weeks, boolean known) {

        /** The window is a spike by these settings. */
        public boolean spike(AlertProperties p) {
            return known && count >= p.minCount() && z >= p.threshold() && count >= p.minRatio() * usual;
        }

        /** An open alert on this window may close. */
        public boolean normal(AlertProperties p) {
            return !known || z < p.closeThreshold();
        }
    }

    private SpikeRule() {
    }

    /**
     * @param count   arrivals in the window now
     * @param samples arrivals in the same window of each past week with history (weeks without history left out)
     */
    public static Judgement judge(double count, double[] samples, AlertProperties p) {
        if (samples.length < p.minWeeks()) {
            return new Judgement(count, 0, 0, 0, samples.length, false);
        }
        double usual = median(samples);
        double[] deviations = Arrays.stream(samples).map(x -> Math.abs(x - usual)).toArray();
        double spread = Math.max(Math.sqrt(Math.max(usual, 1.0)), 1.4826 * median(deviations));
        return new Judgement(count, usual, spread, (count - usual) / spread, samples.length, true);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        if (n == 0) {
            return 0;
        }
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    }
}
