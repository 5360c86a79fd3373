package io.linia.workforce.forecast;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToDoubleFunction;

/**
 * The Nelder–Mead downhill simplex (Nelder &amp; Mead 1965) with the standard coefficients: reflection 1,
 * expansion 2, contraction ½, shrink ½. Derivative-free, which suits an objective that is a sum of
 * forecast errors computed by a recursion. Unbounded: callers map bounded parameters through a logistic.
 */
public final class NelderMead {

    private NelderMead() {
    }

    /** The best point found and its value. */
    public record Minimum(double[] point, double value, int evaluations) {
    }

    /**
     * @param f              the objective
     * @param start          the first vertex
     * @param step           the other vertices are {@code start} moved by {@code step} along each axis
     * @param maxEvaluations stop after this many evaluations of {@code f}
     * @param tolerance      stop when the values of the simplex's vertices differ by less than this (relative)
     */
    public static Minimum minimize(ToDoubleFunction<double[]> f, double[] start, double step, int maxEvaluations, double tolerance) {
        int n = start.length;
        double[][] simplex = new double[n + 1][];
        double[] values = new double[n + 1];
        simplex[0] = start.clone();
        for (int i = 1; i <= n; i++) {
            simplex[i] = start.clone();
            simplex[i][i - 1] += step;
        }
        int evaluations = 0;
        for (int i = 0; i <= n; i++) {
            values[i] = f.applyAsDouble(simplex[i]);
            evaluations++;
        }
        Integer[] order = new Integer[n + 1];
        while (evaluations < maxEvaluations) {
            for (int i = 0; i <= n; i++) {
                order[i] = i;
            }
            double[] v = values;
            Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
            double[][] sortedPoints = new double[n + 1][];
            double[] sortedValues = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                sortedPoints[i] = simplex[order[i]];
                sortedValues[i] = values[order[i]];
            }
            simplex = sortedPoints;
            values = sortedValues;
            double best = values[0];
            double worst = values[n];
            if (Math.abs(worst - best) <= tolerance * (Math.abs(best) + Math.abs(worst)) + 1e-300) {
                break;
            }
            double[] centroid = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    centroid[j] += simplex[i][j] / n;
                }
            }
            double[] reflected = towards(centroid, simplex[n], -1);
            double reflectedValue = f.applyAsDouble(reflected);
            evaluations++;
            if (reflectedValue < values[0]) {
                double[] expanded = towards(centroid, simplex[n], -2);
                double expandedValue = f.applyAsDouble(expanded);
                evaluations++;
                if (expandedValue < reflectedValue) {
                    simplex[n] = expanded;
                    values[n] = expandedValue;
                } else {
                    simplex[n] = reflected;
                    values[n] = reflectedValue;
                }
            } else if (reflectedValue < values[n - 1]) {
                simplex[n] = reflected;
                values[n] = reflectedValue;
            } else {
                boolean outside = reflectedValue < values[n];
                double[] contracted = outside ? towards(centroid, simplex[n], -0.5) : towards(centroid, simplex[n], 0.5);
                double contractedValue = f.applyAsDouble(contracted);
                evaluations++;
                if (contractedValue < Math.min(reflectedValue, values[n])) {
                    simplex[n] = contracted;
                    values[n] = contractedValue;
                } else {
                    for (int i = 1; i <= n; i++) {
                        simplex[i] = towards(simplex[0], simplex[i], 0.5);
                        values[i] = f.applyAsDouble(simplex[i]);
                        evaluations++;
                    }
                }
            }
        }
        int bestIndex = 0;
        for (int i = 1; i <= n; i++) {
            if (values[i] < values[bestIndex]) {
                bestIndex = i;
            }
        }
        return new Minimum(simplex[bestIndex].clone(), values[bestIndex], evaluations);
    }

    /** {@code from + t (to − from)}: t = −1 reflects {@code to} through {@code from}, ½ goes half way to it. */
    private static double[] towards(double[] from, double[] to, double t) {
        double[] p = new double[from.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = from[j] + t * (to[j] - from[j]);
        }
        return p;
    }
}
