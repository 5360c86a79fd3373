package io.linia.workforce.forecast;

import static io.linia.workforce.forecast.ArrivalDays.HOURS;
import static io.linia.workforce.forecast.ArrivalDays.TYPES;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;

/**
 * Linia's arrival forecast: Holt-Winters on daily totals times an hourly profile per type of day.
 *
 * <p><b>Model.</b> Day d has type k (its weekday; a holiday is a Sunday) and total Y. The daily totals follow
 * Holt-Winters with a multiplicative weekday season and an additive damped trend (Gardner &amp; McKenzie;
 * Hyndman et al., <i>Forecasting with Exponential Smoothing</i>, ETS(A,Ad,M) in level form):
 * <pre>
 *   level   L ← α·Y/S[k] + (1−α)(L + φT)
 *   trend   T ← β(L_new − L_old) + (1−β)φT
 *   season  S[k] ← γ·Y/(L_old + φT_old) + (1−γ)S[k]
 *   profile P[k][h] ← δ·y_h/Y + (1−δ)P[k][h]          (the share of hour h in a day of type k;
 *                                                      a plain mean over the first 1/δ days with arrivals)
 *   forecast of hour h of the day n days ahead:  (L + (φ+φ²+…+φⁿ)T) · S[k] · P[k][h]
 * </pre>
 * After each season update the 7 factors are rescaled to average 1 and L and T inversely (Archibald &amp;
 * Koehler 2003), so that the level carries the volume. (The tuning often leaves α near 0: the rescaled season
 * updates then move the level, at a pace set by γ.) This is the daily × weekly double seasonality of hourly
 * arrivals in few parameters: 7 weekday factors and 7 × 24 shares instead of a 168-hour season whose every
 * hour would be smoothed from one noisy count a week. A closed day type (S ≈ 0) says nothing about the level
 * and leaves it alone.
 *
 * <p><b>Start.</b> From the first 14 days: S[k] = mean total of type-k days / mean total of all days,
 * L = their deseasonalised mean, T = 0 (two weeks are too few to tell a trend from noise; β learns it),
 * P[k] = 1/24 until the first type-k day with arrivals. The recursion then runs over the whole history,
 * start days included.
 *
 * <p><b>Robustness.</b> Before each update an hour's count is pulled into ŷ ± 3σ of its expected value ŷ,
 * σ² = ŷ + (0.05ŷ)² + 1 (Poisson noise plus a little drift of the profile): an outage spike or a dead hour then
 * moves the state like a large but plausible count (the cleaning of Gelper, Fried &amp; Croux, "Robust
 * forecasting with exponential and Holt-Winters smoothing", J. Forecasting 2010). ŷ is the one-day-ahead
 * forecast scaled by the day's median actual ÷ expected over its busy hours, so a day that is busier all
 * through is a change of level to learn, not a row of outliers.
 *
 * <p><b>Tuning</b> uses the given history only: the parameters minimise the squared hourly errors of the
 * forecasts made 1, 7 and 28 days ahead over the history (after the 14 start days), searched on a coarse
 * grid and refined by Nelder–Mead in logistic coordinates (α, β, γ, δ in (0, 1), φ in (0.8, 1)).
 */
public final class DayProfileHoltWinters {

    /** Fewer whole days than this and the model is not used. */
    public static final int MIN_DAYS = 14;
    private static final int[] TUNING_HORIZONS = {1, 7, 28};
    private static final double SPIKE_SIGMAS = 3;
    private static final double HOUR_VARIATION = 0.05;
    private static final double CLOSED = 1e-6;

    public record Parameters(double alpha, double beta, double gamma, double delta, double phi) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "α=%.4f β=%.4f γ=%.4f δ=%.4f φ=%.4f", alpha, beta, gamma, delta, phi);
        }
    }

    /** A model fitted to a history: its parameters and its state after the last whole day. */
    public static final class Fitted {

        private final Parameters parameters;
        private final ArrivalDays days;
        private final double level;
        private final double trend;
        private final double[] season;
        private final double[][] profile;

        private Fitted(Parameters parameters, ArrivalDays days, double level, double trend, double[] season, double[][] profile) {
            this.parameters = parameters;
            this.days = days;
            this.level = level;
            this.trend = trend;
            this.season = season;
            this.profile = profile;
        }

        public Parameters parameters() {
            return parameters;
        }

        /** Expected arrivals of {@code hours} consecutive hours from {@code from}, which is after the last whole day. */
        public double[] forecast(LocalDateTime from, int hours) {
            LocalDate lastDay = days.date(days.days() - 1);
            double[] out = new double[hours];
            for (int i = 0; i < hours; i++) {
                LocalDateTime t = from.plusHours(i);
                int ahead = (int) ChronoUnit.DAYS.between(lastDay, t.toLocalDate());
                if (ahead < 1) {
                    throw new IllegalArgumentException(t + " is not after the last whole day " + lastDay);
                }
                int k = days.type(t.toLocalDate());
                double total = (level + trend * dampedSum(parameters.phi(), ahead)) * season[k];
                out[i] = Math.max(0, total * profile[k][t.getHour()]);
            }
            return out;
        }
    }

    private DayProfileHoltWinters() {
    }

    /** Tunes the parameters on {@code days} and returns the model fitted with them. */
    public static Fitted fit(ArrivalDays days) {
        if (days.days() < MIN_DAYS) {
            throw new IllegalArgumentException("the model needs " + MIN_DAYS + " whole days, the history has " + days.days());
        }
        double[] bestGrid = null;
        double bestValue = Double.POSITIVE_INFINITY;
        for (double alpha : new double[]{0.05, 0.2, 0.5}) {
            for (double beta : new double[]{0.002, 0.05}) {
                for (double gamma : new double[]{0.02, 0.1, 0.3}) {
                    for (double delta : new double[]{0.02, 0.1}) {
                        for (double phi : new double[]{0.9, 0.98, 0.999}) {
                            double[] x = toCoordinates(new Parameters(alpha, beta, gamma, delta, phi));
                            double value = run(fromCoordinates(x), days).error;
                            if (value < bestValue) {
                                bestValue = value;
                                bestGrid = x;
                            }
                        }
                    }
                }
            }
        }
        NelderMead.Minimum minimum = NelderMead.minimize(x -> run(fromCoordinates(x), days).error, bestGrid, 0.5, 400, 1e-7);
        double[] best = minimum.value() < bestValue ? minimum.point() : bestGrid;
        Parameters parameters = fromCoordinates(best);
        Run run = run(parameters, days);
        return new Fitted(parameters, days, run.level, run.trend, run.season, run.profile);
    }

    /** Fits the model with the given parameters, no tuning. */
    public static Fitted fit(ArrivalDays days, Parameters parameters) {
        Run run = run(parameters, days);
        return new Fitted(parameters, days, run.level, run.trend, run.season, run.profile);
    }

    private static final class Run {
        double level;
        double trend;
        double[] season;
        double[][] profile;
        double error;
    }

    private static Run run(Parameters p, ArrivalDays days) {
        int n = days.days();
        double[] season = new double[TYPES];
        double[][] profile = new double[TYPES][HOURS];
        double level = start(days, season, profile);
        double trend = 0;
        double[] levelAfter = new double[n];
        double[] trendAfter = new double[n];
        double[] cleaned = new double[HOURS];
        double[] ratios = new double[HOURS];
        int[] profileDays = new int[TYPES];
        double error = 0;
        for (int d = 0; d < n; d++) {
            int k = days.type(d);
            double expectedTotal = Math.max(0, (level + p.phi() * trend) * season[k]);
            double dayRatio = d >= MIN_DAYS && expectedTotal > CLOSED ? dayRatio(days, d, expectedTotal, profile[k], ratios) : Double.NaN;
            double total = 0;
            for (int h = 0; h < HOURS; h++) {
                double y = days.count(d, h);
                if (!Double.isNaN(dayRatio)) {
                    double expected = expectedTotal * dayRatio * profile[k][h];
                    double sigma = Math.sqrt(expected + HOUR_VARIATION * HOUR_VARIATION * expected * expected + 1);
                    y = Math.max(expected - SPIKE_SIGMAS * sigma, Math.min(expected + SPIKE_SIGMAS * sigma, y));
                }
                cleaned[h] = y;
                total += y;
            }
            for (int horizon : TUNING_HORIZONS) {
                int origin = d - horizon;
                if (origin >= MIN_DAYS - 1) {
                    double forecastTotal = Math.max(0, (levelAfter[origin] + trendAfter[origin] * dampedSum(p.phi(), horizon)) * season[k]);
                    for (int h = 0; h < HOURS; h++) {
                        double miss = cleaned[h] - forecastTotal * profile[k][h];
                        error += miss * miss;
                    }
                }
            }
            double previousLevel = level;
            double damped = p.phi() * trend;
            if (season[k] > CLOSED) {
                level = p.alpha() * total / season[k] + (1 - p.alpha()) * (previousLevel + damped);
                trend = p.beta() * (level - previousLevel) + (1 - p.beta()) * damped;
            } else {
                level = previousLevel + damped;
                trend = damped;
            }
            if (previousLevel + damped > CLOSED) {
                season[k] = p.gamma() * total / (previousLevel + damped) + (1 - p.gamma()) * season[k];
                // keep the factors averaging 1 (Archibald & Koehler 2003), so the level carries the volume, not the season
                double mean = 0;
                for (double factor : season) {
                    mean += factor / TYPES;
                }
                if (mean > CLOSED) {
                    for (int j = 0; j < TYPES; j++) {
                        season[j] /= mean;
                    }
                    level *= mean;
                    trend *= mean;
                }
            }
            if (total > 0) {
                // a running mean of the first days with arrivals, then exponential: no start profile lingers
                profileDays[k]++;
                double weight = Math.max(p.delta(), 1.0 / profileDays[k]);
                for (int h = 0; h < HOURS; h++) {
                    profile[k][h] = weight * cleaned[h] / total + (1 - weight) * profile[k][h];
                }
            }
            levelAfter[d] = level;
            trendAfter[d] = trend;
        }
        Run run = new Run();
        run.level = level;
        run.trend = trend;
        run.season = season;
        run.profile = profile;
        run.error = error;
        return run;
    }

    /**
     * How busy day d is against its forecast, as the median of actual ÷ expected over its busier hours (those
     * expected at half the day's peak or more; +1 on both sides so that a quiet hour cannot swing it). A
     * median: a spike of a few hours does not move it, a day that is busier all through (a new level, a
     * campaign) does, and then its hours are not mistaken for outliers.
     */
    private static double dayRatio(ArrivalDays days, int d, double expectedTotal, double[] profile, double[] ratios) {
        double peak = 0;
        for (double share : profile) {
            peak = Math.max(peak, share);
        }
        int n = 0;
        for (int h = 0; h < HOURS; h++) {
            if (profile[h] >= peak / 2) {
                double expected = expectedTotal * profile[h];
                ratios[n++] = (days.count(d, h) + 1) / (expected + 1);
            }
        }
        Arrays.sort(ratios, 0, n);
        return n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
    }

    /** Fills the start season from the first {@link #MIN_DAYS} days, the profiles flat, and returns the start level. */
    private static double start(ArrivalDays days, double[] season, double[][] profile) {
        double[] typeTotal = new double[TYPES];
        int[] typeDays = new int[TYPES];
        double all = 0;
        for (int d = 0; d < MIN_DAYS; d++) {
            int k = days.type(d);
            double total = days.total(d);
            typeTotal[k] += total;
            typeDays[k]++;
            all += total;
        }
        double mean = all / MIN_DAYS;
        double seasonSum = 0;
        for (int k = 0; k < TYPES; k++) {
            season[k] = typeDays[k] == 0 || mean == 0 ? 1 : typeTotal[k] / typeDays[k] / mean;
            Arrays.fill(profile[k], 1.0 / HOURS);
        }
        double factorMean = 0;
        for (double factor : season) {
            factorMean += factor / TYPES;
        }
        for (int k = 0; k < TYPES; k++) {
            season[k] = factorMean > 0 ? season[k] / factorMean : 1;
        }
        for (int d = 0; d < MIN_DAYS; d++) {
            seasonSum += season[days.type(d)];
        }
        // deseasonalised mean: Σ totals / Σ factors, which a closed day (factor 0) does not upset
        return seasonSum > 0 ? all / seasonSum : 0;
    }

    /** φ + φ² + … + φⁿ: how much of the trend is added n days ahead. */
    static double dampedSum(double phi, int n) {
        if (Math.abs(1 - phi) < 1e-12) {
            return n;
        }
        return phi * (1 - Math.pow(phi, n)) / (1 - phi);
    }

    private static double[] toCoordinates(Parameters p) {
        return new double[]{logit(p.alpha()), logit(p.beta()), logit(p.gamma()), logit(p.delta()), logit((p.phi() - 0.8) / 0.2)};
    }

    private static Parameters fromCoordinates(double[] x) {
        return new Parameters(logistic(x[0]), logistic(x[1]), logistic(x[2]), logistic(x[3]), 0.8 + 0.2 * logistic(x[4]));
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
