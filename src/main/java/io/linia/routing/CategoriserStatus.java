package io.linia.routing;

import java.time.Instant;

/**
 * What the categoriser knows: when its model was trained (null: no model yet), on how many
 * examples and categories, the share of a held-out 10 % it categorised right ({@code accuracy},
 * null when there were too few examples to hold any out), how long training took, how many times
 * people corrected a suggestion since, whether a training runs now, and the last training error.
 */
public record CategoriserStatus(Instant trainedAt, int examples, int categories, Double accuracy,
                                Long trainingMillis, long correctionsSinceTraining, boolean training,
                                Instant trainingStartedAt, String lastError, double confidentAt) {
}
