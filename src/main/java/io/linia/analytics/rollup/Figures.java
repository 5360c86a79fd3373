package io.linia.analytics.rollup;

import java.time.Duration;

/**
 * The figures of a cell, as one array indexed by the constants here (the table's columns in the same order). The
 * first-line wait keeps its count, its sum in seconds and a histogram over fixed minute buckets, from which a
 * range's average is exact and its median and 90th percentile are read to within a bucket (interpolated).
 */
public final class Figures {

    public static final int CREATED = 0;
    public static final int ESCALATED = 1;
    public static final int RETURNED = 2;
    public static final int SOLVED = 3;
    public static final int REOPENED = 4;
    public static final int BACKLOG = 5;
    public static final int WAIT_COUNT = 6;
    public static final int WAIT_SECONDS = 7;
    public static final int W0 = 8;

    /** Lower edges of the wait buckets in minutes; the last bucket is open-ended. */
    public static final int[] WAIT_EDGES = {0, 5, 10, 15, 20, 25, 30, 40, 50, 60, 75, 90, 120, 180, 240, 360, 480, 720, 1440, 2880};
    public static final int SIZE = W0 + WAIT_EDGES.length;

    /** Column names in index order. */
    public static final String[] COLUMNS = columns();

    private Figures() {
    }

    public static int bucket(Duration wait) {
        long minutes = Math.max(0, wait.toMinutes());
        for (int i = WAIT_EDGES.length - 1; i > 0; i--) {
            if (minutes >= WAIT_EDGES[i]) {
                return i;
            }
        }
        return 0;
    }

    /**
     * The {@code q} quantile (0..1) of a histogram in minutes, linearly inside its bucket; the open last bucket
     * answers its lower edge. Null for an empty histogram.
     */
    public static Double quantileMinutes(long[] histogram, double q) {
        long total = 0;
        for (long n : histogram) total += n;
        if (total == 0) {
            return null;
        }
        double rank = q * total;
        long below = 0;
        for (int i = 0; i < histogram.length; i++) {
            long n = histogram[i];
            if (n > 0 && below + n >= rank) {
                if (i == histogram.length - 1) {
                    return (double) WAIT_EDGES[i];
                }
                double inside = (rank - below) / n;
                return WAIT_EDGES[i] + inside * (WAIT_EDGES[i + 1] - WAIT_EDGES[i]);
            }
            below += n;
        }
        return (double) WAIT_EDGES[WAIT_EDGES.length - 1];
    }

    private static String[] columns() {
        String[] c = new String[SIZE];
        String[] named = {"created", "escalated", "returned", "solved", "reopened", "backlog_delta", "wait_count", "wait_seconds"};
        System.arraycopy(named, 0, c, 0, named.length);
        for (int i = 0; i < WAIT_EDGES.length; i++) {
            c[W0 + i] = "w" + i;
        }
        return c;
    }
}
